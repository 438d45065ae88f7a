/**
 * The items of an XML feed in `Story` field names: RSS 0.91, 0.92 and 2.0 (`<rss>`), RSS 0.90 and
 * 1.0 (`<rdf:RDF>`, with the `dc:` and `content:` modules), Atom 1.0 and 0.3 (`<feed>`). Elements
 * are matched by local name, so any prefix a feed gives a module works. Dates that cannot be read
 * are passed on as written, for the story check to report.
 * @module
 */
import { LedeError } from '../../shared/errors.js';
import { safeUrl } from '../../shared/url.js';
import { plainText } from '../plain-text.js';
import { feedDate } from './dates.js';

const atomNamespaces = ['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#'];

const childElements = (element: Element, name: string) => [...element.children].filter((node) => node.localName === name);

/** The first child element named `name` (namespace prefixes ignored). */
const child = (element: Element, name: string): Element | undefined => childElements(element, name)[0];

/**
 * An element's text. Markup written into a feed unescaped (XHTML in Atom, and in some RSS
 * descriptions) is elements here: their texts are joined with spaces, as a page would break them.
 */
function textOf(node: Node): string {
  // Comments and processing instructions are no text; CDATA is.
  if (node.nodeType === 7 || node.nodeType === 8) return '';
  if (node.nodeType !== 1 || !(node as Element).children.length) return node.textContent ?? '';
  return [...node.childNodes].map(textOf).join(' ');
}

/** The words of the first of the named children that has any (an empty `atom:link` is a `link` too). */
function childText(element: Element, ...names: string[]): string | undefined {
  for (const name of names) {
    for (const node of childElements(element, name)) {
      const value = plainText(textOf(node));
      if (value) return value;
    }
  }
  return undefined;
}

/** The first of the named children's dates, ISO 8601, or its text as written when unreadable. */
function childDate(element: Element, ...names: string[]): string | undefined {
  const text = childText(element, ...names);
  return feedDate(text) ?? text;
}

/** `element`'s base URL: `xml:base` on it and its ancestors, resolved from the outside in. */
function baseOf(element: Element, base: string | undefined): string | undefined {
  const bases: string[] = [];
  for (let node: Element | null = element; node; node = node.parentElement) {
    const value = node.getAttribute('xml:base');
    if (value) bases.unshift(value);
  }
  return bases.reduce<string | undefined>((resolved, value) => safeUrl(value, resolved) ?? resolved, base);
}

const imagePath = /\.(?:jpe?g|png|gif|webp|avif)$/i;

