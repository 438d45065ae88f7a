/**
 * Reads article data in the formats newsrooms publish — Lede's own `Article` JSON, schema.org
 * `NewsArticle` JSON-LD, and IPTC ninjs 1.x/2.x/3.x — into one validated `Article`.
 * `<lede-article>` loads this module only when it meets schema.org or ninjs data.
 * Pure: no DOM, runs in Node. Never throws anything but `LedeError`.
 * @module
 */
import type { ArticleBlock, Article, Credit, CreditRole, ImageRef, Person } from '../model.js';
import { compact, isObject, isPresent, nonEmpty, parseJson, type Json } from '../shared/validate.js';
import { unsupportedArticle, validateArticle } from './article-data.js';
import { detectArticleFormat, isSchemaOrgArticle } from './detect-format.js';

/**
 * Reads parsed JSON in any supported format into a validated `Article`.
 * @throws {LedeError} `unsupported-format` for JSON that is no article, `invalid-data` naming the
 *   field for a missing headline or a mistyped field.
 */
export function readArticle(data: unknown): Article {
  const format = detectArticleFormat(data);
  switch (format) {
    case 'lede':
      return validateArticle(data);
    case 'schema.org':
      return validateArticle(fromSchemaOrg(data));
    case 'ninjs-3':
      return validateArticle(fromNinjs3(data as Json));
    case 'ninjs-2':
      return validateArticle(fromNinjs2(data as Json));
    default:
      throw unsupportedArticle(data);
  }
}

/** Parses JSON text and reads it with `readArticle`. @throws {LedeError} `invalid-json` and the rest. */
export function parseArticleJson(text: string): Article {
  return readArticle(parseJson(text));
}

// ---------------------------------------------------------------------------------------------
// schema.org NewsArticle → Article. Values that schema.org allows in several shapes (a string or
// an object, one or many) are read in all of them.

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function schemaImage(value: unknown): ImageRef | undefined {
  const first = asArray(value)[0];
  if (typeof first === 'string') return { url: first };
  if (!isObject(first)) return undefined;
  const url = text(first.url) ?? text(first.contentUrl);
  if (!url) return undefined;
  const dimension = (raw: unknown) => {
    const number = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number.parseFloat(raw) : Number.NaN;
    return Number.isFinite(number) && number > 0 ? number : undefined;
  };
  return compact({ url, alt: text(first.caption) ?? text(first.name), width: dimension(first.width), height: dimension(first.height) });
}

function schemaPeople(value: unknown): Person[] {
  return asArray(value)
    .map((entry): Person | undefined => {
      if (typeof entry === 'string') return entry.trim() ? { name: entry.trim() } : undefined;
      if (!isObject(entry)) return undefined;
      const name = text(entry.name);
      if (!name) return undefined;
      return compact({ name, url: text(entry.url), image: schemaImage(entry.image), jobTitle: text(entry.jobTitle) });
    })
    .filter(isPresent);
}

function isOrganizationNode(entry: unknown): boolean {
  return isObject(entry) && asArray(entry['@type']).some((type) => type === 'Organization' || type === 'NewsMediaOrganization');
}

function findArticleNode(data: unknown): Json {
  if (Array.isArray(data)) return findArticleNode(data.find(isSchemaOrgArticle));
  const node = data as Json;
  if (Array.isArray(node['@graph'])) return findArticleNode(node['@graph'].find(isSchemaOrgArticle));
  return node;
}

/** Maps a schema.org (News)Article, possibly inside `@graph`, to Lede's shape (not yet validated). */
export function fromSchemaOrg(data: unknown): Json {
  const node = findArticleNode(data);
  const authors = asArray(node.author);
  const credits: Credit[] = [
    ...schemaPeople(node.editor).map((person) => ({ name: person.name, roles: ['editing'] as CreditRole[] })),
    ...schemaPeople(node.contributor).map((person) => ({ name: person.name, roles: ['contributing'] as CreditRole[] })),
  ];
  const publisher = isObject(node.publisher)
    ? compact({ name: text(node.publisher.name) ?? '', url: text(node.publisher.url), logo: schemaImage(node.publisher.logo) })
    : undefined;
  const keywords = Array.isArray(node.keywords)
    ? node.keywords.map(text).filter(isPresent)
    : text(node.keywords)?.split(',').map((word) => word.trim()).filter(Boolean);
  return compact({
    id: text(node['@id']),
    url: text(node.url) ?? text(isObject(node.mainEntityOfPage) ? node.mainEntityOfPage['@id'] : node.mainEntityOfPage),
    headline: text(node.headline) ?? text(node.name),
    alternativeHeadline: text(node.alternativeHeadline),
    dek: text(node.description) ?? text(node.abstract),
    authors: nonEmpty(schemaPeople(authors.filter((entry) => !isOrganizationNode(entry)))),
    byline: authors.length > 0 && authors.every(isOrganizationNode) ? text((authors[0] as Json).name) : text(node.creditText),
    credits: nonEmpty(credits),
    dateline: text(node.dateline),
    datePublished: text(node.datePublished),
    dateModified: text(node.dateModified),
    section: text(asArray(node.articleSection)[0]),
    keywords: nonEmpty(keywords ?? []),
    language: text(node.inLanguage) ?? (isObject(node.inLanguage) ? text(node.inLanguage.alternateName) : undefined),
    image: schemaImage(node.image),
    publisher: publisher?.name ? publisher : undefined,
    body: plainTextBlocks(text(node.articleBody)),
  });
}

