/**
 * Stage 3 of `parseArticleText`: the header. Reads the kicker, headline, by-line and metadata
 * lines at the top of the blocks into the article, and hands back the blocks after them.
 * @module
 */
import type { Article, Person } from '../../model.js';
import { parseLooseDate } from '../dates.js';
import { chromeStrength, MAX_CHROME_LENGTH } from './chrome-markers.js';
import type { Block } from './lines.js';
import { endsSentence, isAllCapitals, wordsUpTo } from './words.js';

/** A header field read from one metadata line, not yet applied. */
export type HeaderItem = Partial<Omit<Article, 'headline' | 'body'>>;

/** Lines longer than this are never a headline. */
const MAX_HEADLINE_LENGTH = 300;

/**
 * Reads header lines into `article` until the first line that is not part of the header, and
 * returns the blocks from that line on.
 */
export function readHeader(blocks: Block[], article: Article): Block[] {
  const lines = blocks.flatMap((block, blockIndex) => block.map((line, lineIndex) => ({ line, blockIndex, lineIndex })));
  let headlineSeen = false;
  for (let index = 0; index < lines.length; index++) {
    const { line, blockIndex, lineIndex } = lines[index];
    const items = readHeaderLine(line, headlineSeen);
    if (items) {
      for (const item of items) applyUnset(article, item);
      continue;
    }
    // Page furniture above the headline ("Share this article") is dropped.
    if (!headlineSeen && chromeStrength(line)) continue;
    if (!headlineSeen && line.length <= MAX_HEADLINE_LENGTH) {
      if (article.kicker === undefined && isKickerLine(line, lines[index + 1]?.line, lines[index + 2]?.line)) {
        article.kicker = line;
        continue;
      }
      applyHeadline(line, article);
      headlineSeen = true;
      continue;
    }
    return [blocks[blockIndex].slice(lineIndex), ...blocks.slice(blockIndex + 1)];
  }
  return [];
}

/**
 * A kicker on its own line above the headline: a short label, not a sentence, followed by a
 * longer line that is a headline rather than a sentence or metadata. An all-capitals label
 * ("LATEST DEVELOPMENTS") is one; a label in other case ("Israel-Hamas war") only when a by-line
 * or date follows the headline, so a short headline over its dek stays the headline.
 */
function isKickerLine(line: string, next: string | undefined, afterNext: string | undefined): boolean {
  if (next === undefined || line.includes(':') || line.length > 60 || wordsUpTo(line, 7) > 6 || endsSentence(line)) return false;
  if (next.length <= line.length || next.length > MAX_HEADLINE_LENGTH || endsSentence(next) || readHeaderLine(next, true) || chromeStrength(next)) {
    return false;
  }
  return isAllCapitals(line) || (afterNext !== undefined && readHeaderLine(afterNext, true) !== undefined);
}

/** Splits "LATEST DEVELOPMENTS: Headline" into kicker and headline. */
function applyHeadline(line: string, article: Article): void {
  const headline = line.replace(/^#{1,6} /, '');
  const colon = headline.indexOf(':');
  const prefix = headline.slice(0, colon).trim();
  const rest = headline.slice(colon + 1).trim();
  if (colon > 0 && colon <= 60 && rest !== '' && isAllCapitals(prefix) && wordsUpTo(prefix, 7) <= 6) {
    article.kicker ??= prefix;
    article.headline = rest;
  } else {
    article.headline = headline;
  }
}

/** Sets every field of `item` that `article` does not have yet: the first mention wins. */
export function applyUnset(article: Article, item: HeaderItem): void {
  for (const key of Object.keys(item) as (keyof HeaderItem)[]) {
    if (article[key] === undefined && item[key] !== undefined) Object.assign(article, { [key]: item[key] });
  }
}

type HeaderField = 'title' | 'published' | 'modified' | 'by' | 'source' | 'section' | 'tags' | 'language' | 'summary' | 'url' | 'kicker';

/** Only these keys make a "Key: value" line metadata; any other such line is prose. */
const HEADER_KEYS: Readonly<Record<string, HeaderField>> = {
  title: 'title',
  headline: 'title',
  'page title': 'title',
  date: 'published',
  published: 'published',
  'published on': 'published',
  'publication date': 'published',
  'date published': 'published',
  'first published': 'published',
  posted: 'published',
  'posted on': 'published',
  updated: 'modified',
  'updated on': 'modified',
  'last updated': 'modified',
  modified: 'modified',
  'last modified': 'modified',
  'date modified': 'modified',
  by: 'by',
  author: 'by',
  authors: 'by',
  byline: 'by',
  'written by': 'by',
  source: 'source',
  publisher: 'source',
  section: 'section',
  category: 'section',
  desk: 'section',
  tags: 'tags',
  keywords: 'tags',
  topics: 'tags',
  language: 'language',
  lang: 'language',
  summary: 'summary',
  description: 'summary',
  dek: 'summary',
  standfirst: 'summary',
  subtitle: 'summary',
  url: 'url',
  link: 'url',
  'canonical url': 'url',
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
export function readField(field: HeaderField, value: string): HeaderItem | undefined {
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
  return value.length <= 80 && wordsUpTo(value, maxWords + 1) <= maxWords && !endsSentence(value);
}

function readKeywords(value: string): string[] {
  const keywords = value
    .split(/[,;]/)
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword !== '');
  return [...new Set(keywords)];
}

/** A by-line is a dozen words at most and not a sentence ("Jr." and "Inc." may end it). */
function looksLikeByline(value: string): boolean {
  if (value.length > 150 || wordsUpTo(value, 13) > 12 || /[!?]$/.test(value)) return false;
  return !value.endsWith('.') || /(?:^|\s)\S{1,3}\.$/.test(value);
}

/** Words that mark a by-line part as a role or an outlet, not a person's name. */
const NOT_A_NAME = new Set([
  'staff',
  'writer',
  'writers',
  'reporter',
  'reporters',
  'correspondent',
  'correspondents',
  'editor',
  'editors',
  'contributor',
  'news',
  'desk',
  'team',
  'agency',
  'press',
  'service',
  'bureau',
  'wire',
  'wires',
  'newsroom',
  'media',
  'times',
  'post',
  'daily',
  'journal',
  'online',
  'associated',
  'reuters',
  'afp',
  'ap',
  'bbc',
  'cnn',
  'report',
  'editorial',
  'board',
]);
/** Lower-case words that may sit inside a name ("Ursula von der Leyen"). */
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'da', 'de', 'del', 'della', 'der', 'den', 'di', 'dos', 'du', 'la', 'le', 'van', 'von', 'ter', 'y']);

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
