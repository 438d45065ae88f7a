/**
 * Detects the format of article data and validates Lede's own `Article` JSON. The mappers for
 * schema.org and IPTC ninjs live in `article-formats.ts`, loaded only when such data arrives.
 * Pure: no DOM, runs in Node. Never throws anything but `LedeError`.
 * @module
 */
import type { Article, ArticleBlock, Credit, CreditRole, ImageRef, Organization, Person } from '../model.js';
import { LedeError } from '../shared/errors.js';
import { parseIsoDate } from '../shared/format.js';

/** Marks the JSON-LD script Lede writes, so it is updated in place and never read back as input. */
export const generatedJsonLdAttribute = 'data-lede-generated';

/** The formats `readArticle` recognises. */
export type ArticleFormat = 'lede' | 'schema.org' | 'ninjs-3' | 'ninjs-2';

/** A parsed JSON object. */
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const articleTypes = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'BlogPosting',
  'LiveBlogPosting',
  'Report',
  'ScholarlyArticle',
  'TechArticle',
]);

/** True when a JSON-LD node (or one in its `@graph`) describes an article. */
export function isSchemaOrgArticle(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(isSchemaOrgArticle);
  if (!isObject(node)) return false;
  if (Array.isArray(node['@graph'])) return node['@graph'].some(isSchemaOrgArticle);
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((type) => typeof type === 'string' && articleTypes.has(type.replace(/^(https?:\/\/)?schema\.org\//, '')));
}

/** Which format a parsed JSON value is in, or undefined when it is none Lede reads. */
export function detectArticleFormat(data: unknown): ArticleFormat | undefined {
  if (Array.isArray(data)) return data.some(isSchemaOrgArticle) ? 'schema.org' : undefined;
  if (!isObject(data)) return undefined;
  if ('@type' in data || '@context' in data || '@graph' in data) return isSchemaOrgArticle(data) ? 'schema.org' : undefined;
  if (typeof data.uri === 'string') {
    if (Array.isArray(data.headlines) || Array.isArray(data.bodies) || 'firstCreated' in data || 'versionCreated' in data) {
      return 'ninjs-3';
    }
    return 'ninjs-2';
  }
  return 'lede';
}

/** Parses JSON text. @throws {LedeError} `invalid-json`. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LedeError('invalid-json', `The article data is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** The error for JSON that is no article in a format Lede reads. */
export function unsupportedArticle(data: unknown): LedeError {
  const structured = isObject(data) || Array.isArray(data);
  return new LedeError(
    structured ? 'unsupported-format' : 'invalid-data',
    structured
      ? 'The data is not an article Lede can read (Lede Article, schema.org NewsArticle or IPTC ninjs).'
      : 'Article data must be a JSON object.',
  );
}

// ---------------------------------------------------------------------------------------------
// Validation: every field is checked for its type; strings are trimmed and empty ones dropped.

function fail(field: string, expected: string): never {
  throw new LedeError('invalid-data', `The article's "${field}" must be ${expected}.`, { field });
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(field, 'a string');
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function optionalDate(value: unknown, field: string): string | undefined {
  const text = optionalString(value, field);
  if (text !== undefined && !parseIsoDate(text)) fail(field, 'an ISO 8601 date such as 2023-11-03 or 2023-11-03T09:15:00Z');
  return text;
}

function optionalDimension(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) fail(field, 'a positive number');
  return value;
}

function validateImage(value: unknown, field: string): ImageRef | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) fail(field, 'an object with a "url"');
  const url = optionalString(value.url, `${field}.url`);
  if (!url) fail(`${field}.url`, 'a non-empty string');
  return compact({
    url,
    alt: typeof value.alt === 'string' ? value.alt.trim() : optionalString(value.alt, `${field}.alt`),
    width: optionalDimension(value.width, `${field}.width`),
    height: optionalDimension(value.height, `${field}.height`),
  });
}

function validatePerson(value: unknown, field: string): Person {
  if (!isObject(value)) fail(field, 'an object with a "name"');
  const name = optionalString(value.name, `${field}.name`);
  if (!name) fail(`${field}.name`, 'a non-empty string');
  return compact({
    name,
    url: optionalString(value.url, `${field}.url`),
    image: validateImage(value.image, `${field}.image`),
    jobTitle: optionalString(value.jobTitle, `${field}.jobTitle`),
    location: optionalString(value.location, `${field}.location`),
  });
}

const creditRoles = new Set<CreditRole>([
  'author', 'reporting', 'additional-reporting', 'writing', 'editing', 'compiling',
  'contributing', 'photography', 'graphics', 'video', 'research', 'translation',
]);

function validateCredit(value: unknown, field: string): Credit {
  if (!isObject(value)) fail(field, 'an object with a "name" and "roles"');
  const name = optionalString(value.name, `${field}.name`);
  if (!name) fail(`${field}.name`, 'a non-empty string');
  if (!Array.isArray(value.roles) || !value.roles.every((role) => creditRoles.has(role as CreditRole))) {
    fail(`${field}.roles`, `an array of roles (${[...creditRoles].join(', ')})`);
  }
  const kind = value.kind;
  if (kind !== undefined && kind !== 'person' && kind !== 'organization') fail(`${field}.kind`, '"person" or "organization"');
  return compact({ name, roles: [...(value.roles as CreditRole[])], location: optionalString(value.location, `${field}.location`), kind });
}

function validateBlock(value: unknown, field: string): ArticleBlock | undefined {
  if (!isObject(value)) fail(field, 'an object with a "type"');
  const text = (key = 'text') => {
    const result = optionalString(value[key], `${field}.${key}`);
    if (result === undefined) fail(`${field}.${key}`, 'a non-empty string');
    return result;
  };
  switch (value.type) {
    case 'paragraph':
      return { type: 'paragraph', text: text() };
    case 'heading': {
      const level = value.level ?? 2;
      if (level !== 2 && level !== 3 && level !== 4) fail(`${field}.level`, '2, 3 or 4');
      return { type: 'heading', level, text: text() };
    }
    case 'quote':
      return compact({ type: 'quote' as const, text: text(), cite: optionalString(value.cite, `${field}.cite`) });
    case 'figure': {
      const image = validateImage(value.image, `${field}.image`);
      if (!image) fail(`${field}.image`, 'an object with a "url"');
      return compact({
        type: 'figure' as const,
        image,
        caption: optionalString(value.caption, `${field}.caption`),
        credit: optionalString(value.credit, `${field}.credit`),
      });
    }
    case 'list': {
      if (!Array.isArray(value.items)) fail(`${field}.items`, 'an array of strings');
      const items = value.items.map((item, index) => optionalString(item, `${field}.items[${index}]`)).filter(isPresent);
      return { type: 'list', ordered: value.ordered === true, items };
    }
    default:
      // A block type from a newer Lede: skip it rather than fail the whole article.
      console.warn(`lede: skipping article block ${field} of unknown type ${JSON.stringify(value.type)}`);
      return undefined;
  }
}

function validateArray<T>(value: unknown, field: string, item: (entry: unknown, field: string) => T | undefined): T[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) fail(field, 'an array');
  const items = value.map((entry, index) => item(entry, `${field}[${index}]`)).filter(isPresent);
  return items.length > 0 ? items : undefined;
}