// ---------------------------------------------------------------------------------------------
// IPTC ninjs → Article.

const authorRels = new Set(['author', 'creator', 'byline', 'writer']);

function ninjsPeople(value: unknown, relKey: string): Person[] {
  return asArray(value)
    .filter((entry): entry is Json => isObject(entry) && typeof entry.name === 'string')
    .filter((entry) => entry[relKey] === undefined || authorRels.has(String(entry[relKey]).toLowerCase()))
    .map((entry) => ({ name: String(entry.name).trim() }))
    .filter((person) => person.name !== '');
}

function ninjsRendition(renditions: unknown): ImageRef | undefined {
  // 3.x renditions are an array; 2.x an object keyed by rendition name.
  const list = Array.isArray(renditions) ? renditions : isObject(renditions) ? Object.values(renditions) : [];
  const best = list.filter(isObject).find((rendition) => typeof rendition.href === 'string');
  if (!best) return undefined;
  return compact({
    url: String(best.href),
    width: typeof best.width === 'number' && best.width > 0 ? best.width : undefined,
    height: typeof best.height === 'number' && best.height > 0 ? best.height : undefined,
  });
}

function ninjsImage(associations: unknown, altKey: (association: Json) => string | undefined): ImageRef | undefined {
  const list = Array.isArray(associations) ? associations : isObject(associations) ? Object.values(associations) : [];
  const picture = list.filter(isObject).find((association) => association.type === 'picture' || association.type === 'image');
  if (!picture) return undefined;
  const image = ninjsRendition(picture.renditions) ?? (typeof picture.uri === 'string' && /^https?:/.test(picture.uri) ? { url: picture.uri } : undefined);
  return image ? compact({ ...image, alt: altKey(picture) }) : undefined;
}

function byRole(list: unknown, role: string | undefined, valueKey = 'value'): string | undefined {
  const entries = asArray(list).filter(isObject);
  const match = role === undefined ? entries[0] : entries.find((entry) => entry.role === role);
  return match ? text(match[valueKey]) : undefined;
}

/** Maps an IPTC ninjs 3.x item to Lede's shape (not yet validated). */
export function fromNinjs3(item: Json): Json {
  const bodies = asArray(item.bodies).filter(isObject);
  const html = bodies.find((body) => String(body.contentType ?? '').includes('html'));
  const plain = bodies.find((body) => String(body.contentType ?? 'text/plain').startsWith('text/plain'));
  const headlines = asArray(item.headlines).filter(isObject);
  const main = headlines.find((entry) => entry.role === 'main' || entry.role === undefined) ?? headlines[0];
  return compact({
    id: text(item.uri),
    url: text(asArray(item.links).filter(isObject).find((link) => link.rel === 'canonical')?.href),
    headline: main ? text(main.value) : undefined,
    dek: byRole(item.headlines, 'subhead') ?? byRole(item.descriptions, 'summary') ?? byRole(item.descriptions, undefined),
    byline: text(item.by),
    authors: nonEmpty(ninjsPeople(item.people, 'rel')),
    dateline: text(item.located),
    datePublished: text(item.firstCreated),
    dateModified: text(item.versionCreated),
    language: text(item.language),
    keywords: nonEmpty(asArray(item.keywords).map(text).filter(isPresent)),
    image: ninjsImage(item.associations, (association) => byRole(association.descriptions, undefined)),
    bodyHtml: html ? text(html.value) : undefined,
    body: html ? undefined : plainTextBlocks(plain ? text(plain.value) : undefined),
  });
}

/** Maps an IPTC ninjs 1.x or 2.x item (lower-case field names) to Lede's shape (not yet validated). */
export function fromNinjs2(item: Json): Json {
  return compact({
    id: text(item.uri),
    headline: text(item.headline),
    dek: text(item.description_text) ?? text(item.description_usage),
    byline: text(item.by) ?? text(item.byline),
    authors: nonEmpty(ninjsPeople(item.people, 'rel')),
    dateline: text(item.located),
    datePublished: text(item.firstcreated),
    dateModified: text(item.versioncreated),
    language: text(item.language),
    keywords: nonEmpty(asArray(item.keywords).map(text).filter(isPresent)),
    image: ninjsImage(item.associations, (association) => text(association.description_text) ?? text(association.headline)),
    bodyHtml: text(item.body_html),
    body: item.body_html ? undefined : plainTextBlocks(text(item.body_text)),
  });
}

/** Plain text to paragraphs: blank lines separate paragraphs, single line breaks fold into spaces. */
export function plainTextBlocks(value: string | undefined): ArticleBlock[] | undefined {
  if (!value) return undefined;
  const paragraphs = value
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return paragraphs.length > 0 ? paragraphs.map((paragraph) => ({ type: 'paragraph', text: paragraph })) : undefined;
}
