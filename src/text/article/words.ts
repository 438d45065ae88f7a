/**
 * Small word tests the article-text stages share. Each looks at a bounded part of its text, so
 * long lines cost no more than short ones.
 * @module
 */

/**
 * The number of white-space-separated words in `text`, counted no further than `atMost`: a cheap
 * "at least n words" test (unlike `shared/format`'s `countWords`, which counts a locale's words).
 */
export function wordsUpTo(text: string, atMost: number): number {
  let count = 0;
  const word = /\S+/g;
  while (count < atMost && word.exec(text) !== null) count++;
  return count;
}

/** Ends with sentence punctuation, perhaps followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  return /[.!?…]["'”’)\]]*$/.test(text.slice(-8));
}

/** True when `text` has letters and every one of them is a capital. */
export function isAllCapitals(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}
