import { css, unsafeCSS } from 'lit';
import { relatedCss } from './related.layout.js';

export const relatedStyles = [
  // The card layout shared with lede.css, which gives server-rendered lists the same boxes.
  unsafeCSS(
    relatedCss({
      host: (attribute) => (attribute ? `:host(${attribute})` : ':host'),
      list: '.stories',
      item: '.story',
      title: '.title',
      media: '.story::before,.story>img',
      head: '.head',
    }),
  ),
  css`
    :host {
      background: none;
    }

    /* The heading fills the row, as it does before the upgrade when it is the row itself. */
    slot > *,
    ::slotted([slot='heading']) {
      flex: 1;
      align-self: stretch;
      display: flex;
      align-items: center;
      margin: 0;
      font: inherit;
    }

    .title:hover {
      text-decoration: underline;
    }

    .story::before {
      content: '';
    }

    .kicker,
    .meta,
    .excerpt {
      overflow: hidden;
      font-size: var(--_font-size-small);
      color: var(--_color-muted);
    }

    .kicker,
    .meta {
      white-space: nowrap;
      text-overflow: ellipsis;
    }

    .kicker {
      grid-area: k;
      font-weight: 700;
      letter-spacing: 0.04em;
      text-transform: uppercase;
      color: var(--_color-accent);
    }

    .meta {
      grid-area: d;
    }

    .excerpt {
      grid-area: e;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
    }

    .skeleton .title {
      align-self: stretch;
      border-radius: var(--_radius);
      background: var(--_color-surface-raised);
    }

    @media (prefers-reduced-motion: no-preference) {
      .stories {
        scroll-behavior: smooth;
      }
    }
  `,
];
