import { unsafeCSS } from 'lit';
import { shadowToken } from '../shared/tokens.js';
import { commentsCss } from './comments.layout.js';

/**
 * The host box, the heading and the type of the thread, the same in the shell and once the thread
 * has loaded, and the same as `lede.css` gives the element before it upgrades: nothing moves.
 */
export const shellStyles = unsafeCSS(
  commentsCss({ host: ':host', heading: "h2,::slotted([slot='heading'])", placeholder: '.skeleton' }, shadowToken) +
    'section{font-family:var(--_font-ui);font-size:var(--_font-size-small)}',
);
