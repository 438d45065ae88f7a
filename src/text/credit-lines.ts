/**
 * Credits grouped into lines by role, for `formatCredits` and `<lede-byline>`'s panel. Apart from
 * `formatCredits`, which bundles every language's labels: the byline loads only its page's.
 * @module
 */
import type { Credit, CreditRole } from '../model.js';
import { formatList } from '../shared/format.js';
import { creditRoles } from '../shared/validate.js';

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
