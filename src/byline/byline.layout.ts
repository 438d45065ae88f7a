/**
 * The layout of `<lede-byline>`'s server-rendered content, written once for the element's shadow
 * styles and for `lede.css`, so the printed byline and credits paragraph keep their boxes when the
 * element upgrades. The printed byline is inline, so the credits toggle joins its line instead of
 * adding one. Plain strings, no Lit: `vite.config.ts` imports it.
 */
import { colorSchemeCss, pageToken, type TokenReader } from '../shared/tokens.js';

/**
 * The host box (small print in the interface typeface) and its children: the printed byline
 * (default slot) inline, the credits paragraph below it.
 */
export function bylineCss(host: string, child: (selector: string) => string, token: TokenReader): string {
  return `${host} {
  display: block;
  font-family: ${token('font-ui')};
  font-size: ${token('font-size-small')};
  line-height: 1.5;
  color: ${token('color-muted')};
  background: none;
}
${child(':not([slot])')} {
  display: inline;
  margin: 0;
}
${child('[slot="credits"]')} {
  display: block;
  margin: ${token('space-xs')} 0 0;
}
`;
}

/** The page stylesheet's part for `<lede-byline>` before it upgrades. */
export function bylinePageCss(): string {
  const host = 'lede-byline:not(:defined)';
  return `@layer lede {
${bylineCss(host, (selector) => `${host} > ${selector}`, pageToken)}${colorSchemeCss((attribute = '') => host + attribute)}}
`;
}
