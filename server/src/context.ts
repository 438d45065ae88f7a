import type { Config } from './config.js';
import type { CommentChanges } from './live/changes.js';
import type { QueueEvents } from './live/events.js';
import type { ThreadEvents } from './live/thread-events.js';
import type { Readers } from './sso/readers.js';
import type { ReplyNotifications } from './mail/notifications.js';
import type { ContentCheck } from './spam.js';
import type { CommentStore } from './store/comments.js';
import type { OpenDatabase } from './store/database.js';
import type { ModerationStore } from './store/moderation-store.js';

/** What route handlers share; apart from app.ts, so the routes it registers need not import it. */
export interface AppContext {
  config: Config;
  store: CommentStore;
  moderation: ModerationStore;
  /** The live queue's streams (it hears of changes through `changes`). */
  events: QueueEvents;
  /** Live threads: the position a page's readers resume from. */
  threadEvents: ThreadEvents;
  /** Where routes report what they did to a comment. */
  changes: CommentChanges;
  database: OpenDatabase;
  /** Key for the hashes that identify voters, reporters and authors without storing IPs. */
  secret: string;
  contentCheck: ContentCheck;
  /** Readers signed in with the site's login: checks their tokens. */
  readers: Readers;
  /** Reply mail opt-ins (mail/). */
  notifications: ReplyNotifications;
}
