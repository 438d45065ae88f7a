/**
 * `<lede-comments>`: importing this module registers the element. The providers are exported for
 * pages that pick or wrap a backend themselves.
 * @module
 */
import './comments/define.js';

export { LedeComments } from './comments/lede-comments.js';
export { RestCommentProvider } from './comments/rest-provider.js';
export { LocalCommentProvider } from './comments/local-provider.js';
export type { CommentPage, CommentProvider, CommentSort, NewComment, PostedComment, ThreadEvent, ThreadEventHandlers } from './comments/provider.js';
