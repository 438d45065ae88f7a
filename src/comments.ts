/**
 * `<lede-comments>`: importing this module registers the element. The providers are exported for
 * pages that pick or wrap a backend themselves.
 * @module
 */
import './comments/define.js';

export { LedeComments } from './comments/lede-comments.js';
export { RestCommentProvider, type TokenSource } from './comments/rest-provider.js';
export { LedeSignInRequestedEvent } from './comments/sign-in-event.js';
export type { TokenError } from './comments/identity.js';
export { LocalCommentProvider } from './comments/local-provider.js';
export type {
  CommentPage,
  CommentProvider,
  CommentSort,
  ModerateAction,
  NewComment,
  PostedComment,
  Reader,
  StaffRole,
  ThreadEvent,
  ThreadEventHandlers,
} from './comments/provider.js';
