/**
 * Credits written back as text: localized role labels and `formatCredits`.
 * Pure: no DOM, safe in Node.
 * @module
 */
import type { Credit } from '../model.js';
import { canonicalLocale, formatList } from '../shared/format.js';
import { creditRoles } from '../shared/validate.js';

export { creditRoles };

/**
 * Per language: one label per role in `creditRoles` order, then what follows a label (": " in
 * English, " : " in French), all separated by "|". One string a language keeps the table small.
 */
const labels: Record<string, string> = {
  en: 'By|Reporting|Additional reporting|Writing|Editing|Compiling|Contributing|Photography|Graphics|Video|Research|Translation|: ',
  ar: 'بقلم|تغطية|تغطية إضافية|كتابة|تحرير|إعداد|مساهمة|تصوير|رسوم|فيديو|بحث|ترجمة|: ',
  fr: 'Par|Reportage|Reportage complémentaire|Rédaction|Édition|Compilation|Contributions|Photographie|Infographie|Vidéo|Recherche|Traduction|\u202f: ',
};

/** The role labels of a locale's language (English when it has none), then what follows a label. */
export function creditLabels(locale: string): string[] {
  return (labels[canonicalLocale(locale).split('-')[0]!] ?? labels.en!).split('|');
}

/**
 * The credits by role, in `creditRoles` order, as [label, names] pairs: "Reporting",
 * "Nidal al-Mughrabi (Gaza) and Ali Sawafta (Ramallah)". Each person appears under every role
 * they had; names are joined with `Intl.ListFormat` for the locale.
 */
export function creditLines(credits: readonly Credit[], locale: string): [label: string, names: string][] {
  const roleLabels = creditLabels(locale);
  return creditRoles.flatMap((role, index) => {
    const names = credits.filter((credit) => credit.roles.includes(role)).map((credit) => (credit.location ? `${credit.name} (${credit.location})` : credit.name));
    return names.length > 0 ? [[roleLabels[index]!, formatList(names, locale)]] : [];
  });
}

/**
 * Writes credits as localized sentences, one per role:
 * "Reporting: Nidal al-Mughrabi (Gaza) and Ali Sawafta (Ramallah). Writing: Michael Perry."
 * Names are joined with `Intl.ListFormat` for the locale. Never throws; no credits give "".
 */
export function formatCredits(credits: readonly Credit[] | null | undefined, locale = 'en'): string {
  if (!Array.isArray(credits)) return '';
  const tag = canonicalLocale(locale);
  const colon = creditLabels(tag)[creditRoles.length];
  const valid = credits.filter((credit) => typeof credit?.name === 'string' && Array.isArray(credit.roles));
  return creditLines(valid, tag)
    .map(([label, names]) => `${label}${colon}${names}.`)
    .join(' ');
}
