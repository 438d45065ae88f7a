/**
 * Credits written back as text: localized role labels and `formatCredits`.
 * Pure: no DOM, safe in Node.
 * @module
 */
import type { Credit, CreditRole } from '../model.js';
import { canonicalLocale, formatList } from '../shared/format.js';
import { pickMessages, type MessageTable } from '../shared/messages.js';

/** Every role, in the order credits are listed. */
export const creditRoles: readonly CreditRole[] = [
  'author',
  'reporting',
  'additional-reporting',
  'writing',
  'editing',
  'compiling',
  'contributing',
  'photography',
  'graphics',
  'video',
  'research',
  'translation',
];

interface CreditLabels {
  /** One label per role, in `creditRoles` order, separated by "|". */
  roles: string;
  /** What follows a label: ": " in English, " : " in French. */
  colon: string;
}

const labels: MessageTable<CreditLabels> = {
  en: {
    roles: 'By|Reporting|Additional reporting|Writing|Editing|Compiling|Contributing|Photography|Graphics|Video|Research|Translation',
    colon: ': ',
  },
  ar: {
    roles: 'بقلم|تغطية|تغطية إضافية|كتابة|تحرير|إعداد|مساهمة|تصوير|رسوم|فيديو|بحث|ترجمة',
  },
  fr: {
    roles: 'Par|Reportage|Reportage complémentaire|Rédaction|Édition|Compilation|Contributions|Photographie|Infographie|Vidéo|Recherche|Traduction',
    colon: '\u202f: ',
  },
};

/** A role's label in the locale ("Reporting", "تغطية", "Reportage"), and what follows it. */
export function creditLabel(role: CreditRole, locale: string): { label: string; colon: string } {
  const { roles, colon } = pickMessages(labels, locale);
  return { label: roles.split('|')[creditRoles.indexOf(role)] ?? role, colon };
}

/** The credits grouped by role, in `creditRoles` order; each person under every role they had. */
export function groupCredits(credits: readonly Credit[]): [CreditRole, Credit[]][] {
  return creditRoles
    .map((role): [CreditRole, Credit[]] => [role, credits.filter((credit) => credit.roles.includes(role))])
    .filter(([, group]) => group.length > 0);
}

/**
 * Writes credits as localized sentences, one per role:
 * "Reporting: Nidal al-Mughrabi (Gaza) and Ali Sawafta (Ramallah). Writing: Michael Perry."
 * Names are joined with `Intl.ListFormat` for the locale. Never throws; no credits give "".
 */
export function formatCredits(credits: readonly Credit[] | null | undefined, locale = 'en'): string {
  if (!Array.isArray(credits)) return '';
  const tag = canonicalLocale(locale);
  const valid = credits.filter((credit) => typeof credit?.name === 'string' && Array.isArray(credit.roles));
  return groupCredits(valid)
    .map(([role, group]) => {
      const { label, colon } = creditLabel(role, tag);
      const names = group.map((credit) => (credit.location ? `${credit.name} (${credit.location})` : credit.name));
      return `${label}${colon}${formatList(names, tag)}.`;
    })
    .join(' ');
}