/** A `media:content`, `enclosure` or `enc:enclosure` as an image, if it is one. */
function mediaImage(node: Element): { url: string; width?: number; height?: number } | undefined {
  const url =
    node.getAttribute('url') ??
    node.getAttribute('href') ??
    node.getAttributeNS('http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'resource') ??
    node.getAttribute('resource');
  if (!url) return undefined;
  const type = node.getAttribute('type');
  const medium = node.getAttribute('medium');
  // The Guardian's media:content names neither a type nor a medium: the file name tells.
  const isImage = type ? type.startsWith('image/') : medium ? medium === 'image' : imagePath.test(url.replace(/[?#].*/, ''));
  if (!isImage) return undefined;
  // A width alone still ranks the Guardian's sizes; stories keep the two only together.
  const width = Number(node.getAttribute('width'));
  const height = Number(node.getAttribute('height'));
  return { url, ...(width > 0 && { width }), ...(height > 0 && { height }) };
}

/**
 * An item's image: the widest `media:content` image (in a `media:group` too), an image enclosure
 * (RSS, RSS 1.0 `enc:`, Atom `rel="enclosure"`), then `media:thumbnail`, then `itunes:image`.
 */
function itemImage(item: Element): { url: string; width?: number; height?: number } | undefined {
  const media = [...childElements(item, 'content'), ...childElements(item, 'group').flatMap((group) => childElements(group, 'content'))];
  const images = media.map(mediaImage).filter((image) => image !== undefined);
  const widest = images.reduce<(typeof images)[number] | undefined>(
    (best, image) => (!best || (image.width ?? 0) > (best.width ?? 0) ? image : best),
    undefined,
  );
  const enclosure = [...childElements(item, 'enclosure'), ...childElements(item, 'link').filter((link) => link.getAttribute('rel') === 'enclosure')]
    .map(mediaImage)
    .find((image) => image !== undefined);
  const thumbnail =
    child(item, 'thumbnail') ??
    childElements(item, 'group')
      .map((group) => child(group, 'thumbnail'))
      .find(Boolean);
  const itunes = childElements(item, 'image').find((node) => node.hasAttribute('href'));
  const url = thumbnail?.getAttribute('url') ?? itunes?.getAttribute('href');
  return widest ?? enclosure ?? (url ? { url } : undefined);
}

/** An RSS author: `Name`, or `email@example.com (Name)` as RSS 2.0 spells it; a bare address is no byline. */
function authorName(value: string | undefined): string | undefined {
  if (!value || /^\S+@\S+$/.test(value)) return undefined;
  return /^\S+@\S+\s*\((.+)\)$/.exec(value)?.[1] ?? value;
}

/** An RSS 0.9x/1.0/2.0 item in `Story` field names. */
function fromRssItem(item: Element, base: string | undefined): unknown {
  const guid = child(item, 'guid');
  const permalink = guid && guid.getAttribute('isPermaLink') !== 'false' ? guid.textContent : undefined;
  const itemBase = baseOf(item, base);
  const image = itemImage(item);
  return {
    url: safeUrl(childText(item, 'link') ?? permalink ?? item.getAttribute('rdf:about'), itemBase),
    title: childText(item, 'title'),
    image: image && { ...image, url: safeUrl(image.url, itemBase) ?? image.url },
    datePublished: childDate(item, 'pubDate', 'date', 'issued'),
    excerpt: childText(item, 'description', 'summary', 'encoded'),
    author: authorName(childText(item, 'creator', 'author')),
    section: childText(item, 'category', 'subject'),
  };
}

/** An Atom 1.0 or 0.3 entry in `Story` field names; links resolve against `xml:base`. */
function fromAtomEntry(entry: Element, base: string | undefined): unknown {
  const links = childElements(entry, 'link');
  const link = links.find((node) => (node.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  const category = child(entry, 'category');
  const author = child(entry, 'author');
  const image = itemImage(entry);
  const linkBase = link && baseOf(link, base);
  return {
    url: safeUrl(link?.getAttribute('href'), linkBase),
    title: childText(entry, 'title'),
    image: image && { ...image, url: safeUrl(image.url, baseOf(entry, base)) ?? image.url },
    datePublished: childDate(entry, 'published', 'issued', 'created', 'updated', 'modified'),
    excerpt: childText(entry, 'summary', 'content'),
    author: author && childText(author, 'name'),
    section: plainText(category?.getAttribute('label') ?? category?.getAttribute('term') ?? '') || undefined,
  };
}

/** The feed's format and items, from its root element. */
export function readXmlItems(document: Document, base: string | undefined): { format: 'rss' | 'atom'; items: unknown[] } {
  const root = document.documentElement;
  if (root.localName === 'rss') {
    const channel = child(root, 'channel');
    return { format: 'rss', items: channel ? childElements(channel, 'item').map((item) => fromRssItem(item, base)) : [] };
  }
  // RSS 0.90 and 1.0: items are the root's children, beside the channel.
  if (root.localName === 'RDF') return { format: 'rss', items: childElements(root, 'item').map((item) => fromRssItem(item, base)) };
  if (root.localName === 'feed' && atomNamespaces.includes(root.namespaceURI ?? '')) {
    return { format: 'atom', items: childElements(root, 'entry').map((entry) => fromAtomEntry(entry, base)) };
  }
  throw new LedeError('unsupported-format', `An XML document of a kind Lede does not read: <${root.localName}>.`);
}