function validateOrganization(value: unknown, field: string): Organization | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) fail(field, 'an object with a "name"');
  const name = optionalString(value.name, `${field}.name`);
  if (!name) fail(`${field}.name`, 'a non-empty string');
  return compact({ name, url: optionalString(value.url, `${field}.url`), logo: validateImage(value.logo, `${field}.logo`) });
}

/**
 * Checks a Lede `Article` field by field.
 * @throws {LedeError} `invalid-data` naming the first field that is missing or of the wrong type.
 */
export function validateArticle(data: unknown): Article {
  if (!isObject(data)) throw new LedeError('invalid-data', 'Article data must be a JSON object.');
  const headline = optionalString(data.headline, 'headline');
  if (!headline) fail('headline', 'a non-empty string');
  const keywords = validateArray(data.keywords, 'keywords', (entry, field) => optionalString(entry, field));
  return compact({
    id: optionalString(data.id, 'id'),
    url: optionalString(data.url, 'url'),
    kicker: optionalString(data.kicker, 'kicker'),
    headline,
    alternativeHeadline: optionalString(data.alternativeHeadline, 'alternativeHeadline'),
    dek: optionalString(data.dek, 'dek'),
    byline: optionalString(data.byline, 'byline'),
    authors: validateArray(data.authors, 'authors', validatePerson),
    credits: validateArray(data.credits, 'credits', validateCredit),
    creditsText: optionalString(data.creditsText, 'creditsText'),
    dateline: optionalString(data.dateline, 'dateline'),
    datePublished: optionalDate(data.datePublished, 'datePublished'),
    dateModified: optionalDate(data.dateModified, 'dateModified'),
    section: optionalString(data.section, 'section'),
    keywords,
    language: optionalString(data.language, 'language'),
    image: validateImage(data.image, 'image'),
    publisher: validateOrganization(data.publisher, 'publisher'),
    body: validateArray(data.body, 'body', validateBlock),
    bodyHtml: optionalString(data.bodyHtml, 'bodyHtml'),
  });
}

export function isPresent<T>(value: T | undefined | null): value is T {
  return value !== undefined && value !== null;
}

export function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** Drops undefined properties, so optional fields are absent rather than present-but-undefined. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/**
 * Reads article data of any supported format. Lede JSON is validated at once; schema.org and
 * ninjs wait for their mappers, which load on first use so pages that never see them never
 * download them.
 * @throws {LedeError} for data that is no article or is invalid (synchronously, or by rejecting).
 */
export function readArticleLazily(data: unknown): Article | Promise<Article> {
  const format = detectArticleFormat(data);
  if (format === 'lede') return validateArticle(data);
  if (!format) throw unsupportedArticle(data);
  return import('./article-formats.js').then((formats) => formats.readArticle(data));
}

/** The plain text of structured body blocks, one block per line, for `articleBody` and reading time. */
export function blocksToText(blocks: readonly ArticleBlock[] | undefined): string {
  return (blocks ?? [])
    .map((block) => {
      switch (block.type) {
        case 'list':
          return block.items.join('\n');
        case 'figure':
          return block.caption ?? '';
        default:
          return block.text;
      }
    })
    .filter(Boolean)
    .join('\n\n');
}
