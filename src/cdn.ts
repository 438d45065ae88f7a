/**
 * The CDN bundle's entry: registers every element and exports their classes and events, without
 * the parsers and helpers that only build tools and servers need (those stay in the npm package).
 * `<lede-comment-count>` registers once a page has one (`import('lede-elements/comment-count.js')` for its class).
 * @module
 */
import './article/define.js';
import './byline/define.js';
import './related/define.js';
import './comments/define.js';
import { defineWhenUsed } from './shared/define-when-used.js';

export { LedeArticle } from './article/lede-article.js';
export { LedeByline } from './byline/lede-byline.js';
export { LedeRelated } from './related/lede-related.js';
export { LedeStoryClickEvent } from './related/events.js';
export { LedeComments } from './comments/lede-comments.js';
export { LedeError } from './shared/errors.js';
export { LedeArticleLoadEvent, LedeDroppedEvent, LedeErrorEvent } from './shared/events.js';
export type { DroppedField } from './shared/leniency.js';

// <lede-comment-count> is for index and section pages: its code loads only on a page that has one.
defineWhenUsed('lede-comment-count', () => import('./comment-count/define.js'));
