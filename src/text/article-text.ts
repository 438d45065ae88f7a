/**
 * Plain-text article importer: turns the text of a scraped news page into an {@link Article}.
 *
 * The pipeline: normalise the text into lines → split it into blocks (paragraphs) → read the
 * header (kicker, headline, by-line, metadata lines) → trim the page chrome after the article
 * → take the closing credits paragraph → turn what is left into body blocks.
 *
 * Everything here is pure string work with no DOM, and every regex is anchored, bounded or
 * run on a short slice, so the parser stays linear on hostile input.
 * @module
 */
import type { Article, ArticleBlock, Person, QuoteBlock } from '../model.js';
import { parseLooseDate } from './dates.js';

/** A run of consecutive non-blank lines, each already whitespace-normalised. */
type Block = string[];

/** Where a chrome marker may cut: `strong` markers end the article even if prose follows them. */
type ChromeStrength = 'strong' | 'weak';

/** A header field read from one metadata line, not yet applied. */
type HeaderItem = Partial<Omit<Article, 'headline' | 'body'>>;

interface ListItem {
  ordered: boolean;
  text: string;
  /** The line as printed, for when a lone item turns out to be a paragraph. */
  line: string;
}

/** Lines longer than this are never a headline. */
const MAX_HEADLINE_LENGTH = 300;
/** A line longer than this means the text is not hard-wrapped, so its newlines end paragraphs. */
const MAX_WRAPPED_LINE_LENGTH = 100;
/** Chrome ("Related Articles", "© 2024 Foo") is always short. */
const MAX_CHROME_LENGTH = 300;
/** Credits are a sentence or three; a longer paragraph is prose that happens to start alike. */
const MAX_CREDITS_LENGTH = 1500;

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

// ---------------------------------------------------------------------------------------------
// Normalise and split

