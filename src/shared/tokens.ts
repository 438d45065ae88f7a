/**
 * The `--lede-*` design tokens and their defaults: one table read by the elements' shadow styles
 * (`theme.styles.ts`), by the page stylesheet `lede.css` (which must give server-rendered content
 * the same values before any element upgrades) and by the demo's theme panel.
 * Plain strings, no Lit: the build imports it to write `lede.css`.
 * @module
 */

/** Token name (without `--lede-`) → default value. A default may name another token with `token:`. */
export const tokenDefaults = {
  'font-body': "Charter, 'Iowan Old Style', 'Noto Serif', Georgia, serif",
  'font-heading': 'token:font-body',
  'font-ui': "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', Roboto, sans-serif",
  'font-size': '1.125rem',
  'font-size-small': '0.875rem',
  'line-height': '1.6',
  'color-text': 'light-dark(#1b1b1b, #e9e7e3)',
  'color-muted': 'light-dark(#595959, #b3b0aa)',
  'color-accent': 'light-dark(#b3261e, #ff8a80)',
  'color-link': 'light-dark(#0b57d0, #a8c7fa)',
  'color-surface': 'light-dark(#ffffff, #17181a)',
  'color-surface-raised': 'light-dark(#f4f3f1, #222427)',
  'color-border': 'light-dark(#d6d3ce, #3c3f44)',
  'color-danger': 'light-dark(#a50e0e, #ffb4ab)',
  'color-focus': 'light-dark(#0b57d0, #a8c7fa)',
  'space-xs': '0.25rem',
  'space-s': '0.5rem',
  'space-m': '1rem',
  'space-l': '1.5rem',
  'space-xl': '2.5rem',
  radius: '0.375rem',
  measure: '65ch',
} as const;

export type TokenName = keyof typeof tokenDefaults;

/** How a stylesheet reads a token: `var(--lede-x, default)` in the page, `var(--_x)` in a shadow root. */
export type TokenReader = (name: TokenName) => string;

/** A token read in the page, with its default spelled out (no private copies exist there). */
export const pageToken: TokenReader = (name) => {
  const fallback: string = tokenDefaults[name];
  return `var(--lede-${name}, ${fallback.startsWith('token:') ? pageToken(fallback.slice(6) as TokenName) : fallback})`;
};

/** A token read in a shadow root, through the private copy `theme.styles.ts` declares on `:host`. */
export const shadowToken: TokenReader = (name) => `var(--_${name})`;

/**
 * The declarations of the private copies, `--_x: var(--lede-x, default)`: every token's on each
 * `:host`, or the few `names` a page stylesheet rule needs (with any token their defaults name).
 */
export function privateTokenDeclarations(names = Object.keys(tokenDefaults) as TokenName[]): string {
  return names
    .map((name) => {
      const fallback: string = tokenDefaults[name];
      return `--_${name}: var(--lede-${name}, ${fallback.startsWith('token:') ? shadowToken(fallback.slice(6) as TokenName) : fallback});`;
    })
    .join('\n');
}

/**
 * The text column of an element that stands on its own, so an article and the related stories
 * and comments beside it line up: at most `--lede-measure` wide, centred. The measure is counted
 * in the body type (the `ch` of the article's font and size) whatever type the element's text
 * uses, so the host takes that type and its content sets its own.
 */
export function columnCss(token: TokenReader): string {
  return `max-inline-size:${token('measure')};margin-inline:auto;font-family:${token('font-body')};font-size:${token('font-size')};`;
}

/**
 * A host's colour scheme, for the shadow styles and `lede.css` alike: `host()` is the host's
 * selector, `host('[theme=dark]')` the host with that attribute. Without a `theme` the reader's
 * preference picks the side of every `light-dark()` colour. A `theme` sets `--_theme`, which,
 * unlike the per-host token copies, is inherited: every Lede element inside a themed one (a
 * byline in an article, across shadow roots and before upgrade) follows it unless it has a
 * `theme` of its own.
 */
export function colorSchemeCss(host: (attribute?: string) => string): string {
  return `${host()}{color-scheme:var(--_theme,light dark)}
${host('[theme=light]')}{--_theme:light}
${host('[theme=dark]')}{--_theme:dark}
`;
}
