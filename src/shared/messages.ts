import { canonicalLocale } from './format.js';

/**
 * A table of UI strings: English is complete and the fallback; other languages may cover a part.
 * Components declare their own tables, so a page that loads one element carries only its strings.
 */
export type MessageTable<T extends object> = { en: T } & Record<string, Partial<T>>;

/** The messages for a locale: the best language match (`ar-EG` → `ar`) over the English fallback. */
export function pickMessages<T extends object>(table: MessageTable<T>, locale: string): T {
  const tag = canonicalLocale(locale);
  const language = tag.split('-')[0] ?? 'en';
  return { ...table.en, ...(table[language] ?? {}), ...(table[tag] ?? {}) };
}
