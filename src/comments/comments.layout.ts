/**
 * The box of `<lede-comments>`, its heading and the space its thread is given while it loads,
 * written once for the element's shadow styles and for `lede.css`: a server-rendered heading
 * keeps its place when the element upgrades, and what follows does not move down.
 *
 * Plain strings, no Lit: `vite.config.ts` imports it to write `lede.css`.
 */
import { colorSchemeCss, columnCss, pageToken, type TokenReader } from '../shared/tokens.js';

/** How one output addresses the host, the heading, and the box that holds the thread's space. */
export interface CommentsSelectors {
  host: string;
  heading: string;
  placeholder: string;
}

export function commentsCss({ host, heading, placeholder }: CommentsSelectors, token: TokenReader): string {
  return `${host}{display:block;${columnCss(token)}line-height:${token('line-height')}}
${heading}{margin:0 0 ${token('space-m')};font-family:${token('font-heading')};font-size:1.5rem}
${placeholder}{display:block;min-block-size:24rem}
`;
}

/** The page stylesheet's part for `<lede-comments>` before it upgrades. */
export function commentsPageCss(): string {
  const host = 'lede-comments:not(:defined)';
  return `@layer lede {
${commentsCss({ host, heading: `${host}>[slot=heading]`, placeholder: `${host}::after` }, pageToken)}${host}::after{content:""}
${colorSchemeCss((attribute = '') => host + attribute)}}
`;
}
