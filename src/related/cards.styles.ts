import { css } from 'lit';

/**
 * The cards' small print, added to the shadow root with the cards: skeletons and server-rendered
 * lists need none of it. The excerpt keeps to its own two lines (its row is two lines of the
 * larger title type): stretched to the row, it showed a slice of a third. Written compactly:
 * Lit ships css`` text as written.
 */
export const cardStyles = css`.title:hover{text-decoration:underline}.kicker,.meta,.excerpt{overflow:hidden;font-size:var(--_font-size-small);color:var(--_color-muted)}.kicker,.meta{white-space:nowrap;text-overflow:ellipsis}.kicker{grid-area:k;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:var(--_color-accent)}.meta{grid-area:d}.excerpt{grid-area:e;align-self:start;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2}`;
