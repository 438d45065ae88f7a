/**
 * The CDN bundle's entry: registers every element and exports their classes and events, without
 * the parsers and helpers that only build tools and servers need (those stay in the npm package).
 * @module
 */
import './article/define.js';
import './comments/define.js';

export { LedeArticle } from './article/lede-article.js';
export { LedeComments } from './comments/lede-comments.js';
export { LedeError } from './shared/errors.js';
export { LedeArticleLoadEvent, LedeErrorEvent } from './shared/events.js';
