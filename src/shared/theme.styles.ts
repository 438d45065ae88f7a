import { css } from 'lit';

/**
 * The design tokens every Lede element reads. Each public `--lede-*` property has a default here,
 * and elements use only the private `--_*` copies, so a page overrides a token once, on any
 * ancestor, and every element follows. Colours use `light-dark()`: the `theme` attribute (or the
 * reader's `prefers-color-scheme` when it is absent) picks the side, and a page may set its own
 * `light-dark(…, …)` pair for any colour token.
 *
 * The full token table is in `docs/theming.md`.
 */
export const themeStyles = css`
  :host {
    color-scheme: light dark;
    --_font-body: var(--lede-font-body, Charter, 'Iowan Old Style', 'Noto Serif', Georgia, serif);
    --_font-heading: var(--lede-font-heading, var(--_font-body));
    --_font-ui: var(--lede-font-ui, system-ui, -apple-system, 'Segoe UI', 'Noto Sans', Roboto, sans-serif);
    --_font-size: var(--lede-font-size, 1.125rem);
    --_font-size-small: var(--lede-font-size-small, 0.875rem);
    --_line-height: var(--lede-line-height, 1.6);
    --_color-text: var(--lede-color-text, light-dark(#1b1b1b, #e9e7e3));
    --_color-muted: var(--lede-color-muted, light-dark(#595959, #b3b0aa));
    --_color-accent: var(--lede-color-accent, light-dark(#b3261e, #ff8a80));
    --_color-link: var(--lede-color-link, light-dark(#0b57d0, #a8c7fa));
    --_color-surface: var(--lede-color-surface, light-dark(#ffffff, #17181a));
    --_color-surface-raised: var(--lede-color-surface-raised, light-dark(#f4f3f1, #222427));
    --_color-border: var(--lede-color-border, light-dark(#d6d3ce, #3c3f44));
    --_color-danger: var(--lede-color-danger, light-dark(#a50e0e, #ffb4ab));
    --_color-focus: var(--lede-color-focus, light-dark(#0b57d0, #a8c7fa));
    --_space-xs: var(--lede-space-xs, 0.25rem);
    --_space-s: var(--lede-space-s, 0.5rem);
    --_space-m: var(--lede-space-m, 1rem);
    --_space-l: var(--lede-space-l, 1.5rem);
    --_space-xl: var(--lede-space-xl, 2.5rem);
    --_radius: var(--lede-radius, 0.375rem);
    --_measure: var(--lede-measure, 65ch);
    color: var(--_color-text);
    background: var(--_color-surface);
    font-family: var(--_font-body);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
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
