import type { Config } from './config.js';
import type { QueueEvents } from './live/events.js';
import type { ContentCheck } from './spam.js';
import type { CommentStore } from './store/comments.js';
import type { OpenDatabase } from './store/database.js';
import type { ModerationStore } from './store/moderation-store.js';

/** What route handlers share; apart from app.ts, so the routes it registers need not import it. */
export interface AppContext {
  config: Config;
  store: CommentStore;
  moderation: ModerationStore;
  /** The live queue: tell it which comment entered or changed a queue. */
  events: QueueEvents;
  database: OpenDatabase;
  /** Key for the hashes that identify voters, reporters and authors without storing IPs. */
  secret: string;
  contentCheck: ContentCheck;
}
