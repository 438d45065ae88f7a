/**
 * `<lede-moderation>`, the moderation console: importing this module registers the element.
 * For moderators only: no reader entry (`index.js`, the CDN `lede.js`) imports it, so it never
 * weighs on a reader's page. The CDN build of this entry is `cdn/moderation.js`.
 * @module
 */
import './moderation/define.js';

export { LedeModeration } from './moderation/lede-moderation.js';
export type { Action, AuditEntry, AuthorHistory, QueueCounts, AdminComment, Queue, QueueQuery } from './moderation/api.js';
