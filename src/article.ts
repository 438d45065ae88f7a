/**
 * `<lede-article>`: importing this module registers the element.
 * @module
 */
import './article/define.js';

export { LedeArticle, type ArticleInput } from './article/lede-article.js';
