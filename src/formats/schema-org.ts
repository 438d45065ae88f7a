/**
 * schema.org article JSON-LD, as sites publish it, → Lede's article shape (not yet validated).
 * Reads one block or several (an array of the page's blocks), picks the article among breadcrumbs,
 * web pages and organisations, and follows `{"@id": …}` references into `@graph` (the WordPress
 * and Yoast pattern for authors, publisher and image). Values that schema.org allows in several
 * shapes (a string or an object, one or many) are read in all of them; strings are read as the
 * HTML-ish text sites put there, character references decoded; dates are read leniently.
 * Pure: no DOM needed (it uses one when there is, to decode references).
 * @module
 */
import type { ArticleBlock, Credit, CreditRole, ImageRef, Person } from '../model.js';
import type { DropLog } from '../shared/leniency.js';
import { compact, isObject, isPresent, nonEmpty, type Json } from '../shared/validate.js';
import { toIsoDate } from '../text/dates.js';
import { isArticleNode, topNodes } from './detect-format.js';
import { asArray, plainTextBlocks, text } from './mapping.js';
import { plainText } from './plain-text.js';

/** A string field as readers should see it: references decoded, markup dropped, white space folded. */
function words(value: unknown): string | undefined {
  const raw = text(value);
  return raw && (plainText(raw) || undefined);
}

/** Every node with an `@id` and more than a reference's keys, found without recursion (input may nest deeply). */
function indexNodes(data: unknown): Map<string, Json> {
  const index = new Map<string, Json>();
  const pending: unknown[] = [data];
  // Data set as a property may share (or loop back to) objects: each is visited once.
  const seen = new Set<unknown>();
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) for (const item of value) pending.push(item);
    else if (isObject(value)) {
      const id = value['@id'];
      if (typeof id === 'string' && Object.keys(value).some((key) => key !== '@id' && key !== '@type') && !index.has(id)) index.set(id, value);
      for (const key in value) if (typeof value[key] === 'object') pending.push(value[key]);
    }
  }
  return index;
}

type Resolve = (value: unknown) => unknown;

function referenceResolver(index: Map<string, Json>): Resolve {
  return (value) => {
    const id = isObject(value) ? value['@id'] : undefined;
    const node = typeof id === 'string' ? index.get(id) : undefined;
    if (!node || node === value) return value;
    // A bare reference is the node itself; one with properties of its own adds them.
    for (const key in value as Json) if (key !== '@id' && key !== '@type') return { ...node, ...(value as Json) };
    return node;
  };
}

const hasType = (node: unknown, ...types: string[]) => isObject(node) && asArray(node['@type']).some((type) => types.includes(String(type)));

/** The article among the page's nodes: the first with a headline, else the first at all. */
function findArticleNode(data: unknown): Json {
  const articles = topNodes(data).filter(isArticleNode);
  return articles.find((node) => text(node.headline) ?? text(node.name)) ?? articles[0] ?? {};
}

function schemaImage(value: unknown, field: string, resolve: Resolve, log?: DropLog): ImageRef | undefined {
  const first = resolve(asArray(value)[0]);
  if (first === undefined) return undefined;
  if (typeof first === 'string') return text(first) ? { url: first.trim() } : undefined;
  const url = isObject(first) ? (text(asArray(first.url)[0]) ?? text(asArray(first.contentUrl)[0])) : undefined;
  if (!isObject(first) || !url) {
    log?.drop(field, `"${field}" must be a URL or an ImageObject with a "url".`);
    return undefined;
  }
  const dimension = (raw: unknown) => {
    const number = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number.parseFloat(raw) : Number.NaN;
    return Number.isFinite(number) && number > 0 ? number : undefined;
  };
  return compact({ url, alt: words(first.caption) ?? words(first.name), width: dimension(first.width), height: dimension(first.height) });
}

type Agent = Person & { organization: boolean };

/** People and organisations named by a field, references followed; nameless entries are dropped and noted. */
function schemaAgents(value: unknown, field: string, resolve: Resolve, log?: DropLog): Agent[] {
  const agents: Agent[] = [];
  asArray(value).forEach((raw, index) => {
    const entry = resolve(raw);
    const at = Array.isArray(value) ? `${field}[${index}]` : field;
    // Seen on real pages: several people in one Person's "name", a Person as the name, "By …".
    const names = asArray(isObject(entry) ? entry.name : entry).map((name) => words(isObject(name) ? name.name : name)?.replace(/^by\s+/i, ''));
    if (names.length === 0 || names.some((name) => !name)) log?.drop(at, `"${at}" must be a name, or a Person or Organization with a "name".`);
    for (const name of names) {
      if (!name) continue;
      if (!isObject(entry)) agents.push({ name, organization: false });
      else
        agents.push(
          compact({
            name,
            organization: hasType(entry, 'Organization', 'NewsMediaOrganization', 'Corporation'),
            url: text(entry.url),
            image: schemaImage(entry.image, `${at}.image`, resolve, log),
            jobTitle: words(entry.jobTitle),
          }),
        );
    }
  });
  return agents;
}

