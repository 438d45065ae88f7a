/**
 * Credits written back as text: localized role labels and `formatCredits`.
 * Pure: no DOM, safe in Node.
 * @module
 */
import { creditMessages } from '../credits/messages.js';
import type { Credit, CreditRole } from '../model.js';
import { canonicalLocale, formatList } from '../shared/format.js';
import { creditRoles } from '../shared/validate.js';

export { creditRoles };

/**
 * The credits by role, in `creditRoles` order, as [label, names] pairs: "Reporting",
 * "Nidal al-Mughrabi (Gaza) and Ali Sawafta (Ramallah)". Each person appears under every role
 * they had; names are joined with `Intl.ListFormat` for the locale.
 */
export function creditLines(credits: readonly Credit[], labels: Readonly<Record<CreditRole, string>>, locale: string): [label: string, names: string][] {
  return creditRoles.flatMap((role) => {
    const names = credits
      .filter((credit) => credit.roles.includes(role))
      .map((credit) => (credit.location ? `${credit.name} (${credit.location})` : credit.name));
    return names.length > 0 ? [[labels[role], formatList(names, locale)]] : [];
  });
}

/**
 * Writes credits as localized sentences, one per role:
 * "Reporting: Nidal al-Mughrabi (Gaza) and Ali Sawafta (Ramallah). Writing: Michael Perry."
 * Names are joined with `Intl.ListFormat` for the locale; the labels of a language other than
 * English load on first use, hence the promise. Never rejects; no credits give "".
 */
export async function formatCredits(credits: readonly Credit[] | null | undefined, locale = 'en'): Promise<string> {
  if (!Array.isArray(credits)) return '';
  const tag = canonicalLocale(locale);
  const messages = await creditMessages.load(tag);
  const valid = credits.filter((credit) => typeof credit?.name === 'string' && Array.isArray(credit.roles));
  return creditLines(valid, messages, tag)
    .map(([role, names]) => messages.line({ role, names }))
    .join(' ');
}
