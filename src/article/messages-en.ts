/** English: bundled with the element, and the fallback for every key. Apart from the catalog so translations can use its type without importing the catalog that loads them. */
export const en = {
  /** The word before the author names. */
  by: 'By',
  updated: 'Updated',
  readingTime: { one: '{count} min read', other: '{count} min read' },
  loading: 'Loading article…',
  loadError: 'This article could not be loaded.',
  retry: 'Try again',
} as const;

export type ArticleSource = typeof en;
