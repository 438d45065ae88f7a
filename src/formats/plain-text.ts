/**
 * The words of a string that may hold HTML, as feeds' titles and descriptions do: tags, scripts
 * and style sheets dropped, character references decoded, white space folded. Linear in its
 * input however the markup is broken.
 * @module
 */
import { tableDecode } from './entity-table.js';

/** Where a script or style sheet that opens at `from` ends, or -1 when it is never closed. */
function rawTextEnd(source: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}\\s*>`, 'gi');
  closing.lastIndex = from;
  const match = closing.exec(source);
  return match ? match.index + match[0].length : -1;
}

/** Where a comment that opens before `from` ends, or -1 when it is never closed. */
function commentEnd(source: string, from: number): number {
  const end = source.indexOf('-->', from);
  return end < 0 ? -1 : end + 3;
}

/**
 * `value` with each tag, and each script, style sheet and comment whole, replaced by a space. Each
 * stretch of text is scanned a bounded number of times, so text full of `<` that never closes stays linear.
 */
function withoutTags(value: string): string {
  const lastClose = value.lastIndexOf('>');
  const tag = /<(script|style)\b|<!--|<\/?[a-z]/gi;
  /** Raw-text elements found never to close after some point: later ones cannot close either. */
  const unclosed = new Set<string>();
  const parts: string[] = [];
  let copied = 0;
  for (let match = tag.exec(value); match && match.index < lastClose; match = tag.exec(value)) {
    const name = match[0] === '<!--' ? '--' : match[1]?.toLowerCase();
    let end = name && !unclosed.has(name) ? (name === '--' ? commentEnd(value, tag.lastIndex) : rawTextEnd(value, name, tag.lastIndex)) : -1;
    if (name && end < 0) unclosed.add(name);
    // A tag ends at the next `>`; there is one, since this tag starts before the last.
    if (end < 0) end = value.indexOf('>', match.index) + 1;
    parts.push(value.slice(copied, match.index));
    copied = tag.lastIndex = end;
  }
  if (copied === 0) return value;
  parts.push(value.slice(copied));
  return parts.join(' ');
}

/** The HTML parser's answers for numeric references to C1 controls (0x80–0x9F): windows-1252's characters. */
export const windows1252 =
  '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

/** Named references Lede decodes itself where Trusted Types keep the HTML parser from a string, in the spellings HTML knows. */
const basicNames: Record<string, string> = { amp: '&', AMP: '&', lt: '<', LT: '<', gt: '>', GT: '>', quot: '"', QUOT: '"', apos: "'", nbsp: '\u00a0' };

/** One numeric character reference's character, as the HTML parser decodes it. */
function fromCodePoint(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return windows1252[code - 0x80];
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/** A `<textarea>` to decode with: its content is parsed as text (RCDATA), so no markup can come alive. */
let decoder: HTMLTextAreaElement | undefined;

/**
 * `text` with its character references decoded once, as an HTML parser decodes them in text: every
 * named reference (all 2,231, and the legacy ones without a `;`) and numeric ones. In a browser
 * the platform's parser does it, for no bytes of code; without a document, the `entities` table.
 * Where Trusted Types forbid the parser a string, numeric references and the basic names are
 * decoded and other names kept as written.
 */
export function decodeReferences(text: string): string {
  if (tableDecode) return tableDecode(text);
  try {
    decoder ??= document.createElement('textarea');
    // `<` escaped, so not even `</textarea` can end the text early.
    decoder.innerHTML = text.replaceAll('<', '&lt;');
    const decoded = decoder.value;
    decoder.textContent = '';
    return decoded;
  } catch {
    // Trusted Types enforced: decode what Lede can on its own.
  }
  return text.replace(/&(?:#(x?)([\da-f]{1,8})|([a-z]+));/gi, (match, hex: string, digits: string | undefined, name: string | undefined) =>
    name ? (basicNames[name] ?? match) : fromCodePoint(Number.parseInt(digits!, hex ? 16 : 10)),
  );
}

/** `text` with each run of white space as one space, trimmed; text with nothing to fold is not copied. */
function foldWhiteSpace(text: string): string {
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** The words of a string that may hold HTML: tags and scripts dropped, entities decoded, white space folded. */
export function plainText(value: string): string {
  // Most titles hold neither markup nor references: only fold their white space.
  if (!/[<&]/.test(value)) return foldWhiteSpace(value);
  const text = withoutTags(value);
  return foldWhiteSpace(text.includes('&') ? decodeReferences(text) : text);
}
