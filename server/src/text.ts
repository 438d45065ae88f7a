import { invalidField } from './errors.js';

export const LIMITS = {
  name: { min: 1, max: 80 },
  body: { min: 1, max: 5000 },
  reason: { min: 1, max: 500 },
  threadId: { min: 1, max: 200 },
} as const;

// C0/C1 controls except tab and newline, plus the bidi overrides that can disguise text.
// Zero-width joiners stay: emoji sequences need them.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** NFC-normalises, unifies line breaks and strips control characters; keeps the text as written. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** A display name: one line, runs of whitespace collapsed. */
export function cleanName(name: string): string {
  return cleanText(name).replace(/\s+/g, ' ').trim();
}

/** A comment body: trailing spaces on lines and blank lines at the ends removed. */
export function cleanBody(body: string): string {
  return cleanText(body).replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
}

/** Length in characters (code points), which is what the limits count. */
export const characters = (text: string): number => [...text].length;

/** Throws a 422 naming `field` unless `text` has between min and max characters. */
export function checkLength(field: string, text: string, limit: { min: number; max: number }): string {
  const length = characters(text);
  if (length < limit.min) throw invalidField(field, `${label(field)} must not be empty.`);
  if (length > limit.max) {
    throw invalidField(field, `${label(field)} must be at most ${limit.max} characters (it has ${length}).`);
  }
  return text;
}

function label(field: string): string {
  const name = field.split('.').at(-1)!;
  return name[0]!.toUpperCase() + name.slice(1);
}
