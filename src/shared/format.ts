/**
 * Locale-aware formatting through `Intl`, with the formatters cached: a thread of thousands of
 * comments formats thousands of dates, and building an `Intl` object is the expensive part.
 * Pure: no DOM, safe in Node.
 */

const cache = new Map<string, unknown>();

function cached<T>(key: string, create: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = create();
    cache.set(key, value);
  }
  return value;
}

/** A usable BCP 47 tag for `Intl`, or `en` when the input is empty or invalid. */
export function canonicalLocale(tag: string | null | undefined): string {
  if (!tag) return 'en';
  return cached(`locale|${tag}`, () => {
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? 'en';
    } catch {
      return 'en';
    }
  });
}

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses an ISO 8601 date or date-time. A bare date stays a calendar date (read as UTC midnight
 * and formatted in UTC) so "2023-11-03" never shows as November 2 west of Greenwich.
 */
export function parseIsoDate(value: unknown): { date: Date; dateOnly: boolean } | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const match = dateOnly.exec(text);
  if (match) {
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    // Reject roll-overs such as 2023-02-30.
    if (date.getUTCDate() !== Number(match[3]) || date.getUTCMonth() !== Number(match[2]) - 1) return undefined;
    return { date, dateOnly: true };
  }
  // Only ISO date-times: engines disagree on every other string form.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : { date, dateOnly: false };
}

/** A date for display, e.g. "November 3, 2023" or "3 novembre 2023, 10:15". Undefined for bad input. */
export function formatDate(value: unknown, locale: string, withTime = true): string | undefined {
  const parsed = parseIsoDate(value);
  if (!parsed) return undefined;
  const showTime = withTime && !parsed.dateOnly;
  const formatter = cached(
    `date|${locale}|${showTime}|${parsed.dateOnly}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'long',
        ...(showTime ? { timeStyle: 'short' } : {}),
        ...(parsed.dateOnly ? { timeZone: 'UTC' } : {}),
      }),
  );
  return formatter.format(parsed.date);
}

const relativeSteps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "3 hours ago", "yesterday", "in 2 days". Undefined for bad input. */
export function formatRelativeTime(value: unknown, locale: string, now: number = Date.now()): string | undefined {
  const parsed = parseIsoDate(value);
  if (!parsed) return undefined;
  let amount = (parsed.date.getTime() - now) / 1000;
  const formatter = cached(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of relativeSteps) {
    if (Math.abs(amount) < size) return formatter.format(Math.round(amount), unit);
    amount /= size;
  }
  return undefined;
}

/** Text from data set inside a message, isolated (U+2068…U+2069) so its direction cannot reorder the message around it. */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/** "A, B and C" (or "A, B, or C" with `disjunction`) in the locale's own words. */
export function formatList(items: readonly string[], locale: string, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return cached(`list|${locale}|${type}`, () => new Intl.ListFormat(locale, { style: 'long', type })).format(items);
}

/** The parts of a formatted list, for rendering each item as a link or element of its own. */
export function formatListToParts(items: readonly string[], locale: string): { type: 'element' | 'literal'; value: string }[] {
  return cached(`list|${locale}|conjunction`, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).formatToParts(items);
}

/** A number in the locale's digits and grouping. */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return cached(`number|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options)).format(value);
}

/** The plural category of a count, for choosing message forms. */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  return cached(`plural|${locale}`, () => new Intl.PluralRules(locale)).select(count);
}

/** Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, Chinese, Japanese. */
const unspacedScript = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;

/** Code points that never make a token a word on their own: ASCII and general punctuation. */
function isPunctuation(code: number): boolean {
  return (
    (code >= 0x21 && code <= 0x2f) ||
    (code >= 0x3a && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e) ||
    (code >= 0x2000 && code <= 0x206f)
  );
}

/** White space as `\s` matches it. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Counts words. Text in scripts without spaces is segmented with the locale's own word breaking
 * (`Intl.Segmenter`); everything else is split on white space in one pass without allocating,
 * which is far cheaper on long articles and counts the same.
 */
export function countWords(text: string, locale: string): number {
  if (!unspacedScript.test(text) || typeof Intl.Segmenter !== 'function') {
    let count = 0;
    // A token counts when it has anything but punctuation: a lone "—" is no word.
    let counted = false;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (isSpace(code)) counted = false;
      else if (!counted && !isPunctuation(code)) {
        counted = true;
        count += 1;
      }
    }
    return count;
  }
  const segmenter = cached(`words|${locale}`, () => new Intl.Segmenter(locale, { granularity: 'word' }));
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}

/** Reading speed in words per minute; a common newsroom figure for adult readers. */
export const WORDS_PER_MINUTE = 230;

/** Whole minutes to read a text, at least 1 for any text with words, 0 for none. */
export function readingMinutes(text: string, locale: string, wordsPerMinute = WORDS_PER_MINUTE): number {
  const words = countWords(text, locale);
  return words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute));
}
