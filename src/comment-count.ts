/**
 * `<lede-comment-count>`: importing this module registers the element.
 * @module
 */
import './comment-count/define.js';

export { LedeCommentCount } from './comment-count/lede-comment-count.js';
