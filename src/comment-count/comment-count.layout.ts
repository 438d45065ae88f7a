/**
 * The box of `<lede-comment-count>`, the same in its shadow styles and in `lede.css`: the
 * server-rendered text shows in it before the element upgrades, and the count takes its place
 * without moving what follows (room for "1,234 comments" in the page's type).
 *
 * Plain strings, no Lit: `vite.config.ts` imports it to write `lede.css`.
 */
export const commentCountCss = (host: string): string => `${host}{display:inline-block;min-inline-size:var(--lede-comment-count-size,8em)}`;

/** The page stylesheet's part for `<lede-comment-count>`. */
export const commentCountPageCss = (): string => `@layer lede {
${commentCountCss('lede-comment-count')}
}
`;
