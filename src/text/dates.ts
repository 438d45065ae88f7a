/**
 * Loose date parsing for the dates printed on news pages ("Nov. 3, 2023 10:15 AM",
 * "3 November 2023", "2023-11-03T09:15:00Z"), with no engine-dependent `Date.parse`.
 *
 * Decisions:
 * - Year-first numeric dates (`2023-11-03`, `2023/11/03`) are always accepted.
 * - Day/month-first numeric dates (`03/11/2023`) are accepted only when they cannot be misread:
 *   one of the first two numbers is above 12, or both are equal. `03/11/2023` is rejected,
 *   since it is 3 November in London and March 11 in New York. Two-digit years are rejected.
 * - A weekday name in front of a date is allowed and not checked against the date.
 * - Times need minutes unless they carry AM/PM ("10 AM"). Seconds fractions are dropped.
 * - `Z`, `UTC`, `GMT` and numeric offsets are kept; US zone abbreviations (`EST`, `PDT`, ...)
 *   and `CET`/`CEST`/`EET`/`EEST` become offsets; any other abbreviation ("ET", "IST") is
 *   ambiguous and dropped, leaving a local time. A doubled `ZZ` (a formatting slip seen in
 *   WordPress JSON-LD) reads as `Z`.
 * - `toIsoDate` also reads the C/Java form `Tue Jan 28 15:28:56 CET 2020`, which some CMSs print
 *   into structured data.
 * @module
 */
import { parseIsoDate } from '../shared/format.js';

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

const WEEKDAYS: ReadonlySet<string> = new Set([
  'monday',
  'mon',
  'tuesday',
  'tue',
  'tues',
  'wednesday',
  'wed',
  'thursday',
  'thu',
  'thur',
  'thurs',
  'friday',
  'fri',
  'saturday',
  'sat',
  'sunday',
  'sun',
]);

const ZONE_OFFSETS: Readonly<Record<string, string>> = {
  z: 'Z',
  utc: 'Z',
  gmt: 'Z',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
  cet: '+01:00',
  cest: '+02:00',
  eet: '+02:00',
  eest: '+03:00',
};

/** Longer strings are prose, not dates; the cap also bounds every regex below. */
const MAX_DATE_LENGTH = 100;

