/**
 * Stages 4 and 5 of `parseArticleText`: cut the page chrome after the article, then take the
 * closing credits paragraph(s) into `creditsText`.
 * @module
 */
import type { Article } from '../../model.js';
import { chromeStrength, isCreditsText } from './chrome-markers.js';
import { applyUnset, readField } from './header.js';
import { blockText, type Block } from './lines.js';
import { endsSentence, wordsUpTo } from './words.js';

/**
 * Cuts the page chrome that follows the article, and chrome markers before its first prose.
 *
 * The article's prose ends at its last substantial paragraph, ignoring anything after a strong
 * marker; the first marker after that paragraph starts the chrome, which runs to the end. A
 * trailing "Tags:" line still fills `keywords`.
 */
export function trimChrome(blocks: Block[], article: Article): Block[] {
  const strengths = blocks.map((block) => chromeStrength(block[0]));
  const isProse = blocks.map((block, index) => !strengths[index] && isArticleProse(blockText(block)));

  const firstProse = isProse.indexOf(true);
  const strongCut = firstProse < 0 ? -1 : strengths.indexOf('strong', firstProse);
  const proseEnd = strongCut < 0 ? blocks.length : strongCut;
  const lastProse = proseEnd > 0 ? isProse.lastIndexOf(true, proseEnd - 1) : -1;
  const chromeAfterProse = strengths.findIndex((strength, index) => strength !== undefined && index > lastProse);
  const cut = chromeAfterProse < 0 ? blocks.length : chromeAfterProse;

  for (const line of blocks.slice(cut).flat()) {
    const tags = /^(?:tags?|topics|keywords): ?(\S.*)$/i.exec(line);
    if (tags) applyUnset(article, readField('tags', tags[1]) ?? {});
  }
  return blocks.slice(0, cut).filter((_, index) => !(strengths[index] && index < firstProse));
}

/** A paragraph of the article itself: a full sentence of some length, or credits. */
function isArticleProse(text: string): boolean {
  const words = wordsUpTo(text, 40);
  return words >= 40 || (words >= 8 && endsSentence(text)) || isCreditsText(text);
}

/**
 * Moves the credits out of the body into `creditsText`. Only the last two paragraphs can be
 * credits; when both are, they are joined with a space.
 */
export function takeCredits(blocks: Block[], article: Article): Block[] {
  const isCredits = (index: number): boolean => index >= 0 && isCreditsText(blockText(blocks[index]));
  const last = blocks.length - 1;
  let credits: number[] = [];
  if (isCredits(last)) credits = isCredits(last - 1) ? [last - 1, last] : [last];
  else if (isCredits(last - 1)) credits = [last - 1];
  if (credits.length === 0) return blocks;
  article.creditsText = credits.map((index) => blockText(blocks[index])).join(' ');
  return blocks.filter((_, index) => !credits.includes(index));
}
