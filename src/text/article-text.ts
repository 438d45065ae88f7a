/**
 * Plain-text article importer: turns the text of a scraped news page into an {@link Article}.
 *
 * The pipeline: normalise the text into lines → split it into blocks (paragraphs) → read the
 * header (kicker, headline, by-line, metadata lines) → trim the page chrome after the article
 * → take the closing credits paragraph → turn what is left into body blocks. Each stage is a
 * module in `./article/`, taking blocks and handing back blocks (or body blocks).
 *
 * Everything here is pure string work with no DOM, and every regex is anchored, bounded or
 * run on a short slice, so the parser stays linear on hostile input.
 * @module
 */
import type { Article } from '../model.js';
import { buildBody, takeDateline } from './article/body.js';
import { takeCredits, trimChrome } from './article/chrome.js';
import { readHeader } from './article/header.js';
import { splitBlocks, toLines } from './article/lines.js';

/**
 * Parses the plain text of a news article page, such as a scraped page, into an {@link Article}.
 *
 * Recognises, in this order:
 * - the header: the first line is the headline, with an all-capitals prefix before a colon
 *   taken as the kicker ("LATEST DEVELOPMENTS: …"); a "By …" line; metadata lines with a known
 *   key (`Title`, `Date`, `Published`, `Updated`, `Posted on`, `By`, `Author`, `Source`,
 *   `Section`, `Category`, `Tags`, `Keywords`, `Language`, `Summary`, `URL`), case-insensitive;
 *   a bare date line. A by-line of person names also fills `authors`.
 * - trailing page chrome ("You may also like", "Related Articles", "Comments (3)",
 *   "Leave a Comment", "© 2024 Foo", …) and everything after it; "Advertisement" lines anywhere.
 * - the closing credits ("(Reporting by …; Editing by …)", "X contributed to this report.")
 *   in the last one or two paragraphs, kept verbatim as `creditsText`.
 * - the body: paragraphs, quotes (a paragraph wholly in quotation marks, or `> ` lines, with an
 *   optional "— Name" attribution as `cite`), lists (`- `, `• `, `* `, `1. `, `1) ` lines),
 *   subheadings (a short capitalised line with no closing punctuation before a paragraph, or a
 *   markdown `## ` line) and a dateline ("GAZA, Nov 3 (Reuters) - ") at the start of the first
 *   paragraph.
 *
 * Paragraphs are separated by blank lines; text with no blank lines at all has one paragraph a
 * line. `language` is only set from a `Language:` line. Never throws: anything that is not a
 * string gives `{ headline: '', body: [] }`.
 *
 * @param text - The page text; `\n`, `\r\n` and `\r` line endings are all fine.
 * @returns The article; optional fields that were not found are left out.
 */
export function parseArticleText(text: string): Article {
  if (typeof text !== 'string') return { headline: '', body: [] };
  const article: Article = { headline: '' };

  const blocks = splitBlocks(toLines(text));
  const afterHeader = readHeader(blocks, article);
  const content = trimChrome(afterHeader, article);
  const paragraphs = takeCredits(content, article);
  article.body = buildBody(paragraphs);
  takeDateline(article);
  return tidy(article);
}

/** Falls back to the "Title:" line for a missing headline and drops empty optional fields. */
function tidy(article: Article): Article {
  if (article.headline === '' && article.alternativeHeadline) {
    article.headline = article.alternativeHeadline;
  }
  if (article.alternativeHeadline === article.headline) article.alternativeHeadline = undefined;
  const kept = Object.entries(article).filter(
    ([key, value]) => key === 'headline' || key === 'body' || !(value === undefined || value === '' || (Array.isArray(value) && value.length === 0)),
  );
  return Object.fromEntries(kept) as unknown as Article;
}
