/**
 * Related-story feeds: JSON Feed 1.1, RSS 2.0, Atom and Lede `Story` JSON, detected from the
 * content and read into `Story` teasers. JSON needs no DOM and runs in Node; RSS and Atom are read
 * with the platform's `DOMParser`, so they need a browser (or a `DOMParser` global).
 * `<lede-related>` loads this module only when it fetches a `src`.
 * @module
 */
import { LedeError } from '../shared/errors.js';
import { safeUrl } from '../shared/url.js';
import type { Story } from '../model.js';
import { parseIsoDate } from '../shared/format.js';
import { isObject } from '../shared/validate.js';
import { plainText } from './plain-text.js';
import { readStories } from './stories.js';

/** The feed formats `parseFeed` reads. */
export type FeedFormat = 'json-feed' | 'rss' | 'atom' | 'lede';

/** What `parseFeed` read: the usable stories, and why each other item was skipped. */
export interface FeedResult {
  format: FeedFormat;
  stories: Story[];
  /** One line per skipped item: "item 3: no http(s) url". */
  skipped: string[];
}

/** Any date engines read (RFC 822 in RSS, RFC 3339 in Atom) as ISO 8601, which the model uses. */
function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  if (parseIsoDate(value)) return value.trim();
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Text fields of feeds may hold HTML (RSS descriptions nearly always do): keep their words. */
const words = (value: unknown) => (typeof value === 'string' ? plainText(value) : value);

/** JSON Feed 1.x items (https://www.jsonfeed.org/version/1.1/) in `Story` field names. */
function fromJsonFeedItem(item: unknown): unknown {
  if (!isObject(item)) return item;
  const authors = Array.isArray(item.authors) ? item.authors : [item.author];
  const author = authors.find(isObject)?.name;
  return {
    url: item.url ?? item.external_url,
    title: words(item.title),
    image: item.image ?? item.banner_image,
    datePublished: isoDate(item.date_published),
    excerpt: words(item.summary ?? item.content_text ?? item.content_html),
    author: words(author),
    section: words(Array.isArray(item.tags) ? item.tags[0] : undefined),
  };
}

/** The text of the first child element named `name` (namespace prefixes ignored). */
function child(element: Element, name: string): Element | undefined {
  for (const node of element.children) if (node.localName === name) return node;
  return undefined;
}

/** The words of the first of the named children that has any. */
const childText = (element: Element, ...names: string[]) => {
  for (const name of names) {
    const value = plainText(child(element, name)?.textContent ?? '');
    if (value) return value;
  }
  return undefined;
};

/** An image in `<enclosure>`, `<media:content>`, `<media:thumbnail>` or an Atom enclosure link. */
function xmlImage(item: Element): string | undefined {
  for (const node of item.children) {
    const type = node.getAttribute('type') ?? '';
    const isImage = type.startsWith('image/') || node.localName === 'thumbnail' || (node.localName === 'content' && node.getAttribute('medium') === 'image');
    if (isImage && (node.localName !== 'link' || node.getAttribute('rel') === 'enclosure'))
      return node.getAttribute('url') ?? node.getAttribute('href') ?? undefined;
  }
  return undefined;
}

function fromRssItem(item: Element): unknown {
  return {
    url: childText(item, 'link') ?? (child(item, 'guid')?.getAttribute('isPermaLink') !== 'false' ? childText(item, 'guid') : undefined),
    title: childText(item, 'title'),
    image: xmlImage(item),
    datePublished: isoDate(childText(item, 'pubDate', 'date')),
    excerpt: childText(item, 'description'),
    author: childText(item, 'creator', 'author'),
    section: childText(item, 'category'),
  };
}

