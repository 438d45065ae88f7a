import { css, unsafeCSS } from 'lit';
import { shadowToken } from '../shared/tokens.js';
import { bylineCss } from './byline.layout.js';

// The toggle's negative block margins keep its 24px target from making the line taller than the printed one.
export const bylineStyles = [
  unsafeCSS(bylineCss(':host', (selector) => `::slotted(${selector})`, shadowToken)),
  css`
    .source::before,
    .dateline::before {
      content: '·';
      margin-inline: 0.4em;
    }

    a {
      color: inherit;
    }

    .toggle {
      margin-block: -2px;
      margin-inline-start: 0.5em;
      padding: 0 var(--_space-s);
      color: var(--_color-link);
    }

    .toggle::after {
      content: ' ▾';
    }

    [aria-expanded='true']::after {
      content: ' ▴';
    }

    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: var(--_space-xs) var(--_space-m);
      margin: var(--_space-s) 0 0;
      padding-inline-start: var(--_space-m);
      border-inline-start: 3px solid var(--_color-border);
    }

    dt {
      font-weight: 600;
      color: var(--_color-text);
    }

    dd {
      margin: 0;
    }
  `,
];
