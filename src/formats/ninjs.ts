/**
 * IPTC ninjs 1.x, 2.x and 3.x items → Lede's article shape (not yet validated).
 * Pure: no DOM.
 * @module
 */
import type { ImageRef, Person } from '../model.js';
import { compact, isObject, isPresent, nonEmpty, type Json } from '../shared/validate.js';
import { asArray, plainTextBlocks, text } from './mapping.js';

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
    url: text(
      asArray(item.links)
        .filter(isObject)
        .find((link) => link.rel === 'canonical')?.href,
    ),
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
