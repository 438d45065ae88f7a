/**
 * Article → schema.org `NewsArticle` JSON-LD, the structured data search engines read.
 * Follows Google's article guidance: `author` is an array with one `Person` per entry (never
 * "A and B" in one name), dates are ISO 8601, images are URLs.
 * Pure: no DOM.
 * @module
 */
import type { Article, CreditRole, Person } from '../model.js';
import { blocksToText } from './article-data.js';

/** A JSON-LD node. */
export type JsonLd = Record<string, unknown>;

const authorRoles = new Set<CreditRole>(['author', 'writing']);
const editorRoles = new Set<CreditRole>(['editing']);

function person(entry: Pick<Person, 'name'> & Partial<Person>): JsonLd {
  return prune({
    '@type': 'Person',
    name: entry.name,
    url: entry.url,
    jobTitle: entry.jobTitle,
    image: entry.image?.url,
  });
}

/**
 * Builds schema.org `NewsArticle` JSON-LD for an article.
 * @param bodyText the article's text, when the body is HTML (the caller extracts its text).
 */
export function toNewsArticleJsonLd(article: Article, bodyText?: string): JsonLd {
  const seen = new Set<string>();
  const unique = (people: JsonLd[]) =>
    people.filter((entry) => {
      const key = String(entry.name).toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const credits = article.credits ?? [];
  const credited = (roles: Set<CreditRole>) => credits.filter((credit) => credit.roles.some((role) => roles.has(role)));
  const asNode = (credit: { name: string; kind?: string }) =>
    credit.kind === 'organization' ? { '@type': 'Organization', name: credit.name } : person(credit);

  const authors = unique([...(article.authors ?? []).map(person), ...credited(authorRoles).map(asNode)]);
  const editors = unique(credited(editorRoles).map(asNode));
  const contributors = unique(credits.filter((credit) => credit.roles.some((role) => !authorRoles.has(role) && !editorRoles.has(role))).map(asNode));
  const text = bodyText ?? blocksToText(article.body);
  const images = [article.image, ...(article.body ?? []).map((block) => (block.type === 'figure' ? block.image : undefined))]
    .map((image) => image?.url)
    .filter((url): url is string => Boolean(url));

  return prune({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': article.id,
    url: article.url,
    mainEntityOfPage: article.url,
    headline: article.headline,
    alternativeHeadline: article.alternativeHeadline,
    description: article.dek,
    image: images.length > 0 ? [...new Set(images)] : undefined,
    datePublished: article.datePublished,
    dateModified: article.dateModified,
    dateline: article.dateline,
    author: authors.length > 0 ? authors : undefined,
    // A free-text byline that names no people ("by time news") is a credit, not an author.
    creditText: authors.length === 0 ? article.byline : undefined,
    editor: editors.length > 0 ? editors : undefined,
    contributor: contributors.length > 0 ? contributors : undefined,
    publisher: article.publisher
      ? prune({ '@type': 'Organization', name: article.publisher.name, url: article.publisher.url, logo: article.publisher.logo?.url })
      : undefined,
    articleSection: article.section,
    keywords: article.keywords?.join(', '),
    inLanguage: article.language,
    articleBody: text || undefined,
    wordCount: text ? text.split(/\s+/).filter(Boolean).length : undefined,
  });
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped so no string in the data can
 * close the script element when the page is serialised.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function prune(value: JsonLd): JsonLd {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined && entry !== ''));
}
