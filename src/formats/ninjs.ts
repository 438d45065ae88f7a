/**
 * IPTC ninjs 1.x, 2.x and 3.x items → Lede's article shape (not yet validated). One reader for
 * every version: 3.x writes `versionCreated` and `bodies[]`, 2.x the same names in lower case,
 * 1.x `headline`, `body_html`, `body_xhtml` and `body_text`, and feeds mix them.
 * Pure but for NITF bodies, which need a `DOMParser` for their structure (see `ninjs/nitf.ts`).
 * @module
 */
import type { ArticleBlock, ImageRef, Person } from '../model.js';
import type { DropLog } from '../shared/leniency.js';
import { compact, isObject, isPresent, nonEmpty, type Json } from '../shared/validate.js';
import { asArray, plainTextBlocks, text } from './mapping.js';
import { mediaHtml } from './ninjs/media-html.js';
import { readNitf, type NitfContent } from './ninjs/nitf.js';
import { entries, mediaBlock, type MediaText } from './ninjs/renditions.js';

const authorRels = new Set(['author', 'creator', 'byline', 'writer']);
const mediaTypes = new Set(['picture', 'graphic', 'image', 'video', 'audio']);

/**
 * The word a byline starts with in the item's language. The element prints its own word before
 * the names, and leaves a byline that starts with "By" as it is, but knows no other language's.
 */
const byWords: Record<string, string> = { de: 'von', fr: 'par', es: 'por', it: 'di', nl: 'door', nb: 'av', nn: 'av', no: 'av', sv: 'av', da: 'af' };

/** A byline without its leading "Von", "Par"… in the item's language. */
function byline(value: string | undefined, language: string | undefined): string | undefined {
  const word = byWords[(language ?? '').split('-')[0]!.toLowerCase()];
  return word ? value?.replace(new RegExp(`^${word}\\s+(?=\\S)`, 'i'), '') : value;
}

/** A field under its 3.x name or the lower-case name of 1.x and 2.x. */
const field = (item: Json, name: string): unknown => item[name] ?? item[name.toLowerCase()];

/** The people credited as authors: `people` (2.x/3.x) or `person` (1.x) with an author's `rel`. */
function authors(item: Json): Person[] {
  return asArray(item.people ?? item.person)
    .filter(isObject)
    .filter((entry) => typeof entry.rel === 'string' && authorRels.has(entry.rel.toLowerCase()))
    .map((entry) => text(entry.name))
    .filter(isPresent)
    .map((name) => ({ name }));
}

/** The value of the first entry (with `role`, when given) of a 2.x/3.x `headlines` or `descriptions` list. */
function byRole(list: unknown, ...roles: (string | undefined)[]): string | undefined {
  const entries = asArray(list).filter(isObject);
  for (const role of roles) {
    const match = entries.find((entry) => role === undefined || entry.role === role);
    const value = match && text(match.value);
    if (value) return value;
  }
  return undefined;
}

function isMedia(item: Json): boolean {
  return mediaTypes.has(String(item.type).toLowerCase());
}

/** The caption and credit of a picture, video or audio item or association. */
function mediaText(item: Json, own: boolean): MediaText {
  return {
    caption: byRole(item.descriptions, 'caption', 'text', undefined) ?? text(item.description_text),
    // An item's own `by` is its byline; an association's is the photographer's credit.
    credit: byRole(item.descriptions, 'creditline') ?? (own ? undefined : (text(item.by) ?? text(item.byline))),
  };
}

interface Body {
  html?: string;
  blocks?: ArticleBlock[];
  nitf?: NitfContent;
}

/** The body to show, from the richest of the bodies an item carries: HTML, then NITF, then plain text. */
function readBody(item: Json, log?: DropLog): Body {
  const bodies = asArray(item.bodies).map((body, index) => ({ body, path: `bodies[${index}]` }));
  const typed = bodies.filter((entry): entry is { body: Json; path: string } => isObject(entry.body));
  const type = (body: Json) => String(field(body, 'contentType') ?? 'text/plain').toLowerCase();
  const valueOf = ({ body, path }: { body: Json; path: string }) => {
    if (typeof body.value === 'string') return body.value;
    log?.drop(`${path}.value`, `"${path}.value" must be a string.`);
    return undefined;
  };
  const nitf = typed.find(({ body }) => type(body).includes('nitf') || body.role === 'nitf');
  const html = typed.find((entry) => entry !== nitf && type(entry.body).includes('html'));
  const plain = typed.find(({ body }) => type(body).startsWith('text/plain'));
  const htmlValue = text(item.body_html) ?? text(item.body_xhtml) ?? (html && text(valueOf(html)));
  if (htmlValue) return { html: htmlValue };
  const nitfValue = nitf && valueOf(nitf);
  const content = nitfValue ? readNitf(nitfValue, log, nitf.path) : undefined;
  if (content && content.blocks.length > 0) return { blocks: content.blocks, nitf: content };
  const blocks = plainTextBlocks(text(item.body_text) ?? (plain && text(valueOf(plain))));
  if (!blocks && typed.length > 0 && !content) log?.drop('bodies', `"bodies" has no HTML, NITF or plain-text body Lede reads.`);
  return { blocks, nitf: content };
}

