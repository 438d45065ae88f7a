/**
 * Entry point for credit lines: `import { parseCredits, formatCredits } from 'lede-elements/credits.js'`.
 * Pure functions, no DOM: runs in Node and browsers.
 * @module
 */
export { parseCredits } from './text/credits.js';
export { creditRoles, formatCredits } from './text/credits-format.js';
