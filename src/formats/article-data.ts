/**
 * Lede's own `Article` JSON: tells it apart from the other formats (schema.org, IPTC ninjs),
 * validates it, and reduces its body blocks to text.
 * Pure: no DOM, runs in Node. Never throws anything but `LedeError`.
 * @module
 */
import type { Article, ArticleBlock, Organization } from '../model.js';
import { LedeError } from '../shared/errors.js';
import {
  compact,
  invalid,
  isObject,
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

function validateBlock(value: unknown, field: string): ArticleBlock | undefined {
  if (!isObject(value)) invalid(field, 'an object with a "type"');
  const text = () => requiredString(value.text, `${field}.text`);
  switch (value.type) {
    case 'paragraph':
      return { type: 'paragraph', text: text() };
    case 'heading': {
      const level = value.level ?? 2;
      if (level !== 2 && level !== 3 && level !== 4) invalid(`${field}.level`, '2, 3 or 4');
      return { type: 'heading', level, text: text() };
    }
    case 'quote':
      return compact({ type: 'quote' as const, text: text(), cite: optionalString(value.cite, `${field}.cite`) });
    case 'figure':
      return compact({
        type: 'figure' as const,
        image: validateImage(value.image, `${field}.image`) ?? invalid(`${field}.image`, 'an object with a "url"'),
        caption: optionalString(value.caption, `${field}.caption`),
        credit: optionalString(value.credit, `${field}.credit`),
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
        items: validateArray(value.items ?? invalid(`${field}.items`, 'an array of strings'), `${field}.items`, optionalString) ?? [],
      };
    default:
      // A block type from a newer Lede: skip it rather than fail the whole article.
      console.warn(`lede: skipping article block ${field} of unknown type ${JSON.stringify(value.type)}`);
      return undefined;
  }
}

function validateOrganization(value: unknown, field: string): Organization | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) invalid(field, 'an object with a "name"');
  return compact({
    name: requiredShortString(value.name, `${field}.name`),
    url: optionalString(value.url, `${field}.url`),
    logo: validateImage(value.logo, `${field}.logo`),
  });
}

/**
 * Checks a Lede `Article` field by field.
 * @throws {LedeError} `invalid-data` naming the first field that is missing or of the wrong type.
 */
export function validateArticle(data: unknown): Article {
  if (!isObject(data)) throw unsupportedArticle(data);
  return compact({
    id: optionalString(data.id, 'id'),
    url: optionalString(data.url, 'url'),
    kicker: shortString(data.kicker, 'kicker'),
    headline: requiredShortString(data.headline, 'headline'),
    alternativeHeadline: shortString(data.alternativeHeadline, 'alternativeHeadline'),
    dek: shortString(data.dek, 'dek'),
    byline: shortString(data.byline, 'byline'),
    authors: validateArray(data.authors, 'authors', validatePerson),
    credits: validateArray(data.credits, 'credits', validateCredit),
    creditsText: optionalString(data.creditsText, 'creditsText'),
    dateline: shortString(data.dateline, 'dateline'),
    datePublished: optionalDate(data.datePublished, 'datePublished'),
    dateModified: optionalDate(data.dateModified, 'dateModified'),
    section: shortString(data.section, 'section'),
    keywords: validateArray(data.keywords, 'keywords', shortString),
    language: optionalString(data.language, 'language'),
    image: validateImage(data.image, 'image'),
    publisher: validateOrganization(data.publisher, 'publisher'),
    body: validateArray(data.body, 'body', validateBlock),
    bodyHtml: optionalString(data.bodyHtml, 'bodyHtml'),
  });
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
