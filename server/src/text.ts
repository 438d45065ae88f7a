import { invalidField } from './errors.js';

// C0/C1 controls except tab and newline, plus the bidi overrides that can disguise text.
// Zero-width joiners stay: emoji sequences need them.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Invisible characters that join nothing: soft hyphen, zero-width space, word joiner, invisible operators, BOM. */
const JOINS_NOTHING = /[\u00AD\u180E\u200B\u2060-\u2064\uFEFF]/g;
/**
 * A character that shows: not white space, a control or format character, a mark on its own, a
 * default-ignorable one (zero-width characters, Hangul fillers, tags) or the blank Braille pattern.
 * The element's form uses the same rule (src/comments/comment-text.ts).
 */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/**
 * Makes lone surrogates U+FFFD (one character, as counted and as stored: UTF-8 has no lone
 * surrogates), NFC-normalises, unifies line breaks and strips control characters; keeps the text
 * as written.
 */
export function cleanText(text: string): string {
  return text.toWellFormed().normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** A display name: one line, runs of whitespace collapsed, no zero-width padding (`Admin\u200B` is `Admin`). */
export function cleanName(name: string): string {
  return cleanText(name).replace(JOINS_NOTHING, '').replace(/\s+/g, ' ').trim();
}

/** A comment body: trailing spaces on lines and blank lines at the ends removed. */
export function cleanBody(body: string): string {
  return cleanText(body)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Length in characters (code points), which is what the limits count. */
export const characters = (text: string): number => [...text].length;

/** Whether any character of `text` shows. */
export const hasVisibleCharacter = (text: string): boolean => VISIBLE.test(text);

/** Throws a 422 naming `field` unless `text` has between min and max characters, one of them visible. */
export function checkLength(field: string, text: string, limit: { min: number; max: number }): string {
  const length = characters(text);
  if (length < limit.min) throw invalidField(field, `${label(field)} must not be empty.`);
  if (!hasVisibleCharacter(text)) throw invalidField(field, `${label(field)} must have a visible character.`);
  if (length > limit.max) {
    throw invalidField(field, `${label(field)} must be at most ${limit.max} characters (it has ${length}).`);
  }
  return text;
}

function label(field: string): string {
  const name = field.split('.').at(-1)!;
  return name[0]!.toUpperCase() + name.slice(1);
}
