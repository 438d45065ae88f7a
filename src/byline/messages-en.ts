/** English: bundled with the element, and the fallback for every key. Apart from the catalog so translations can use its type without importing the catalog that loads them. */
export const en = {
  /** The disclosure button that shows every credit by role. */
  credits: 'Full credits',
  invalid: 'Some credits could not be read.',
} as const;

export type BylineSource = typeof en;
