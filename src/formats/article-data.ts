/**
 * Lede's own `Article` JSON: tells it apart from the other formats (schema.org, IPTC ninjs),
 * validates it, and reduces its body blocks to text.
 * Pure: no DOM, runs in Node. Never throws anything but `LedeError`.
 * @module
 */
import type { Article, ArticleBlock, Organization } from '../model.js';
import { LedeError } from '../shared/errors.js';
import type { DropLog } from '../shared/leniency.js';
import {
  compact,
  invalid,
  isObject,
  lenient,
  optionalDimension,
  optionalDate,
  optionalString,
  requiredShortString,
  requiredString,
  shortString,
  validateArray,
  validateCredit,
  validateImage,
  validatePerson,
  type FieldReader,
} from '../shared/validate.js';

/** True for an object in Lede's own shape: no JSON-LD keys, and not a ninjs item (which has a `uri`). */
export function looksLikeLedeArticle(data: unknown): boolean {
  return isObject(data) && !('@type' in data || '@context' in data || '@graph' in data) && typeof data.uri !== 'string';
}

/** The error for JSON that is no article in a format Lede reads. */
export function unsupportedArticle(data: unknown): LedeError {
  const structured = typeof data === 'object' && data !== null;
  return new LedeError(
    structured ? 'unsupported-format' : 'invalid-data',
    structured ? 'The data is not an article Lede can read (Lede Article, schema.org NewsArticle or IPTC ninjs).' : 'Article data must be a JSON object.',
  );
}

function validateBlock(value: unknown, field: string, log?: DropLog): ArticleBlock | undefined {
  if (!isObject(value)) invalid(field, 'an object with a "type"');
  const text = () => requiredString(value.text, `${field}.text`);
  const optional = (key: string) => lenient(log, `${field}.${key}`, () => optionalString(value[key], `${field}.${key}`));
  switch (value.type) {
    case 'paragraph':
      return { type: 'paragraph', text: text() };
    case 'heading': {
      const level = value.level ?? 2;
      if (level !== 2 && level !== 3 && level !== 4) invalid(`${field}.level`, '2, 3 or 4');
      return { type: 'heading', level, text: text() };
    }
    case 'quote':
      return compact({ type: 'quote' as const, text: text(), cite: optional('cite') });
    case 'figure':
      return compact({
        type: 'figure' as const,
        image: validateImage(value.image, `${field}.image`, log) ?? invalid(`${field}.image`, 'an object with a "url"'),
        caption: optional('caption'),
        credit: optional('credit'),
      });
    case 'media': {
      const video = value.kind === 'video';
      if (!video && value.kind !== 'audio') invalid(`${field}.kind`, '"video" or "audio"');
      return compact({
        type: 'media' as const,
        kind: video ? ('video' as const) : ('audio' as const),
        url: requiredString(value.url, `${field}.url`),
        poster: video ? validateImage(value.poster, `${field}.poster`) : undefined,
        width: video ? optionalDimension(value.width, `${field}.width`) : undefined,
        height: video ? optionalDimension(value.height, `${field}.height`) : undefined,
        caption: optionalString(value.caption, `${field}.caption`),
        credit: optionalString(value.credit, `${field}.credit`),
      });
    }
    case 'list':
      return {
        type: 'list',
        ordered: value.ordered === true,
        items: validateArray(value.items ?? invalid(`${field}.items`, 'an array of strings'), `${field}.items`, optionalString, log) ?? [],
      };
    default:
      // A block type from a newer Lede: skip it rather than fail the whole article.
      console.warn(`lede: skipping article block ${field} of unknown type ${JSON.stringify(value.type)}`);
      return undefined;
  }
}

function validateOrganization(value: unknown, field: string, log?: DropLog): Organization | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) invalid(field, 'an object with a "name"');
  return compact({
    name: requiredShortString(value.name, `${field}.name`),
    url: lenient(log, `${field}.url`, () => optionalString(value.url, `${field}.url`)),
    logo: lenient(log, `${field}.logo`, () => validateImage(value.logo, `${field}.logo`, log)),
  });
}

const list =
  <T>(item: FieldReader<T>): FieldReader<T[]> =>
  (value, field, log) =>
    validateArray(value, field, item, log);

/** How each field but the headline is read; all of them are optional. */
const optionalFields: { [Key in Exclude<keyof Article, 'headline'>]-?: FieldReader<Article[Key]> } = {
  id: optionalString,
  url: optionalString,
  kicker: shortString,
  alternativeHeadline: shortString,
  dek: shortString,
  byline: shortString,
  authors: list(validatePerson),
  credits: list(validateCredit),
  creditsText: optionalString,
  dateline: shortString,
  datePublished: optionalDate,
  dateModified: optionalDate,
  section: shortString,
  keywords: list(shortString),
  language: optionalString,
  image: validateImage,
  publisher: validateOrganization,
  body: list(validateBlock),
  bodyHtml: optionalString,
};

/**
 * Checks a Lede `Article` field by field. The headline is required. Given a `log`, the rest is
 * read leniently: a malformed optional field (or list entry, or part of one) is noted in the log
 * and left out, and the article keeps everything else.
 * @throws {LedeError} `invalid-data` naming the field: a missing or mistyped headline; without a
 *   log, the first field that is of the wrong type.
 */
export function validateArticle(data: unknown, log?: DropLog): Article {
  if (!isObject(data)) throw unsupportedArticle(data);
  const article: Record<string, unknown> = { headline: requiredShortString(data.headline, 'headline') };
  for (const [field, read] of Object.entries(optionalFields) as [string, FieldReader<unknown>][]) {
    const value = lenient(log, field, () => read(data[field], field, log));
    if (value !== undefined) article[field] = value;
  }
  return article as unknown as Article;
}

/** The plain text of structured body blocks, one block per line, for `articleBody` and reading time. */
export function blocksToText(blocks: readonly ArticleBlock[] | undefined): string {
  return (blocks ?? [])
    .map((block) => {
      switch (block.type) {
        case 'list':
          return block.items.join('\n');
        case 'figure':
        case 'media':
          return block.caption ?? '';
        default:
          return block.text;
      }
    })
    .filter(Boolean)
    .join('\n\n');
}
