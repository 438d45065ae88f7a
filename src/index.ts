/**
 * Lede: Lit web components for news article pages. Importing this module registers every element.
 * @module
 */
import './article/define.js';
import './byline/define.js';
import './related/define.js';
import './comments/define.js';

export { LedeArticle, type ArticleInput } from './article/lede-article.js';
export { LedeByline } from './byline/lede-byline.js';
export { LedeRelated } from './related/lede-related.js';
export { LedeStoryClickEvent } from './related/events.js';
export { LedeComments } from './comments/lede-comments.js';
export { LocalCommentProvider } from './comments/local-provider.js';
export { RestCommentProvider } from './comments/rest-provider.js';
export type { CommentPage, CommentProvider, CommentSort, NewComment, PostedComment } from './comments/provider.js';
export { parseArticleText } from './text/article-text.js';
export { parseCredits } from './text/credits.js';
export { creditRoles, formatCredits } from './text/credits-format.js';
export { parseFeed, type FeedFormat, type FeedResult } from './formats/feeds.js';
export { plainText } from './formats/plain-text.js';
export { readStories, selectStories, storyKey, toStory } from './formats/stories.js';
export { blocksToText, looksLikeLedeArticle, validateArticle } from './formats/article-data.js';
export { readArticleLazily } from './formats/load-article.js';
export { detectArticleFormat, isSchemaOrgArticle, type ArticleFormat } from './formats/detect-format.js';
export { parseArticleJson, readArticle } from './formats/article-formats.js';
export { fromNinjs2, fromNinjs3 } from './formats/ninjs.js';
export { fromSchemaOrg } from './formats/schema-org.js';
export { serializeJsonLd, toNewsArticleJsonLd, type JsonLd } from './formats/json-ld.js';
export { articleContext } from './shared/context.js';
export { defineElement } from './shared/define.js';
export { LedeError, type LedeErrorCode } from './shared/errors.js';
export { LedeArticleLoadEvent, LedeErrorEvent } from './shared/events.js';
export { formatDate, formatList, formatNumber, formatRelativeTime, readingMinutes } from './shared/format.js';
export { LocaleController, resolveLocale } from './shared/locale-controller.js';
export { sanitizeHtml } from './shared/sanitize.js';
export { safeUrl } from './shared/url.js';
export type { Json } from './shared/validate.js';
export type * from './model.js';
