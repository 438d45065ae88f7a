import { css, unsafeCSS } from 'lit';
import { colorSchemeCss, privateTokenDeclarations } from './tokens.js';

/**
 * The design tokens every Lede element reads. Each public `--lede-*` property has a default here,
 * and elements use only the private `--_*` copies, so a page overrides a token once, on any
 * ancestor, and every element follows. Colours use `light-dark()`: the `theme` attribute, on the
 * element or on a Lede element around it (or the reader's `prefers-color-scheme` when there is
 * none), picks the side, and a page may set its own `light-dark(…, …)` pair for any colour token.
 *
 * The defaults are in `tokens.ts`; the full token table is in `docs/theming.md`. `.avatar` styles the
 * portraits `listPeople()` renders: text-sized, so they never make a line taller.
 */
export const themeStyles = css`
  ${unsafeCSS(colorSchemeCss((attribute) => (attribute ? `:host(${attribute})` : ':host')))}

  :host {
    ${unsafeCSS(privateTokenDeclarations())}
    color: var(--_color-text);
    background: var(--_color-surface);
    font-family: var(--_font-body);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
  }

  :host([hidden]) {
    display: none !important;
  }

  :focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }

  a {
    color: var(--_color-link);
    text-underline-offset: 0.15em;
  }

  /* A date or time is read as one: "9:30" and "ص" never land on two lines. */
  time {
    white-space: nowrap;
  }

  .avatar {
    inline-size: 1.5em;
    block-size: 1.5em;
    margin-block: -0.25em;
    margin-inline-end: 0.25em;
    border-radius: 50%;
    vertical-align: middle;
  }

  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-m);
    padding: var(--_space-m);
    border: 1px solid var(--_color-danger);
    border-radius: var(--_radius);
    color: var(--_color-danger);
    font-family: var(--_font-ui);
    font-size: var(--_font-size-small);
  }

  button {
    font: inherit;
    color: inherit;
    background: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-m);
    min-block-size: 24px;
    cursor: pointer;
  }

  /* Loading placeholders pulse; each element shapes its own. */
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: lede-pulse 1.5s ease-in-out infinite;
    }
  }

  @keyframes lede-pulse {
    50% {
      opacity: 0.5;
    }
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    :host {
      --_color-text: CanvasText;
      --_color-muted: CanvasText;
      --_color-accent: CanvasText;
      --_color-link: LinkText;
      --_color-surface: Canvas;
      --_color-surface-raised: Canvas;
      --_color-border: CanvasText;
      --_color-danger: CanvasText;
      --_color-focus: Highlight;
    }
  }
`;
