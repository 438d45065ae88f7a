/**
 * Entry point for the plain-text article importer: `import { parseArticleText } from 'lede-elements/article-text.js'`.
 * @module
 */
export { parseArticleText } from './text/article-text.js';