/** The lead picture and the media blocks of an item's associations (a composite's pictures, clips). */
function readAssociations(item: Json, html: string | undefined, log?: DropLog): { image?: ImageRef; blocks: ArticleBlock[] } {
  const list = item.associations;
  const named = Array.isArray(list) ? list.map((value, index) => [`associations[${index}]`, value] as const) : Object.entries(isObject(list) ? list : {});
  let image: ImageRef | undefined;
  const blocks: ArticleBlock[] = [];
  for (const [key, association] of named) {
    const path = key.startsWith('associations') ? key : `associations.${key}`;
    if (!isObject(association) || !isMedia(association)) continue;
    const uri = text(association.uri);
    const hrefs = entries(association.renditions)
      .filter(isObject)
      .map((rendition) => text(rendition.href));
    // A body that already shows this picture (TT's HTML links it by `uri`) needs no second copy.
    if (html && [uri, ...hrefs].some((href) => href && html.includes(href))) continue;
    const source = hrefs.length === 0 && uri && /^https?:/i.test(uri) ? { ...association, renditions: [{ href: uri }] } : association;
    const block = mediaBlock(source, mediaText(association, false), log, `${path}.renditions`);
    if (block?.type === 'figure' && !image) image = block.image;
    else if (block) blocks.push(block);
  }
  return { image, blocks };
}

/** Maps an IPTC ninjs item of any version to Lede's shape (not yet validated), noting in `log` what it left out. */
export function fromNinjs(item: Json, log?: DropLog): Json {
  const media = isMedia(item);
  const own = mediaText(item, true);
  const body = readBody(item, log);
  const nitf = body.nitf;
  // A picture, video or audio item shows its media first, captioned, and its text after.
  const lead = media ? mediaBlock(item, own, log) : undefined;
  const associated = readAssociations(item, body.html, log);
  const before = lead ? [lead] : [];
  const headlines = asArray(item.headlines).filter(isObject);
  const main = headlines.find((entry) => entry.role === 'main' || entry.role === undefined) ?? headlines[0];
  const description = media
    ? byRole(item.descriptions, 'summary', 'lead', 'abstract')
    : (byRole(item.descriptions, 'summary', 'lead', 'abstract', undefined) ?? text(item.description_text) ?? text(item.description_usage));
  return compact({
    id: text(item.uri),
    url: text(
      asArray(item.links)
        .filter(isObject)
        .find((link) => link.rel === 'canonical')?.href,
    ),
    headline: (main ? text(main.value) : undefined) ?? text(item.headline) ?? nitf?.headline ?? text(item.title),
    dek: byRole(item.headlines, 'subhead') ?? description ?? nitf?.dek,
    byline: byline(text(item.by) ?? text(item.byline), text(item.language)) ?? nitf?.byline,
    authors: nonEmpty(authors(item)),
    dateline: text(item.located) ?? nitf?.dateline,
    datePublished: text(field(item, 'firstCreated')),
    dateModified: text(field(item, 'versionCreated')),
    language: text(item.language),
    keywords: nonEmpty(asArray(item.keywords).map(text).filter(isPresent)),
    image: associated.image,
    bodyHtml: body.html && (before.length + associated.blocks.length > 0 ? mediaHtml(before) + body.html + mediaHtml(associated.blocks) : body.html),
    body: body.html ? undefined : nonEmpty([...before, ...(body.blocks ?? []), ...associated.blocks]),
  });
}

/** Maps an IPTC ninjs 3.x item (see `fromNinjs`). */
export const fromNinjs3 = fromNinjs;
/** Maps an IPTC ninjs 1.x or 2.x item (see `fromNinjs`). */
export const fromNinjs2 = fromNinjs;
