import type { Config } from './config.js';
import type { ContentCheck } from './spam.js';
import type { CommentStore } from './store/comments.js';
import type { OpenDatabase } from './store/database.js';

/** What route handlers share; apart from app.ts, so the routes it registers need not import it. */
export interface AppContext {
  config: Config;
  store: CommentStore;
  database: OpenDatabase;
  /** Key for the hashes that identify voters, reporters and authors without storing IPs. */
  secret: string;
  contentCheck: ContentCheck;
}
