/**
 * The box layout of `<lede-related>`, written once and emitted twice, as `article.layout.ts` does
 * for the article: as shadow styles for the cards the element renders, and in `lede.css` for a
 * server-rendered `<ul><li><a href>` list before the element upgrades. Every card has the same
 * fixed rows (kicker, title lines, date, excerpt lines) whatever it holds, so a plain link, a full
 * card and a loading skeleton take the same space: upgrading or loading moves nothing.
 *
 * Plain strings, no Lit: `vite.config.ts` imports it to write `lede.css`.
 */
import { colorSchemeCss, columnCss, privateTokenDeclarations, shadowToken } from '../shared/tokens.js';

/** How to address each part in one of the outputs. */
export interface RelatedSelectors {
  /** The host, optionally with a `layout` or `excerpts` attribute: `:host([layout=grid])`. */
  host: (attribute?: string) => string;
  /** The list, each card, its title link, and its image box (a `::before` placeholder and the image over it), as descendants of `host`. */
  list: string;
  item: string;
  title: string;
  media: string;
  /** The image box of a story that has no image (not a loading skeleton). */
  placeholder: string;
  /** The heading row. */
  head: string;
}

/**
 * The rules the shadow tree and the page share. They read the tokens through the private names of
 * `theme.styles.ts`, which the shadow tree has from there and the page stylesheet defines itself.
 */
export function relatedCss({ host, list, item, title, media, placeholder, head }: RelatedSelectors): string {
  const grid = `${host('[layout=grid]')},${host('[layout=carousel]')}`;
  const plainList = `${host('[layout=list]')},${host(':not([layout])')}`;
  // Every host selector with every part selector; commas inside :is(), also nested one deep, do not separate.
  const split = (selectors: string) => selectors.split(/,(?!(?:[^()]|\([^()]*\))*\))/);
  const part = (selector: string, hosts = host()) =>
    split(hosts)
      .flatMap((prefix) => split(selector).map((one) => `${prefix} ${one}`))
      .join();
  // The host is the text column, measured in the body type; the cards set their own.
  // The media box takes its size from its width and aspect-ratio alone: `contain:size` keeps an
  // image that fails to load from growing it, as WebKit's square broken-image box does
  // (https://bugs.webkit.org/show_bug.cgi?id=321082).
  return `${host()}{display:block;container-type:inline-size;margin-block:var(--_space-l);${columnCss(shadowToken)}line-height:1.35;color:var(--_color-text)}
${head}{display:flex;align-items:center;gap:var(--_space-s);min-block-size:2.75rem;margin:0 0 var(--_space-s);font:700 1.25rem/1.25 var(--_font-heading)}
${part(list)}{display:grid;gap:var(--_space-m);margin:0;padding:0;list-style:none;font:1rem/1.35 var(--_font-ui)}
${part(list, host('[layout=grid]'))}{grid-template-columns:repeat(auto-fill,minmax(min(13rem,100%),1fr))}
${part(list, host('[layout=carousel]'))}{grid-auto-flow:column;grid-auto-columns:min(15rem,80%);overflow-x:auto;scroll-snap-type:x mandatory;overscroll-behavior-x:contain;padding-block-end:var(--_space-s)}
${part(item)}{position:relative;display:grid;grid:"m k" 1lh "m t" 2lh "m d" 1lh "m e" 0/6rem 1fr;column-gap:var(--_space-m);scroll-snap-align:start}
${part(item, host('[excerpts]'))}{grid-template-rows:1lh 2lh 1lh 2lh}
${part(item, grid)}{grid:"m" auto "k" 1lh "t" 3lh "d" 1lh "e" 0/1fr}
${part(item, `${host('[layout=grid][excerpts]')},${host('[layout=carousel][excerpts]')}`)}{grid-template-rows:auto 1lh 3lh 1lh 2lh}
${part(media)}{grid-area:m;align-self:start;inline-size:100%;block-size:auto;aspect-ratio:4/3;contain:size;object-fit:cover;border-radius:var(--_radius);background:var(--_color-surface-raised)}
${part(media, grid)}{aspect-ratio:16/9;margin-block-end:var(--_space-s)}
${part(placeholder)}{background:linear-gradient(135deg,color-mix(in srgb,var(--_color-accent) 22%,var(--_color-surface-raised)),var(--_color-surface-raised) 75%)}
${part(title)}{grid-area:t;align-self:start;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;font-family:var(--_font-heading);font-weight:700;color:inherit;text-decoration:none}
${part(title, grid)}{-webkit-line-clamp:3}
${part(`${title}::after`)}{content:"";position:absolute;inset:0}
@container (inline-size < 24rem){${part(item, plainList)}{grid-template-columns:0 1fr;column-gap:0}${part(media, plainList)}{display:none}}
`;
}

/**
 * The page stylesheet's part: the same layout for a server-rendered list before the upgrade, and
 * after it until the element's cards have loaded (its `pending` state, while it shows the list
 * through a slot). `:is()` forgives browsers that do not know `:state()`.
 */
export function relatedPageCss(): string {
  const host = (attribute = '') => `:is(lede-related:not(:defined),lede-related:state(pending))${attribute}`;
  const heading = `${host()}>[slot=heading]`;
  return `/* Lede: the same card layout for a server-rendered <lede-related> list until its cards show. */
@layer lede {
${relatedCss({ host, list: '>:is(ul,ol)', item: '>:is(ul,ol)>li', title: '>:is(ul,ol)>li>a', media: '>:is(ul,ol)>li::before,>:is(ul,ol)>li>img', placeholder: '>:is(ul,ol)>li:not(:has(>img))::before', head: `${heading},${host()}:not(:has(>[slot=heading]))::before` })}
${host()}{${privateTokenDeclarations(['space-s', 'space-m', 'space-l', 'radius', 'measure', 'font-ui', 'font-body', 'font-heading', 'font-size', 'color-text', 'color-accent', 'color-surface-raised'])}}
${colorSchemeCss(host)}${host()} :is(ul,ol)>li::before,${host()}:not(:has(>[slot=heading]))::before{content:""}
${host()}>:is(ul,ol)>li>:not(a,img){display:none}
}
`;
}
