/**
 * Credits written back as text: `formatCredits`, with every shipped language's role labels bundled
 * (a few hundred bytes) so it answers at once, in Node as in browsers. Pure: no DOM.
 * @module
 */
import ar from '../credits/messages-ar.js';
import de from '../credits/messages-de.js';
import { en, type CreditSource } from '../credits/messages-en.js';
import es from '../credits/messages-es.js';
import fr from '../credits/messages-fr.js';
import type { Credit } from '../model.js';
import { canonicalLocale } from '../shared/format.js';
import { compileMessages, type Translation } from '../shared/messages.js';
import { creditRoles } from '../shared/validate.js';
import { creditLines } from './credit-lines.js';

export { creditRoles };

const translations: Readonly<Record<string, Translation<CreditSource>>> = { ar, de, es, fr };

/**
 * Writes credits as localized sentences, one per role:
 * "Reporting: Nidal al-Mughrabi (Gaza) and Ali Sawafta (Ramallah). Writing: Michael Perry."
 * Names are joined with `Intl.ListFormat` for the locale; labels are English, Arabic, French,
 * German or Spanish, English for any other language. Never throws; no credits give "".
 */
export function formatCredits(credits: readonly Credit[] | null | undefined, locale = 'en'): string {
  if (!Array.isArray(credits)) return '';
  const tag = canonicalLocale(locale);
  const messages = compileMessages(en, translations[tag.split('-')[0]!], tag);
  const valid = credits.filter((credit) => typeof credit?.name === 'string' && Array.isArray(credit.roles));
  return creditLines(valid, messages, tag)
    .map(([role, names]) => messages.line({ role, names }))
    .join(' ');
}
