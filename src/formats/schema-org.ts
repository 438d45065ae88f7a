/**
 * schema.org `NewsArticle` JSON-LD → Lede's article shape (not yet validated). Values that
 * schema.org allows in several shapes (a string or an object, one or many) are read in all of them.
 * Pure: no DOM.
 * @module
 */
import type { Credit, CreditRole, ImageRef, Person } from '../model.js';
import { compact, isObject, isPresent, nonEmpty, type Json } from '../shared/validate.js';
import { isSchemaOrgArticle } from './detect-format.js';
import { asArray, plainTextBlocks, text } from './mapping.js';

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
    : text(node.keywords)
        ?.split(',')
        .map((word) => word.trim())
        .filter(Boolean);
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