const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/;
const DAY_OR_MONTH_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)/;
// "Friday, November 3, 2023", "Nov. 3 2023", "3rd of November, 2023".
const WRITTEN = /^(?:([a-z]+)\.?,? )?(?:([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})|(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]+)\.?,? (\d{4}))(?!\d)/i;
// What may sit between a date and its time: "T", a space, a comma, "at", a dash or a bar.
const TIME_SEPARATOR = /^(?:T|,? (?:at |[-–—|@·] )?|,)/i;
// The Guardian writes "10.15 GMT".
const TIME = /^(\d{1,2})(?:[:.](\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?(?: ?([ap])\.?m\.?)?(?: ?(z|[+-]\d{2}(?::?\d{2})?|[a-z]{2,5}))?$/i;

// "Tue Jan 28 15:28:56 CET 2020": weekday, month, day, time, optional zone, then the year.
const CTIME = /^[a-z]{3},? ([a-z]{3}) (\d{1,2}) (\d{1,2}:\d{2}(?::\d{2})?)(?: ([a-z]{1,5}|[+-]\d{2}:?\d{2}))? (\d{4})$/i;

interface DateParts {
  year: number;
  month: number;
  day: number;
  /** Whatever follows the date: a time, or nothing. */
  rest: string;
}

/**
 * Parses a date as news pages print it and returns it as ISO 8601.
 *
 * @param text - A date, optionally with a weekday in front and a time after it.
 * @returns `YYYY-MM-DD` for a date, `YYYY-MM-DDTHH:MM:SS` when a time is given, plus `Z` or
 *   `±HH:MM` when the input names a zone or offset; `undefined` when `text` is not a real
 *   calendar date in a supported form ("soon", "February 30, 2023", "13/45/2023").
 * @example
 * parseLooseDate('November 3, 2023'); // '2023-11-03'
 * parseLooseDate('Nov. 3, 2023 at 10:15 a.m.'); // '2023-11-03T10:15:00'
 * parseLooseDate('2023-11-03T09:15:00Z'); // '2023-11-03T09:15:00Z'
 */
export function parseLooseDate(text: string): string | undefined {
  if (typeof text !== 'string' || text.length > MAX_DATE_LENGTH * 4) return undefined;
  const input = text.replace(/\s+/g, ' ').trim();
  if (input === '' || input.length > MAX_DATE_LENGTH) return undefined;

  const parts = readYearFirst(input) ?? readDayOrMonthFirst(input) ?? readWritten(input);
  if (!parts || !isCalendarDate(parts.year, parts.month, parts.day)) return undefined;

  const date = `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
  if (parts.rest === '') return date;
  const time = readTime(parts.rest);
  return time === undefined ? undefined : `${date}T${time}`;
}

/**
 * A date from publishers' structured data (schema.org `datePublished`, a feed's item date), as
 * ISO 8601 that `formatDate` shows: ISO 8601 is kept as it is; what `parseLooseDate` reads (RFC 822
 * dates, a space for the `T`, missing seconds, `ZZ`) and the C/Java `Tue Jan 28 15:28:56 CET 2020`
 * are rewritten. `undefined` when it is no date this module can read for certain.
 * @example
 * toIsoDate('2020-01-10T00:59:47ZZ'); // '2020-01-10T00:59:47Z'
 * toIsoDate('Tue, 28 Jan 2020 15:28:56 +0100'); // '2020-01-28T15:28:56+01:00'
 */
export function toIsoDate(text: string): string | undefined {
  const trimmed = text.trim();
  // An offset without its colon (+0100) is ISO 8601 too, but not every engine's `Date` reads it.
  if (parseIsoDate(trimmed)) return trimmed.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ctime = CTIME.exec(trimmed.replace(/\s+/g, ' '));
  const loose = parseLooseDate(ctime ? `${ctime[1]} ${ctime[2]} ${ctime[5]} ${ctime[3]}${ctime[4] ? ` ${ctime[4]}` : ''}` : trimmed);
  return loose && parseIsoDate(loose) ? loose : undefined;
}

function readYearFirst(input: string): DateParts | undefined {
  const match = YEAR_FIRST.exec(input);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[3]), day: Number(match[4]), rest: input.slice(match[0].length) };
}

function readDayOrMonthFirst(input: string): DateParts | undefined {
  const match = DAY_OR_MONTH_FIRST.exec(input);
  if (!match) return undefined;
  const first = Number(match[1]);
  const second = Number(match[3]);
  const rest = input.slice(match[0].length);
  const year = Number(match[4]);
  if (first === second || (first > 12 && second <= 12)) return { year, month: second, day: first, rest };
  if (second > 12 && first <= 12) return { year, month: first, day: second, rest };
  return undefined;
}

function readWritten(input: string): DateParts | undefined {
  const match = WRITTEN.exec(input);
  if (!match) return undefined;
  const [whole, weekday, monthFirstName, monthFirstDay, monthFirstYear, dayFirstDay, dayFirstName, dayFirstYear] = match;
  if (weekday !== undefined && !WEEKDAYS.has(weekday.toLowerCase())) return undefined;
  const monthName = monthFirstName ?? dayFirstName ?? '';
  const month = MONTHS[monthName.toLowerCase()];
  if (month === undefined) return undefined;
  return {
    year: Number(monthFirstYear ?? dayFirstYear),
    month,
    day: Number(monthFirstDay ?? dayFirstDay),
    rest: input.slice(whole.length),
  };
}

/** Reads the time after a date; returns `HH:MM:SS` plus any zone, or `undefined`. */
function readTime(rest: string): string | undefined {
  const separator = TIME_SEPARATOR.exec(rest);
  if (!separator) return undefined;
  const match = TIME.exec(rest.slice(separator[0].length));
  if (!match) return undefined;
  const [, hourText, minuteText, secondText, meridiem, zoneText] = match;
  let hour = Number(hourText);
  const minute = Number(minuteText ?? 0);
  const second = Number(secondText ?? 0);
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  } else if (minuteText === undefined || hour > 23) {
    return undefined;
  }
  if (minute > 59 || second > 59) return undefined;
  const zone = zoneText === undefined ? '' : readZone(zoneText);
  if (zone === undefined) return undefined;
  return `${pad(hour)}:${pad(minute)}:${pad(second)}${zone}`;
}

/** `Z` or `±HH:MM` for a zone we can name for certain, `''` for an ambiguous abbreviation. */
function readZone(zone: string): string | undefined {
  const offset = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? 0);
    if (hours > 14 || minutes > 59) return undefined;
    return `${offset[1]}${pad(hours)}:${pad(minutes)}`;
  }
  return ZONE_OFFSETS[zone.toLowerCase().replace(/^z+$/, 'z')] ?? '';
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
