/**
 * The layout of `<lede-byline>`'s server-rendered content, written once for the element's shadow
 * styles and for `lede.css`, so the printed byline and credits paragraph keep their boxes when the
 * element upgrades. The printed byline is inline, so the credits toggle joins its line instead of
 * adding one. Plain strings, no Lit: `vite.config.ts` imports it.
 */

/** The host box: small print in the interface typeface. */
export function bylineHostCss(host: string): string {
  return `${host} {
  display: block;
  font-family: var(--lede-font-ui, system-ui, sans-serif);
  font-size: var(--lede-font-size-small, 0.875rem);
  line-height: 1.5;
  color: var(--lede-color-muted, light-dark(#595959, #b3b0aa));
}
`;
}

/** The children: the printed byline (default slot) inline, the credits paragraph below it. */
export function bylineChildCss(child: (selector: string) => string): string {
  return `${child(':not([slot])')} {
  display: inline;
  margin: 0;
}
${child('[slot="credits"]')} {
  display: block;
  margin: var(--lede-space-xs, 0.25rem) 0 0;
}
`;
}

/** The page stylesheet's part for `<lede-byline>` before it upgrades. */
export function bylinePageCss(): string {
  const host = 'lede-byline:not(:defined)';
  return `@layer lede {
${bylineHostCss(host)}${bylineChildCss((selector) => `${host} > ${selector}`)}}
`;
}
