/**
 * Comment bodies are plain text. This turns one into paragraphs of text and link tokens, so a
 * template can render it with text bindings only: no path by which a comment becomes markup.
 * Pure: no DOM, safe in Node.
 */
import { safeUrl } from '../shared/url.js';

/** A piece of a paragraph: text, a line break, or a link to an `http(s)` URL. */
export type TextToken = string | { br: true } | { href: string; text: string };

/** Candidate URLs: an explicit `http(s)://` scheme or a `www.` host, up to white space. */
const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
/** Punctuation that usually ends the sentence around a URL rather than the URL itself. */
const trailing = new Set(".,:;!?'’”)]}");

/** `text` without its trailing punctuation, found from the end: a regex anchored at `$` would retry every run of it. */
function withoutTrailing(text: string): string {
  let end = text.length;
  while (end > 0 && trailing.has(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

/** The link for a URL found in text (`www.` ones get `https:`), or undefined unless it is `http(s)`. */
export const linkTarget = (text: string): string | undefined => safeUrl(/^www\./i.test(text) ? `https://${text}` : text);

/** One line's text and links, appended to `tokens`. */
function lineTokens(line: string, tokens: TextToken[]): void {
  let last = 0;
  for (const match of line.matchAll(urlPattern)) {
    let text = withoutTrailing(match[0]);
    // Keep a closing bracket the URL opened: "(see https://en.wikipedia.org/wiki/Foo_(bar))".
    if (match[0][text.length] === ')' && text.split('(').length > text.split(')').length) text += ')';
    const href = linkTarget(text);
    if (!href) continue;
    if (match.index > last) tokens.push(line.slice(last, match.index));
    tokens.push({ href, text });
    last = match.index + text.length;
  }
  if (last < line.length) tokens.push(line.slice(last));
}

/** Paragraphs (split at blank lines) of tokens, with single line breaks kept as `{ br: true }`. */
export function commentParagraphs(body: string): TextToken[][] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => {
      const tokens: TextToken[] = [];
      paragraph.split('\n').forEach((line, index) => {
        if (index > 0) tokens.push({ br: true });
        lineTokens(line, tokens);
      });
      return tokens;
    });
}

/** Characters as people and the server count them: code points, not UTF-16 units, a lone surrogate as the U+FFFD it is stored as. */
export function characterCount(text: string): number {
  return [...text.toWellFormed()].length;
}

/**
 * A character that shows: not white space, a control or format character, a mark on its own, a
 * default-ignorable one (zero-width characters, Hangul fillers, tags) or the blank Braille pattern.
 * The server refuses names and comments without one by the same rule (server/src/text.ts).
 */
const visible = /[^\p{White_Space}\p{Cc}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** Whether any character of `text` shows. */
export const hasVisibleCharacter = (text: string): boolean => visible.test(text);
