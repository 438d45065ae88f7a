/**
 * The layout of `<lede-article>`'s server-rendered (light-DOM) content, written once and emitted
 * twice: as the element's shadow styles (`:host`, `::slotted(…)`) and as `lede.css`, a stylesheet
 * for the page that gives the same content the same boxes before JavaScript runs. Because both
 * come from this one function, upgrading the element moves nothing.
 *
 * Rules to keep it that way: block children stack with `margin-block-end` only, wrappers in the
 * shadow tree have no box styles, and everything sits in the `lede` cascade layer in the page so
 * the page's own unlayered rules win before the upgrade just as they win over `::slotted` after it.
 *
 * Plain strings, no Lit: `vite.config.ts` imports it to write `lede.css`.
 */
import { colorSchemeCss, columnCss, pageToken, type TokenReader } from '../shared/tokens.js';

/** How one of the outputs addresses the host's direct children and reads the theme tokens. */
export interface LayoutSelectors {
  /** The selectors for direct light-DOM children matching `selector`: one, or several to share a rule. */
  child: (selector: string) => string | string[];
  token: TokenReader;
}

/** `::slotted()` takes one compound selector, so each child rule is written once per selector. */
function rule(selectors: LayoutSelectors, childSelectors: string[], body: string): string {
  return `${childSelectors.flatMap((selector) => selectors.child(selector)).join(',\n')} {${body}}\n`;
}

/** The host box: width, measure, base type. */
export function articleHostCss(host: string, token: TokenReader): string {
  return `${host} {
  display: block;
  container-type: inline-size;
  ${columnCss(token)}
  padding-block: ${token('space-l')};
  padding-inline: ${token('space-m')};
  line-height: ${token('line-height')};
  overflow-wrap: break-word;
  color: ${token('color-text')};
  background: ${token('color-surface')};
}
`;
}

/**
 * The children's layout for one output. Children are addressed as `[slot="name"]` for the header
 * parts and by tag (`p:not([slot])`) for the body.
 */
export function articleChildCss(selectors: LayoutSelectors): string {
  const { token } = selectors;
  return [
    rule(
      selectors,
      ['[slot="kicker"]'],
      `
  margin: 0 0 ${token('space-s')};
  font-family: ${token('font-ui')};
  font-size: ${token('font-size-small')};
  font-weight: 700;
  line-height: 1.4;
  letter-spacing: 0.04em;
  text-transform: uppercase;
  color: ${token('color-accent')};`,
    ),
    rule(
      selectors,
      ['[slot="headline"]'],
      `
  margin: 0 0 ${token('space-m')};
  font-family: ${token('font-heading')};
  font-size: clamp(1.75rem, 1.25rem + 2.5cqi, 2.75rem);
  font-weight: 700;
  line-height: 1.15;
  text-wrap: balance;`,
    ),
    rule(
      selectors,
      ['[slot="dek"]'],
      `
  margin: 0 0 ${token('space-m')};
  font-size: 1.2em;
  line-height: 1.45;
  color: ${token('color-muted')};`,
    ),
    rule(
      selectors,
      ['[slot="byline"]', '[slot="dateline"]', '[slot="date"]'],
      `
  margin: 0 0 ${token('space-xs')};
  font-family: ${token('font-ui')};
  font-size: ${token('font-size-small')};
  line-height: 1.5;
  color: ${token('color-muted')};`,
    ),
    // The date closes the header: a full step before the body starts.
    rule(
      selectors,
      ['[slot="date"]'],
      `
  margin-block-end: ${token('space-m')};`,
    ),
    rule(
      selectors,
      ['p:not([slot])', 'ul:not([slot])', 'ol:not([slot])'],
      `
  margin: 0 0 ${token('space-m')};`,
    ),
    rule(
      selectors,
      ['h2:not([slot])', 'h3:not([slot])', 'h4:not([slot])'],
      `
  margin: ${token('space-l')} 0 ${token('space-s')};
  font-family: ${token('font-heading')};
  line-height: 1.25;`,
    ),
    rule(
      selectors,
      ['blockquote:not([slot])'],
      `
  margin: 0 0 ${token('space-m')};
  padding-inline-start: ${token('space-m')};
  border-inline-start: 3px solid ${token('color-accent')};
  font-style: italic;`,
    ),
    // Arabic, Persian, Urdu and Hebrew type has no italics; a browser would only slant it.
    rule(
      selectors,
      ['blockquote:not([slot]):is(:lang(ar), :lang(fa), :lang(ur), :lang(he))'],
      `
  font-style: normal;`,
    ),
    rule(
      selectors,
      ['figure:not([slot])'],
      `
  margin: 0 0 ${token('space-m')};`,
    ),
    rule(
      selectors,
      ['img:not([slot])'],
      `
  max-inline-size: 100%;
  block-size: auto;`,
    ),
  ].join('\n');
}

/** The page stylesheet (`lede.css`): the same layout for `<lede-article>` before it upgrades. */
export function articlePageCss(): string {
  const host = 'lede-article:not(:defined)';
  return `/* Lede: gives server-rendered <lede-article> content its final layout before JavaScript runs. */
@layer lede {
lede-article script[type="application/ld+json"] { display: none; }
${articleHostCss(host, pageToken)}
${colorSchemeCss((attribute = '') => host + attribute)}
/* A date or time reads as one, before the upgrade and after it (the element's shadow styles cannot reach inside a slotted date). */
lede-article > [slot="date"] time { white-space: nowrap; }${articleChildCss({ child: (selector) => `${host} > ${selector}`, token: pageToken })}}
`;
}
