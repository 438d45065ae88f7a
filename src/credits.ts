/**
 * Entry point for credit lines: `import { parseCredits, formatCredits } from 'lede-elements/credits.js'`.
 * Pure functions, no DOM: runs in Node and browsers.
 * @module
 */
export { parseCredits } from './parsers/credits.js';
export { creditRoles, formatCredits } from './parsers/credits-format.js';