function fromAtomEntry(entry: Element): unknown {
  const links = [...entry.children].filter((node) => node.localName === 'link');
  const link = links.find((node) => (node.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  const category = child(entry, 'category');
  return {
    url: link?.getAttribute('href'),
    title: childText(entry, 'title'),
    image: xmlImage(entry),
    datePublished: isoDate(childText(entry, 'published', 'updated')),
    excerpt: childText(entry, 'summary', 'content'),
    author: child(entry, 'author') && childText(child(entry, 'author')!, 'name'),
    section: words(category?.getAttribute('label') ?? category?.getAttribute('term')),
  };
}

/**
 * A DOCTYPE with at most an external ID and no internal subset: `<!DOCTYPE rss PUBLIC "…" "…">`.
 * Only `\s*` sits next to the optional part, so a DOCTYPE that never closes fails in linear time.
 */
const plainDoctype = /<!DOCTYPE\s+[^\s"'>[]+\s*(?:(?:SYSTEM|PUBLIC\s*(?:"[^"]*"|'[^']*'))\s*(?:"[^"]*"|'[^']*')\s*)?>/iy;

/**
 * The XML with no DTD for `DOMParser` to read. An internal subset is refused: its entity
 * declarations (general, parameter or external) can expand a small feed into megabytes of text
 * inside `DOMParser` ("billion laughs") or point it at other URLs, and no feed needs one. A
 * DOCTYPE that only names an external DTD (old RSS 0.91 feeds do) is removed, so no engine can
 * fetch it. Every `<!DOCTYPE` counts, even in a comment or CDATA: this does not parse XML.
 */
function withoutDoctype(source: string): string {
  const doctype = /<!DOCTYPE/gi;
  const parts: string[] = [];
  let copied = 0;
  for (let match = doctype.exec(source); match; match = doctype.exec(source)) {
    plainDoctype.lastIndex = match.index;
    if (!plainDoctype.test(source)) throw new LedeError('invalid-data', 'The feed declares a DTD internal subset (entities) or a DOCTYPE Lede does not read.');
    parts.push(source.slice(copied, match.index));
    copied = doctype.lastIndex = plainDoctype.lastIndex;
  }
  parts.push(source.slice(copied));
  return parts.join('');
}

/** The feed's format and its raw items, in `Story` field names. */
function readItems(source: string): { format: FeedFormat; items: unknown[]; base?: string } {
  if (source.trimStart().startsWith('<')) {
    const xml = withoutDoctype(source);
    const document = new DOMParser().parseFromString(xml, 'application/xml');
    const root = document.documentElement;
    if (document.querySelector('parsererror')) throw new LedeError('invalid-data', 'The feed is not well-formed XML.');
    if (root.localName === 'rss') {
      const channel = child(root, 'channel');
      return { format: 'rss', items: channel ? [...channel.children].filter((node) => node.localName === 'item').map(fromRssItem) : [] };
    }
    if (root.localName === 'feed' && root.namespaceURI === 'http://www.w3.org/2005/Atom') {
      const base = root.getAttribute('xml:base') ?? undefined;
      return { format: 'atom', items: [...root.children].filter((node) => node.localName === 'entry').map(fromAtomEntry), base };
    }
    throw new LedeError('unsupported-format', `An XML document of a kind Lede does not read: <${root.localName}>.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new LedeError('invalid-json', `The feed is neither XML nor valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (Array.isArray(data)) return { format: 'lede', items: data };
  if (isObject(data) && typeof data.version === 'string' && data.version.startsWith('https://jsonfeed.org/version/')) {
    return {
      format: 'json-feed',
      items: Array.isArray(data.items) ? data.items.map(fromJsonFeedItem) : [],
      base: typeof data.home_page_url === 'string' ? data.home_page_url : undefined,
    };
  }
  if (isObject(data) && Array.isArray(data.stories)) return { format: 'lede', items: data.stories };
  throw new LedeError('unsupported-format', 'JSON that is neither a JSON Feed nor a list of stories.');
}

/**
 * Reads a feed of any supported format, detected from its content. Relative links resolve against
 * the feed's own base (JSON Feed `home_page_url`, Atom `xml:base`) or `base`.
 * @throws LedeError when the whole document is unusable: `invalid-json`, `invalid-data` (XML that
 *   is not well-formed) or `unsupported-format`.
 */
export function parseFeed(source: string, base?: string): FeedResult {
  const { format, items, base: feedBase } = readItems(source);
  return { format, ...readStories(items, safeUrl(feedBase, base) ?? base) };
}
