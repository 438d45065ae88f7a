import { canonicalLocale } from './format.js';

/**
 * A table of UI strings: English is complete and the fallback; other languages may cover a part.
 * Components declare their own tables, so a page that loads one element carries only its strings.
 */
export type MessageTable<T extends object> = { en: T } & Record<string, Partial<T>>;

const picked = new WeakMap<object, Map<string, object>>();

/**
 * The messages for a locale: the best language match (`ar-EG` → `ar`) over the English fallback.
 * Merged once per table and locale: every render asks.
 */
export function pickMessages<T extends object>(table: MessageTable<T>, locale: string): T {
  let byLocale = picked.get(table);
  if (!byLocale) picked.set(table, (byLocale = new Map()));
  let messages = byLocale.get(locale) as T | undefined;
  if (!messages) {
    const tag = canonicalLocale(locale);
    const language = tag.split('-')[0] ?? 'en';
    messages = { ...table.en, ...(table[language] ?? {}), ...(table[tag] ?? {}) };
    byLocale.set(locale, messages);
  }
  return messages;
}
