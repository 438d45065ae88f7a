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

/** How to address the host's direct children in one of the outputs. */
export interface LayoutSelectors {
  /** The selectors for direct light-DOM children matching `selector`: one, or several to share a rule. */
  child: (selector: string) => string | string[];
}

/** `::slotted()` takes one compound selector, so each child rule is written once per selector. */
function rule(selectors: LayoutSelectors, childSelectors: string[], body: string): string {
  return `${childSelectors.flatMap((selector) => selectors.child(selector)).join(',\n')} {${body}}\n`;
}

/** The host box: width, measure, base type. */
export function articleHostCss(host: string): string {
  return `${host} {
  display: block;
  container-type: inline-size;
  max-inline-size: var(--lede-measure, 65ch);
  margin-inline: auto;
  padding-block: var(--lede-space-l, 1.5rem);
  padding-inline: var(--lede-space-m, 1rem);
  font-family: var(--lede-font-body, Charter, 'Iowan Old Style', 'Noto Serif', Georgia, serif);
  font-size: var(--lede-font-size, 1.125rem);
  line-height: var(--lede-line-height, 1.6);
  overflow-wrap: break-word;
  color: var(--lede-color-text, light-dark(#1b1b1b, #e9e7e3));
  background: var(--lede-color-surface, light-dark(#ffffff, #17181a));
  color-scheme: light dark;
}
`;
}

/**
 * The children's layout for one output. Children are addressed as `[slot="name"]` for the header
 * parts and by tag (`p:not([slot])`) for the body.
 */
export function articleChildCss(selectors: LayoutSelectors): string {
  return [
    rule(selectors, ['[slot="kicker"]'], `
  margin: 0 0 var(--lede-space-s, 0.5rem);
  font-family: var(--lede-font-ui, system-ui, sans-serif);
  font-size: var(--lede-font-size-small, 0.875rem);
  font-weight: 700;
  line-height: 1.4;
  letter-spacing: 0.04em;
  text-transform: uppercase;
  color: var(--lede-color-accent, light-dark(#b3261e, #ff8a80));`),
    rule(selectors, ['[slot="headline"]'], `
  margin: 0 0 var(--lede-space-m, 1rem);
  font-family: var(--lede-font-heading, var(--lede-font-body, Charter, 'Iowan Old Style', 'Noto Serif', Georgia, serif));
  font-size: clamp(1.75rem, 1.25rem + 2.5cqi, 2.75rem);
  font-weight: 700;
  line-height: 1.15;
  text-wrap: balance;`),
    rule(selectors, ['[slot="dek"]'], `
  margin: 0 0 var(--lede-space-m, 1rem);
  font-size: 1.2em;
  line-height: 1.45;
  color: var(--lede-color-muted, light-dark(#595959, #b3b0aa));`),
    rule(selectors, ['[slot="byline"]', '[slot="dateline"]', '[slot="date"]'], `
  margin: 0 0 var(--lede-space-xs, 0.25rem);
  font-family: var(--lede-font-ui, system-ui, sans-serif);
  font-size: var(--lede-font-size-small, 0.875rem);
  line-height: 1.5;
  color: var(--lede-color-muted, light-dark(#595959, #b3b0aa));`),
    rule(selectors, ['p:not([slot])', 'ul:not([slot])', 'ol:not([slot])'], `
  margin: 0 0 var(--lede-space-m, 1rem);`),
    rule(selectors, ['h2:not([slot])', 'h3:not([slot])', 'h4:not([slot])'], `
  margin: var(--lede-space-l, 1.5rem) 0 var(--lede-space-s, 0.5rem);
  font-family: var(--lede-font-heading, var(--lede-font-body, Charter, 'Iowan Old Style', 'Noto Serif', Georgia, serif));
  line-height: 1.25;`),
    rule(selectors, ['blockquote:not([slot])'], `
  margin: 0 0 var(--lede-space-m, 1rem);
  padding-inline-start: var(--lede-space-m, 1rem);
  border-inline-start: 3px solid var(--lede-color-accent, light-dark(#b3261e, #ff8a80));
  font-style: italic;`),
    rule(selectors, ['figure:not([slot])'], `
  margin: 0 0 var(--lede-space-m, 1rem);`),
    rule(selectors, ['img:not([slot])'], `
  max-inline-size: 100%;
  block-size: auto;`),
  ].join('\n');
}

/** The page stylesheet (`lede.css`): the same layout for `<lede-article>` before it upgrades. */
export function articlePageCss(): string {
  const host = 'lede-article:not(:defined)';
  return `/* Lede: gives server-rendered <lede-article> content its final layout before JavaScript runs. */
@layer lede {
lede-article script[type="application/ld+json"] { display: none; }
${articleHostCss(host)}
${host}[theme="light"] { color-scheme: light; }
${host}[theme="dark"] { color-scheme: dark; }
${articleChildCss({ child: (selector) => `${host} > ${selector}` })}}
`;
}
