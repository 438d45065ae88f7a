/**
 * Feed dates as the ISO 8601 the model uses: RFC 3339 (Atom, JSON Feed, `dc:date`) as written, RFC
 * 822 (`pubDate`) converted. Read the same in every engine: `Date.parse` guesses differently in
 * each one, and reads a date with no zone in the reader's own.
 * @module
 */
import { parseIsoDate } from '../../shared/format.js';

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822's named zones, in hours from UTC. */
const zones: Record<string, number> = { ut: 0, utc: 0, gmt: 0, z: 0, est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7 };

/** `Tue, 10 Jun 2003 04:00:00 GMT`, `17 Jan 2009 21:02:58 EST`, `Wed, 07 Jan 2009 14:59:00 -0600`. */
const rfc822 = /^(?:[a-z]{3,9},?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,3})$/i;

function fromRfc822(text: string): string | undefined {
  const match = rfc822.exec(text);
  if (!match) return undefined;
  const [, day, monthName, yearText, hours, minutes, seconds = '0', zone] = match as unknown as string[];
  const month = months.indexOf(monthName!.toLowerCase());
  const sign = zone!.startsWith('-') ? -1 : 1;
  // Minutes east of UTC: `+0530` or a name.
  const offset = /^[+-]/.test(zone!) ? sign * (Number(zone!.slice(1, 3)) * 60 + Number(zone!.slice(3))) : (zones[zone!.toLowerCase()] ?? NaN) * 60;
  if (month < 0 || Number.isNaN(offset)) return undefined;
  // Two-digit years, as RFC 822 wrote them: 99 is 1999, 02 is 2002.
  const year = yearText!.length === 2 ? Number(yearText) + (Number(yearText) < 50 ? 2000 : 1900) : Number(yearText);
  const local = Date.UTC(year, month, Number(day), Number(hours), Number(minutes), Number(seconds));
  const check = new Date(local);
  // Reject roll-overs such as 31 Feb or 25:00.
  if (check.getUTCDate() !== Number(day) || check.getUTCHours() !== Number(hours) || Number(minutes) > 59 || Number(seconds) > 60) return undefined;
  return new Date(local - offset * 60_000).toISOString();
}

/** A feed's date as ISO 8601, or undefined when it is none Lede can read without guessing. */
export function feedDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  return parseIsoDate(text) ? text : fromRfc822(text);
}
