/**
 * Stage 6 of `parseArticleText`: the blocks left become body blocks (paragraphs, quotes, lists,
 * subheadings), and a dateline at the start of the first paragraph moves to `dateline`.
 * @module
 */
import type { Article, ArticleBlock, QuoteBlock } from '../../model.js';
import { blockText, collapseWhitespace, type Block } from './lines.js';
import { wordsUpTo } from './words.js';

interface ListItem {
  ordered: boolean;
  text: string;
  /** The line as printed, for when a lone item turns out to be a paragraph. */
  line: string;
}

/** Turns the remaining blocks into paragraphs, quotes, lists and subheadings. */
export function buildBody(blocks: Block[]): ArticleBlock[] {
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
  if (!match || match[1].length > 120 || wordsUpTo(match[1], 13) > 12) return undefined;
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
    if (!looksLikeSubheading(block.text) || wordsUpTo(next.text, 8) < 8) return block;
    return { type: 'heading', level: 2, text: block.text };
  });
}

function looksLikeSubheading(text: string): boolean {
  return text.length <= 80 && wordsUpTo(text, 11) <= 10 && /^[\p{Lu}\d]/u.test(text) && !/[.,;:!?…"'”’)\]]$/.test(text);
}

// Dateline

/**
 * "GAZA, Nov 3 (Reuters) - ", "WASHINGTON — ", "KYIV, Ukraine (AP) — ": a place in capitals,
 * an optional region, date and agency, then a dash and a sentence starting with a capital.
 */
const DATELINE =
  /^(\p{Lu}[\p{Lu}.'’/-]+(?: \p{Lu}[\p{Lu}.'’/-]*){0,3}(?:, \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2})?)(?:,? (?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2}|\d{1,2} \p{Lu}\p{Ll}{2,8}\.?))?(?: \([^()]{1,40}\))?(?: ?[—–―] ?| -{1,2} )(?=[\p{Lu}\d“"‘'])/u;

/** Moves a dateline at the start of the first paragraph into `article.dateline`. */
export function takeDateline(article: Article): void {
  const first = article.body?.find((block) => block.type === 'paragraph');
  if (!first) return;
  const match = DATELINE.exec(first.text.slice(0, 200));
  if (!match) return;
  article.dateline = match[1];
  first.text = first.text.slice(match[0].length);
}
