/**
 * Field-by-field checks for data that arrives from outside: properties set by a page, JSON from a
 * URL, feed items. Every element validates what it is given with these, so a wrong type is
 * reported by its path ("authors[1].name") instead of breaking a render.
 * Pure: no DOM, runs in Node. Throws nothing but `LedeError` with code `invalid-data`.
 * @module
 */
import type { Credit, CreditRole, ImageRef, Person } from '../model.js';
import { LedeError } from './errors.js';
import { parseIsoDate } from './format.js';
import type { DropLog } from './leniency.js';

/** A parsed JSON object. */
export type Json = Record<string, unknown>;

/**
 * Checks one value found at `field`, returning it cleaned or undefined to skip it. Given a `log`,
 * it reads leniently: malformed optional parts inside the value are noted there and left out.
 */
export type FieldReader<T> = (value: unknown, field: string, log?: DropLog) => T | undefined;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function isPresent<T>(value: T | undefined | null): value is T {
  return value !== undefined && value !== null;
}

export function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** A copy without undefined properties, so optional fields are absent rather than present-but-undefined. */
export function compact<T extends object>(value: T): T {
  const result = {} as T;
  for (const key in value) if (value[key] !== undefined) result[key] = value[key];
  return result;
}

/** @throws {LedeError} `invalid-data` naming `field`. */
export function invalid(field: string, expected: string): never {
  throw new LedeError('invalid-data', `"${field}" must be ${expected}.`, { field });
}

/**
 * Reads an optional part with `read`: strictly without a log (a malformed value throws), leniently
 * with one (the part is noted in the log and left out).
 */
export function lenient<T>(log: DropLog | undefined, field: string, read: () => T): T | undefined {
  return log ? log.optional(field, read) : read();
}

/** Parses JSON text. @throws {LedeError} `invalid-json`. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LedeError('invalid-json', `The data is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** A trimmed string; absent, null and blank read as undefined. */
export function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') invalid(field, 'a string');
  return value.trim() || undefined;
}

export function requiredString(value: unknown, field: string): string {
  return optionalString(value, field) ?? invalid(field, 'a non-empty string');
}

/**
 * Longest text a short field keeps (headline, kicker, dek, byline, names, titles): nothing real
 * comes close, and one megabyte of headline took Chromium seconds to lay out.
 */
export const maxShortText = 2000;

/**
 * An `optionalString` for a short field. Longer text is read leniently: cut at `maxShortText`
 * characters (never inside a surrogate pair) with an ellipsis, and a console warning naming the field.
 */
export function shortString(value: unknown, field: string): string | undefined {
  const text = optionalString(value, field);
  if (text === undefined || text.length <= maxShortText) return text;
  console.warn(`lede: cutting ${field} from ${text.length} to ${maxShortText} characters`);
  const end = /[\uD800-\uDBFF]/.test(text[maxShortText - 2]!) ? maxShortText - 2 : maxShortText - 1;
  return `${text.slice(0, end)}\u2026`;
}

export function requiredShortString(value: unknown, field: string): string {
  return shortString(value, field) ?? invalid(field, 'a non-empty string');
}

/** An ISO 8601 date or date-time string. */
export function optionalDate(value: unknown, field: string): string | undefined {
  const text = optionalString(value, field);
  if (text !== undefined && !parseIsoDate(text)) invalid(field, 'an ISO 8601 date such as 2023-11-03 or 2023-11-03T09:15:00Z');
  return text;
}

export function optionalDimension(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) invalid(field, 'a positive number');
  return value;
}

/**
 * An array read item by item; items the reader returns undefined for are dropped. Given a `log`,
 * a malformed item is noted and dropped too, and the rest are kept.
 */
export function validateArray<T>(value: unknown, field: string, item: FieldReader<T>, log?: DropLog): T[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) invalid(field, 'an array');
  return nonEmpty(value.map((entry, index) => lenient(log, `${field}[${index}]`, () => item(entry, `${field}[${index}]`, log))).filter(isPresent));
}

export function validateImage(value: unknown, field: string, log?: DropLog): ImageRef | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) invalid(field, 'an object with a "url"');
  return compact({
    url: requiredString(value.url, `${field}.url`),
    // An empty alt is meaningful (a decorative image), so it is kept.
    alt: lenient(log, `${field}.alt`, () => (typeof value.alt === 'string' ? value.alt.trim() : optionalString(value.alt, `${field}.alt`))),
    width: lenient(log, `${field}.width`, () => optionalDimension(value.width, `${field}.width`)),
    height: lenient(log, `${field}.height`, () => optionalDimension(value.height, `${field}.height`)),
  });
}

export function validatePerson(value: unknown, field: string, log?: DropLog): Person {
  if (!isObject(value)) invalid(field, 'an object with a "name"');
  const optional = <T>(key: string, read: (value: unknown, field: string, log?: DropLog) => T) =>
    lenient(log, `${field}.${key}`, () => read(value[key], `${field}.${key}`, log));
  return compact({
    name: requiredShortString(value.name, `${field}.name`),
    url: optional('url', optionalString),
    image: optional('image', validateImage),
    jobTitle: optional('jobTitle', shortString),
    location: optional('location', shortString),
  });
}

/** Every role a credit may name, in the order credits panels list them. */
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

export function validateCredit(value: unknown, field: string, log?: DropLog): Credit {
  if (!isObject(value)) invalid(field, 'an object with a "name" and "roles"');
  const name = requiredShortString(value.name, `${field}.name`);
  const roles = value.roles;
  if (!Array.isArray(roles) || !roles.every((role) => creditRoles.includes(role as CreditRole))) {
    invalid(`${field}.roles`, `an array of roles (${creditRoles.join(', ')})`);
  }
  const kind = lenient(log, `${field}.kind`, () => {
    const kind = value.kind;
    if (kind !== undefined && kind !== 'person' && kind !== 'organization') invalid(`${field}.kind`, '"person" or "organization"');
    return kind;
  });
  return compact({
    name,
    roles: [...(roles as CreditRole[])],
    location: lenient(log, `${field}.location`, () => shortString(value.location, `${field}.location`)),
    kind,
  });
}
