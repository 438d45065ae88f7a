/**
 * `<lede-byline>`: importing this module registers the element.
 * @module
 */
import './byline/define.js';

export { LedeByline } from './byline/lede-byline.js';
