import { css, unsafeCSS } from 'lit';
import { bylineChildCss, bylineHostCss } from './byline.layout.js';

export const bylineStyles = [
  unsafeCSS(bylineHostCss(':host')),
  unsafeCSS(bylineChildCss((selector) => `::slotted(${selector})`)),
  css`
    :host {
      background: none;
    }

    .line > :not(:first-child):is(.source, .dateline)::before {
      content: '·';
      margin-inline: 0.4em;
    }

    .avatar {
      inline-size: 1.5em;
      block-size: 1.5em;
      margin-block: -0.25em;
      margin-inline-end: 0.25em;
      border-radius: 50%;
      vertical-align: middle;
    }

    a {
      color: inherit;
    }

    /* Negative block margins keep the 24px target from making the line taller than the printed one. */
    .toggle {
      margin-block: -2px;
      margin-inline-start: 0.5em;
      padding: 0 var(--_space-s);
      font-size: inherit;
      line-height: inherit;
      color: var(--_color-link);
    }

    .toggle::after {
      content: ' ▾';
    }

    .toggle[aria-expanded='true']::after {
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