function schemaPublisher(value: unknown, resolve: Resolve, log?: DropLog): Json | undefined {
  const entry = resolve(asArray(value)[0]);
  if (entry === undefined) return undefined;
  const name = isObject(entry) ? words(entry.name) : words(entry);
  if (!name) {
    log?.drop('publisher', '"publisher" must be a name, or an Organization with a "name".');
    return undefined;
  }
  return isObject(entry) ? compact({ name, url: text(entry.url), logo: schemaImage(entry.logo, 'publisher.logo', resolve, log) }) : { name };
}

const people = (agents: (Person & { organization: boolean })[]): Person[] => agents.map(({ organization: _, ...person }) => person);

/** A date as ISO 8601 when it can be read; otherwise as written, for validation to drop and report. */
function date(value: unknown): string | undefined {
  const raw = text(value);
  return raw && (toIsoDate(raw) ?? raw);
}

/** A live blog's updates, newest first as published, as subheadings and paragraphs. */
function liveBlogBody(updates: unknown, resolve: Resolve): ArticleBlock[] {
  return asArray(updates).flatMap((raw) => {
    const update = resolve(raw);
    if (!isObject(update)) return [];
    const headline = words(update.headline);
    return [...(headline ? [{ type: 'heading' as const, level: 2 as const, text: headline }] : []), ...body(update.articleBody)];
  });
}

function body(value: unknown): ArticleBlock[] {
  return (plainTextBlocks(text(value)) ?? []).flatMap((block) => {
    const paragraph = block.type === 'paragraph' ? plainText(block.text) : '';
    return paragraph ? [{ type: 'paragraph' as const, text: paragraph }] : [];
  });
}

/**
 * Maps a schema.org article (any `Article`, `NewsArticle`, `BlogPosting` or `LiveBlogPosting`
 * type), alone, in `@graph` or among several blocks, to Lede's shape (not yet validated). Given a
 * `log`, author, image and publisher entries it cannot use are noted there.
 */
export function fromSchemaOrg(data: unknown, log?: DropLog): Json {
  const resolve = referenceResolver(indexNodes(data));
  const node = findArticleNode(data);
  const page = [node.mainEntityOfPage, node.isPartOf].map(resolve).find(isObject);
  const authors = schemaAgents(node.author ?? node.creator, 'author', resolve, log);
  const credits: Credit[] = [
    ...schemaAgents(node.editor, 'editor', resolve, log).map((person) => ({ name: person.name, roles: ['editing'] as CreditRole[] })),
    ...schemaAgents(node.contributor, 'contributor', resolve, log).map((person) => ({ name: person.name, roles: ['contributing'] as CreditRole[] })),
  ];
  const keywords = new Set((Array.isArray(node.keywords) ? node.keywords : (text(node.keywords)?.split(',') ?? [])).map(words).filter(isPresent));
  // An HTML body is kept as HTML, for the element to sanitize and show with its paragraphs.
  const rawBody = text(node.articleBody);
  const html = rawBody && /<\/?[a-z][^>]*>/i.test(rawBody) ? rawBody : undefined;
  const textBody = html ? [] : body(rawBody);
  const language = resolve(node.inLanguage);
  return compact({
    id: text(node['@id']),
    url: text(node.url) ?? text(isObject(node.mainEntityOfPage) ? node.mainEntityOfPage['@id'] : node.mainEntityOfPage),
    headline: words(node.headline) ?? words(node.name),
    alternativeHeadline: words(node.alternativeHeadline),
    dek: words(node.description) ?? words(node.abstract) ?? words(page?.description),
    authors: nonEmpty(people(authors.filter((author) => !author.organization))),
    byline: authors.length > 0 && authors.every((author) => author.organization) ? authors.map((author) => author.name).join(', ') : words(node.creditText),
    credits: nonEmpty(credits),
    dateline: words(node.dateline),
    datePublished: date(node.datePublished ?? node.dateCreated),
    dateModified: date(node.dateModified),
    // WordPress joins several sections with bare commas: "Culture,Music".
    section: words(asArray(node.articleSection)[0])?.split(/,(?!\s)/)[0],
    keywords: nonEmpty([...keywords]),
    language: text(language) ?? (isObject(language) ? (text(language.alternateName) ?? text(language.name)) : undefined),
    image: schemaImage(node.image ?? node.thumbnailUrl, 'image', resolve, log),
    publisher: schemaPublisher(node.publisher, resolve, log),
    body: html ? undefined : nonEmpty(textBody.length > 0 ? textBody : liveBlogBody(node.liveBlogUpdate, resolve)),
    bodyHtml: html,
  });
}
