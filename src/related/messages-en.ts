/** English: bundled with the element, and the fallback for every key. Apart from the catalog so translations can use its type without importing the catalog that loads them. */
export const en = {
  heading: 'You may also like',
  loading: 'Loading stories…',
  loadError: 'These stories could not be loaded.',
  retry: 'Try again',
  /** The carousel's buttons. */
  previous: 'Previous stories',
  next: 'Next stories',
} as const;

export type RelatedSource = typeof en;
