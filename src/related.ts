/**
 * `<lede-related>`: importing this module registers the element.
 * @module
 */
import './related/define.js';

export { LedeRelated } from './related/lede-related.js';
export { LedeStoryClickEvent } from './related/events.js';
