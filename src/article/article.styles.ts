import { css, unsafeCSS } from 'lit';
import { shadowToken } from '../shared/tokens.js';
import { articleChildCss, articleHostCss } from './article.layout.js';

/** Maps a layout selector to the element's own data-rendered markup (`.kicker`, `.body > p`). */
function renderedChild(selector: string): string {
  const slot = /^\[slot="([a-z]+)"\]$/.exec(selector);
  return slot ? `.${slot[1]}` : `.body > ${selector.replace(':not([slot])', '')}`;
}

export const articleStyles = [
  // The shared layout: the host box, then each rule once for slotted server-rendered content and
  // for content rendered from data alike. One source keeps them identical.
  unsafeCSS(articleHostCss(':host', shadowToken)),
  unsafeCSS(articleChildCss({ child: (selector) => [`::slotted(${selector})`, renderedChild(selector)], token: shadowToken })),
  css`
    article,
    header,
    .body {
      display: block;
    }

    /* The date and the reading time share one line, so adding the reading time after the
       upgrade never pushes the body down: it is cut short rather than wrapped. */
    .date-row {
      display: flex;
      align-items: baseline;
      gap: 0.5em;
      min-inline-size: 0;
    }

    .date-row ::slotted([slot='date']),
    .date-row .date {
      flex: none;
      max-inline-size: 100%;
    }

    .reading-time {
      flex: 0 1 auto;
      min-inline-size: 0;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      font-family: var(--_font-ui);
      font-size: var(--_font-size-small);
      line-height: 1.5;
      color: var(--_color-muted);
    }

    .reading-time::before {
      content: '·';
      margin-inline-end: 0.5em;
    }

    .lead-image,
    .body > figure {
      margin: 0 0 var(--_space-m);
    }

    .lead-image img,
    figure img,
    figure video,
    figure audio {
      display: block;
      inline-size: 100%;
      block-size: auto;
      border-radius: var(--_radius);
      background: var(--_color-surface-raised);
    }

    figcaption {
      margin-block-start: var(--_space-xs);
      font-family: var(--_font-ui);
      font-size: var(--_font-size-small);
      color: var(--_color-muted);
    }

    .credit {
      margin-inline-start: 0.5em;
      font-style: italic;
    }

    /* Firefox matches :lang() in a shadow tree without the host's ancestors' lang: ask the host. */
    :host(:is(:lang(ar), :lang(fa), :lang(ur), :lang(he))) .body > blockquote {
      font-style: normal;
    }

    blockquote p {
      margin: 0;
    }

    blockquote footer {
      margin-block-start: var(--_space-xs);
      font-style: normal;
      font-family: var(--_font-ui);
      font-size: var(--_font-size-small);
    }

    .byline a {
      color: inherit;
    }

    .skeleton {
      display: grid;
      gap: var(--_space-s);
    }

    .skeleton span {
      display: block;
      block-size: 1em;
      border-radius: var(--_radius);
      background: var(--_color-surface-raised);
    }

    .skeleton span:first-child {
      block-size: 2.2em;
      inline-size: 80%;
    }

    @media print {
      :host {
        max-inline-size: none;
        padding: 0;
        color: #000;
        background: none;
        font-size: 11pt;
      }

      .reading-time,
      .error,
      .skeleton {
        display: none;
      }

      .body a[href]::after {
        content: ' (' attr(href) ')';
        font-size: 0.85em;
      }
    }
  `,
];
