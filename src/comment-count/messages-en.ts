/** English: bundled with the element, and the fallback for every key. */
export const en = {
  count: { one: '{count} comment', other: '{count} comments' },
} as const;

export type CommentCountSource = typeof en;