function toLines(text: string): string[] {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    // Control characters other than newline and tab are binary junk; make them plain spaces.
    .replace(/[^\P{Cc}\n\t]/gu, ' ')
    .split('\n')
    .map(collapseWhitespace);
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Groups lines into blocks on blank lines. Text without any blank line has one block a line,
 * and so does a block with a line too long to be hard-wrapped.
 */
function splitBlocks(lines: string[]): Block[] {
  const content = lines.filter((line) => !isFurnitureLine(line) || line === '');
  const first = content.findIndex((line) => line !== '');
  const last = content.findLastIndex((line) => line !== '');
  if (first < 0) return [];
  const trimmed = content.slice(first, last + 1);
  if (!trimmed.includes('')) return trimmed.map((line) => [line]);

  const blocks: Block[] = [];
  let current: Block = [];
  for (const line of trimmed) {
    if (line !== '') {
      current.push(line);
    } else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  blocks.push(current);
  return blocks.flatMap((block) =>
    block.some((line) => line.length > MAX_WRAPPED_LINE_LENGTH) ? block.map((line) => [line]) : [block],
  );
}

/** Advertising labels and section breaks ("* * *"): never content, wherever they are. */
function isFurnitureLine(line: string): boolean {
  if (line.length > 60) return false;
  return (
    /^(?:advertisement|advertising|ad|sponsored(?: content)?|story continues below(?: advertisement)?|scroll to continue(?: with content)?)$/i.test(
      line,
    ) || /^[-*_•#~=](?: ?[-*_•#~=]){2,}$/.test(line)
  );
}

function blockText(block: Block): string {
  return block.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Header: kicker, headline, by-line and metadata lines

/**
 * Reads header lines into `article` until the first line that is not part of the header, and
 * returns the blocks from that line on.
 */
function readHeader(blocks: Block[], article: Article): Block[] {
  let headlineSeen = false;
  for (let blockIndex = 0; blockIndex < blocks.length; blockIndex++) {
    const block = blocks[blockIndex];
    for (let lineIndex = 0; lineIndex < block.length; lineIndex++) {
      const line = block[lineIndex];
      const items = readHeaderLine(line, headlineSeen);
      if (items) {
        for (const item of items) applyUnset(article, item);
        continue;
      }
      // Page furniture above the headline ("Share this article") is dropped.
      if (!headlineSeen && chromeStrength(line)) continue;
      if (!headlineSeen && line.length <= MAX_HEADLINE_LENGTH) {
        applyHeadline(line, article);
        headlineSeen = true;
        continue;
      }
      return [block.slice(lineIndex), ...blocks.slice(blockIndex + 1)];
    }
  }
  return [];
}

/** Splits "LATEST DEVELOPMENTS: Headline" into kicker and headline. */
function applyHeadline(line: string, article: Article): void {
  const headline = line.replace(/^#{1,6} /, '');
  const colon = headline.indexOf(':');
  const prefix = headline.slice(0, colon).trim();
  const rest = headline.slice(colon + 1).trim();
  if (colon > 0 && colon <= 60 && rest !== '' && isAllCapitals(prefix) && countWords(prefix, 7) <= 6) {
    article.kicker ??= prefix;
    article.headline = rest;
  } else {
    article.headline = headline;
  }
}

/** True when `text` has letters and every one of them is a capital. */
function isAllCapitals(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** Sets every field of `item` that `article` does not have yet: the first mention wins. */
function applyUnset(article: Article, item: HeaderItem): void {
  for (const key of Object.keys(item) as (keyof HeaderItem)[]) {
    if (article[key] === undefined && item[key] !== undefined) Object.assign(article, { [key]: item[key] });
  }
}

type HeaderField = 'title' | 'published' | 'modified' | 'by' | 'source' | 'section' | 'tags' | 'language' | 'summary' | 'url' | 'kicker';

/** Only these keys make a "Key: value" line metadata; any other such line is prose. */
const HEADER_KEYS: Readonly<Record<string, HeaderField>> = {
  title: 'title', headline: 'title', 'page title': 'title',
  date: 'published', published: 'published', 'published on': 'published', 'publication date': 'published',
  'date published': 'published', 'first published': 'published', posted: 'published', 'posted on': 'published',
  updated: 'modified', 'updated on': 'modified', 'last updated': 'modified', modified: 'modified',
  'last modified': 'modified', 'date modified': 'modified',
  by: 'by', author: 'by', authors: 'by', byline: 'by', 'written by': 'by',
  source: 'source', publisher: 'source',
  section: 'section', category: 'section', desk: 'section',
  tags: 'tags', keywords: 'tags', topics: 'tags',
  language: 'language', lang: 'language',
  summary: 'summary', description: 'summary', dek: 'summary', standfirst: 'summary', subtitle: 'summary',
  url: 'url', link: 'url', 'canonical url': 'url',
  kicker: 'kicker',
};

/**
 * Reads one header line: "Key: value", "Posted on <date>", "By <name>", a bare date, or several
 * of these joined by " | ". Returns `undefined` when the line is not header metadata.
 */
function readHeaderLine(line: string, headlineSeen: boolean): HeaderItem[] | undefined {
  if (line.length > MAX_CHROME_LENGTH * 2) return undefined;
  const items: HeaderItem[] = [];
  for (const part of line.split(/ [|·•] /)) {
    const item = readHeaderItem(part, headlineSeen);
    if (!item) return undefined;
    items.push(item);
  }
  return items;
}

function readHeaderItem(text: string, headlineSeen: boolean): HeaderItem | undefined {
  const keyed = /^([a-z][a-z ]{0,20}?) ?: ?(\S.*)$/i.exec(text);
  const field = keyed ? HEADER_KEYS[keyed[1].toLowerCase()] : undefined;
  if (keyed && field) return readField(field, keyed[2]);

  const dated = /^(posted|published|first published|updated|last updated|modified)(?: on)? (\S.*)$/i.exec(text);
  if (dated) return readField(/^(?:posted|published|first)/i.test(dated[1]) ? 'published' : 'modified', dated[2]);

  // A bare "by …" line only after the headline, so "By the numbers: …" stays a headline.
  const by = headlineSeen ? /^by (\S.*)$/i.exec(text) : null;
  if (by) return readField('by', by[1]);

  const date = parseLooseDate(text);
  return date ? { datePublished: date } : undefined;
}

/** Validates `value` for `field`; an implausible value means the line was prose after all. */
function readField(field: HeaderField, value: string): HeaderItem | undefined {
  switch (field) {
    case 'title':
      return value.length <= MAX_HEADLINE_LENGTH ? { alternativeHeadline: value } : undefined;
    case 'published':
    case 'modified': {
      // "November 3, 2023 by Jane Doe", as "Posted on" lines often go on.
      const [datePart, byPart] = splitOnce(value, / by /i);
      const date = parseLooseDate(datePart);
      if (!date) return undefined;
      const byline = byPart === undefined ? undefined : readField('by', byPart);
      if (byPart !== undefined && !byline) return undefined;
      return { ...byline, ...(field === 'published' ? { datePublished: date } : { dateModified: date }) };
    }
    case 'by':
      return looksLikeByline(value) ? { byline: value, authors: readAuthors(value) } : undefined;
    case 'source':
      return isShortLabel(value, 8) ? { publisher: { name: value } } : undefined;
    case 'section':
      return isShortLabel(value, 6) ? { section: value } : undefined;
    case 'kicker':
      return isShortLabel(value, 6) ? { kicker: value } : undefined;
    case 'tags': {
      const keywords = readKeywords(value);
      return keywords.length > 0 ? { keywords } : undefined;
    }
    case 'language':
      return /^[a-z]{2,3}(?:-[a-z\d]{2,8}){0,3}$/i.test(value) ? { language: value } : undefined;
    case 'summary':
      return { dek: value };
    case 'url':
      return /^https?:\/\/\S+$/i.test(value) ? { url: value } : undefined;
  }
}

function splitOnce(text: string, separator: RegExp): [string, string | undefined] {
  const match = separator.exec(text);
  return match ? [text.slice(0, match.index), text.slice(match.index + match[0].length)] : [text, undefined];
}

/** A label such as a section or source name: a few words, not a sentence. */
function isShortLabel(value: string, maxWords: number): boolean {
  return value.length <= 80 && countWords(value, maxWords + 1) <= maxWords && !endsSentence(value);
}

function readKeywords(value: string): string[] {
  const keywords = value.split(/[,;]/).map((keyword) => keyword.trim()).filter((keyword) => keyword !== '');
  return [...new Set(keywords)];
}

/** A by-line is a dozen words at most and not a sentence ("Jr." and "Inc." may end it). */
function looksLikeByline(value: string): boolean {
  if (value.length > 150 || countWords(value, 13) > 12 || /[!?]$/.test(value)) return false;
  return !value.endsWith('.') || /(?:^|\s)\S{1,3}\.$/.test(value);
}

/** Words that mark a by-line part as a role or an outlet, not a person's name. */
const NOT_A_NAME = new Set([
  'staff', 'writer', 'writers', 'reporter', 'reporters', 'correspondent', 'correspondents', 'editor',
  'editors', 'contributor', 'news', 'desk', 'team', 'agency', 'press', 'service', 'bureau', 'wire',
  'wires', 'newsroom', 'media', 'times', 'post', 'daily', 'journal', 'online', 'associated',
  'reuters', 'afp', 'ap', 'bbc', 'cnn', 'report', 'editorial', 'board',
]);
/** Lower-case words that may sit inside a name ("Ursula von der Leyen"). */
const NAME_PARTICLES = new Set([
  'al', 'el', 'bin', 'ibn', 'da', 'de', 'del', 'della', 'der', 'den', 'di', 'dos', 'du', 'la', 'le', 'van', 'von', 'ter', 'y',
]);

/**
 * The people named in a by-line. Parts split on commas, "and" and "&"; a part is a person when
 * it is two to five capitalised words ("Nidal al-Mughrabi", "Ursula von der Leyen", optionally
 * "in <Place>"), with no role or outlet word ("Staff Writer", "Associated Press"). So
 * "time news" and "Reuters" give no authors.
 */
function readAuthors(byline: string): Person[] | undefined {
  const people = byline
    .split(/\s*(?:[,;&]|\band\b)\s*/i)
    .map(readPerson)
    .filter((person) => person !== undefined);
  return people.length > 0 ? people : undefined;
}

function readPerson(part: string): Person | undefined {
  const located = /^(.+?) in (\p{Lu}.*)$/u.exec(part);
  const name = located ? located[1] : part;
  const words = name.split(' ');
  if (words.length < 2 || words.length > 5) return undefined;
  if (words.some((word) => NOT_A_NAME.has(word.toLowerCase().replace(/\.$/, '')))) return undefined;
  const isNameWord = (word: string): boolean => /^(?:\p{Ll}{1,3}[-'’])?\p{Lu}[\p{L}'’.-]*$/u.test(word);
  const inner = words.slice(1, -1);
  if (!isNameWord(words[0]) || !isNameWord(words[words.length - 1])) return undefined;
  if (!inner.every((word) => isNameWord(word) || NAME_PARTICLES.has(word))) return undefined;
  return located ? { name, location: located[2] } : { name };
}

// ---------------------------------------------------------------------------------------------
// Page chrome

/**
 * Chrome that ends the article: nothing after it is article text, even prose (comments,
 * teaser excerpts). Matched against a whole line.
 */
const STRONG_CHROME = [
  /^you (?:may|might|could) (?:also )?(?:like|enjoy|be interested in):?$/i,
  /^(?:leave|post|add|write) a (?:comment|reply):?$/i,
  /^(?:comments? \(\d+\)|\d+ comments?|(?:show|view|read|see|load) (?:all )?(?:\d+ )?comments|join the (?:conversation|discussion)):?$/i,
  /^related (?:articles|stories|posts|news|content|coverage|reading|links|topics):?$/i,
  /^more (?:stories|news|articles|from \S.{0,60}|on \S.{0,60}|in \S.{0,60})$/i,
  /^(?:most (?:popular|read|viewed|shared)|recommended (?:for you|stories|articles|reading)|trending (?:now|stories|articles)|(?:what to )?read next|up next):?$/i,
];

/**
 * Chrome that ends the article only when no prose follows it. One-word labels such as
 * "Comments" are here because a real subheading could read the same.
 */
const WEAK_CHROME = [
  /^(?:comments?|related|recommended|trending|popular):?$/i,
  /^(?:read (?:more|also|next)|also read|see also|related:)(?:\W.{0,150})?$/i,
  /^share(?: (?:this|the) (?:article|story|post|page|video))?(?: (?:on|via) [\w ,+&]{1,40})?:?$/i,
  /^share: [^.!?]{1,80}$/i,
  /^(?:subscribe|sign up)\b[^.?]{0,100}$/i,
  /^(?:subscribe|sign up)\b.{0,100}\bnewsletters?\b.{0,40}$/i,
  /^follow us\b.{0,80}$/i,
  /^(?:tags?|topics|filed under|categories):.{0,300}$/i,
  /^tags?$/i,
  /^(?:copyright\b|©|\(c\) ?\d{4})/i,
  /\ball rights reserved\.?$/i,
  /^our standards:/i,
];

/** Whether a line is a chrome marker, and how firmly it ends the article. */
function chromeStrength(line: string): ChromeStrength | undefined {
  if (line.length > MAX_CHROME_LENGTH) return undefined;
  if (STRONG_CHROME.some((pattern) => pattern.test(line))) return 'strong';
  if (WEAK_CHROME.some((pattern) => pattern.test(line))) return 'weak';
  return undefined;
}

/**
 * Cuts the page chrome that follows the article, and chrome markers before its first prose.
 *
 * The article's prose ends at its last substantial paragraph, ignoring anything after a strong
 * marker; the first marker after that paragraph starts the chrome, which runs to the end. A
 * trailing "Tags:" line still fills `keywords`.
 */
function trimChrome(blocks: Block[], article: Article): Block[] {
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
  const words = countWords(text, 40);
  return words >= 40 || (words >= 8 && endsSentence(text)) || isCreditsText(text);
}

// ---------------------------------------------------------------------------------------------
// Credits

const CREDITS_PATTERNS = [
  // "(Reporting by …; Editing by …)", "Additional reporting by …", "Writing and editing by …"
  /^\(?(?:additional |further )?(?:reporting|writing|editing|compiled|compiling|research|photography|graphics|video|translation|translated|produced|written|edited)(?: and \w+)? by\b/i,
  // "This article includes reporting from …", "This story was compiled by …"
  /^\(?this (?:article|story|report)\b.{0,60}?\b(?:reporting|reported|written|edited|compiled|contributions?|contributed)\b/i,
  /^\(?contributing to this (?:report|story|article)\b/i,
  // "Associated Press writers A and B contributed to this report."
  /\bcontributed (?:to this (?:report|story|article)|reporting\b.{0,200})\.?\)?$/i,
];

function isCreditsText(text: string): boolean {
  return text.length <= MAX_CREDITS_LENGTH && CREDITS_PATTERNS.some((pattern) => pattern.test(text));
}

/**
 * Moves the credits out of the body into `creditsText`. Only the last two paragraphs can be
 * credits; when both are, they are joined with a space.
 */
function takeCredits(blocks: Block[], article: Article): Block[] {
  const isCredits = (index: number): boolean => index >= 0 && isCreditsText(blockText(blocks[index]));
  const last = blocks.length - 1;
  let credits: number[] = [];
  if (isCredits(last)) credits = isCredits(last - 1) ? [last - 1, last] : [last];
  else if (isCredits(last - 1)) credits = [last - 1];
  if (credits.length === 0) return blocks;
  article.creditsText = credits.map((index) => blockText(blocks[index])).join(' ');
  return blocks.filter((_, index) => !credits.includes(index));
}

// ---------------------------------------------------------------------------------------------
// Body blocks

/** Turns the remaining blocks into paragraphs, quotes, lists and subheadings. */
function buildBody(blocks: Block[]): ArticleBlock[] {
  const body: ArticleBlock[] = [];
  let listItems: ListItem[] = [];
  // Lists continue across blank lines, so items wait here until something else comes along.
  const flushList = (): void => {
    if (listItems.length >= 2) {
      const ordered = listItems.every((item) => item.ordered);
      body.push({ type: 'list', ...(ordered ? { ordered } : {}), items: listItems.map((item) => item.text) });
    } else {
      body.push(...listItems.map((item) => textBlock(item.line)));
    }
    listItems = [];
  };

  for (let index = 0; index < blocks.length; index++) {
    const quote = readQuote(blocks[index]);
    if (quote) {
      flushList();
      const next = blocks[index + 1];
      const cite = !quote.cite && next?.length === 1 ? readAttribution(next[0]) : undefined;
      if (cite) {
        quote.cite = cite;
        index++;
      }
      body.push(quote);
      continue;
    }
    let textLines: string[] = [];
    for (const line of blocks[index]) {
      const item = readListItem(line);
      if (item) {
        if (textLines.length > 0) body.push(textBlock(blockText(textLines)));
        textLines = [];
        listItems.push(item);
      } else {
        flushList();
        textLines.push(line);
      }
    }
    if (textLines.length > 0) body.push(textBlock(blockText(textLines)));
  }
  flushList();
  return promoteSubheadings(body);
}

/** A paragraph, or a heading when written as markdown ("## Aid convoys"). */
function textBlock(text: string): ArticleBlock {
  const markdown = /^(#{1,4}) (\S.*)$/.exec(text);
  if (!markdown) return { type: 'paragraph', text };
  const level = Math.max(2, markdown[1].length) as 2 | 3 | 4;
  return { type: 'heading', level, text: markdown[2] };
}

function readListItem(line: string): ListItem | undefined {
  const match = /^(?:[-•*▪◦‣]|(\d{1,3})[.)]) +(\S.*)$/u.exec(line);
  return match ? { ordered: match[1] !== undefined, text: match[2], line } : undefined;
}

/** Opening and closing marks of a paragraph that is wholly a quotation. */
const QUOTE_MARKS: readonly [string, string][] = [
  ['“', '”'],
  ['"', '"'],
  ['«', '»'],
  ['„', '“'],
];

/**
 * A quote block: markdown `> ` lines, or a paragraph wholly inside one pair of quotation
 * marks, either optionally ending with an attribution line ("— Antony Blinken").
 */
function readQuote(block: Block): QuoteBlock | undefined {
  const lastLine = block[block.length - 1];
  const cite = block.length > 1 ? readAttribution(lastLine.replace(/^> ?/, '')) : undefined;
  const lines = cite ? block.slice(0, -1) : block;

  if (lines.every((line) => line.startsWith('>'))) {
    const text = collapseWhitespace(lines.map((line) => line.slice(1)).join(' '));
    return text === '' ? undefined : withCite({ type: 'quote', text }, cite);
  }
  const text = unquote(blockText(lines));
  return text === undefined ? undefined : withCite({ type: 'quote', text }, cite);
}

function withCite(quote: QuoteBlock, cite: string | undefined): QuoteBlock {
  return cite ? { ...quote, cite } : quote;
}

/** The text inside the quotation marks when they wrap all of `text` and nothing else. */
function unquote(text: string): string | undefined {
  for (const [open, close] of QUOTE_MARKS) {
    if (text.length < 3 || !text.startsWith(open) || !text.endsWith(close)) continue;
    const inner = text.slice(open.length, -close.length);
    // "“Yes,” she said, “now.”" opens and closes with marks but is not one quotation.
    if (inner.includes(open) || inner.includes(close) || inner.trim() === '') return undefined;
    return inner.trim();
  }
  return undefined;
}

/** "— Antony Blinken" or "- Jane Doe, CEO": the name, at most a dozen words. */
function readAttribution(line: string): string | undefined {
  const match = /^(?:[—–―]|-{1,2}) ?(\p{L}.*)$/u.exec(line);
  if (!match || match[1].length > 120 || countWords(match[1], 13) > 12) return undefined;
  return match[1];
}

/**
 * A short paragraph right before a paragraph of eight words or more becomes a level-2 heading
 * when it reads like a title: at most 10 words and 80 characters, starting with a capital or a
 * digit, no closing punctuation. The first body block never does: it is more likely a standfirst.
 */
function promoteSubheadings(body: ArticleBlock[]): ArticleBlock[] {
  return body.map((block, index) => {
    const next = body[index + 1];
    if (index === 0 || block.type !== 'paragraph' || next?.type !== 'paragraph') return block;
    if (!looksLikeSubheading(block.text) || countWords(next.text, 8) < 8) return block;
    return { type: 'heading', level: 2, text: block.text };
  });
}

function looksLikeSubheading(text: string): boolean {
  return (
    text.length <= 80 &&
    countWords(text, 11) <= 10 &&
    /^[\p{Lu}\d]/u.test(text) &&
    !/[.,;:!?…"'”’)\]]$/.test(text)
  );
}

// ---------------------------------------------------------------------------------------------
// Dateline

/**
 * "GAZA, Nov 3 (Reuters) - ", "WASHINGTON — ", "KYIV, Ukraine (AP) — ": a place in capitals,
 * an optional region, date and agency, then a dash and a sentence starting with a capital.
 */
const DATELINE =
  /^(\p{Lu}[\p{Lu}.'’/-]+(?: \p{Lu}[\p{Lu}.'’/-]*){0,3}(?:, \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2})?)(?:,? (?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2}|\d{1,2} \p{Lu}\p{Ll}{2,8}\.?))?(?: \([^()]{1,40}\))?(?: ?[—–―] ?| -{1,2} )(?=[\p{Lu}\d“"‘'])/u;

/** Moves a dateline at the start of the first paragraph into `article.dateline`. */
function takeDateline(article: Article): void {
  const first = article.body?.find((block) => block.type === 'paragraph');
  if (!first) return;
  const match = DATELINE.exec(first.text.slice(0, 200));
  if (!match) return;
  article.dateline = match[1];
  first.text = first.text.slice(match[0].length);
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

/** Counts the words in `text`, stopping at `atMost` so long text costs no more than short. */
function countWords(text: string, atMost: number): number {
  let count = 0;
  const word = /\S+/g;
  while (count < atMost && word.exec(text) !== null) count++;
  return count;
}

/** Ends with sentence punctuation, perhaps followed by closing quotes or brackets. */
function endsSentence(text: string): boolean {
  return /[.!?…]["'”’)\]]*$/.test(text.slice(-8));
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
