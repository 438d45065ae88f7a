/**
 * Lede: Lit web components for news article pages. Importing this module registers every element.
 * The public API: the elements, their events and errors, the comment backends, the documented
 * parsers and the model types; `etc/lede-elements.api.md` records it (`npm run check:api`).
 * @module
 */
import './article/define.js';
import './byline/define.js';
import './related/define.js';
import './comments/define.js';
import './comment-count/define.js';

export { LedeArticle, type ArticleInput } from './article/lede-article.js';
export { LedeByline } from './byline/lede-byline.js';
export { LedeRelated } from './related/lede-related.js';
export { LedeComments } from './comments/lede-comments.js';
export { LedeCommentCount } from './comment-count/lede-comment-count.js';
export { LedeStoryClickEvent } from './related/events.js';
export { LedeArticleLoadEvent, LedeDroppedEvent, LedeErrorEvent } from './shared/events.js';
export type { DroppedField } from './shared/leniency.js';
export { LedeError, type LedeErrorCode } from './shared/errors.js';
export { LocalCommentProvider } from './comments/local-provider.js';
export { RestCommentProvider, type TokenSource } from './comments/rest-provider.js';
export { LedeSignInRequestedEvent } from './comments/sign-in-event.js';
export type { TokenError } from './comments/identity.js';
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
export { parseArticleText } from './text/article-text.js';
export { parseCredits } from './text/credits.js';
export { creditRoles, formatCredits } from './text/credits-format.js';
export { parseFeed, type FeedFormat, type FeedResult } from './formats/feeds.js';
export { serializeJsonLd, toNewsArticleJsonLd, type JsonLd } from './formats/json-ld.js';
export { articleContext } from './shared/context.js';
export type * from './model.js';
