/**
 * NITF (IPTC's News Industry Text Format) → Lede blocks: paragraphs, `hl2` subheadings, `bq`
 * quotes, lists, and `media` as figures, videos and audio clips; the `body.head` gives the
 * headline, byline, dateline and abstract.
 *
 * The XML is parsed by the platform's `DOMParser` (every browser has one; Node has none, and
 * tests install one), and only text and URLs are taken from it: blocks are always text, so no
 * markup from a feed can reach the page, and no sanitizer needs to run. Where there is no
 * `DOMParser`, or the document is neither XML nor HTML it can read, the text of its paragraphs
 * is kept.
 * @module
 */
import type { ArticleBlock, ImageRef } from '../../model.js';
import { maxHtmlLength } from '../../shared/html-bounds.js';
import type { DropLog } from '../../shared/leniency.js';
import { plainText } from '../plain-text.js';
import { positive } from './renditions.js';

/** What an NITF document holds that Lede shows. */
export interface NitfContent {
  headline?: string;
  dek?: string;
  byline?: string;
  dateline?: string;
  blocks: ArticleBlock[];
}

/** The element children of a node, in either parser's DOM. */
function children(node: Element): Element[] {
  return Array.from(node.childNodes).filter((child): child is Element => child.nodeType === 1);
}

const nameOf = (node: Element) => node.localName.toLowerCase();

/** The first descendant named `name` (`getElementsByTagName` is in both parsers' DOMs, `querySelector` is not). */
function find(node: Element | Document, name: string): Element | undefined {
  return node.getElementsByTagName(name)[0] ?? undefined;
}

function textOf(node: Element | undefined): string | undefined {
  return node ? node.textContent?.replace(/\s+/g, ' ').trim() || undefined : undefined;
}

/** Parses as XML, then as HTML (NITF in the wild holds HTML's named references, which XML refuses). */
function parse(source: string): Document | undefined {
  const Parser = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
  if (!Parser) return undefined;
  for (const type of ['text/xml', 'text/html'] as const) {
    try {
      const document = new Parser().parseFromString(source, type);
      if (!find(document, 'parsererror') && find(document, 'body.content')) return document;
    } catch {
      // xmldom throws where browsers return a `parsererror` document.
    }
  }
  return undefined;
}

function media(node: Element): ArticleBlock | undefined {
  const references = Array.from(node.getElementsByTagName('media-reference'));
  // A `source` may be an agency's own id for the file (NTB writes `iJIJyyF0tiE`), which no page can load.
  const source = (reference: Element) => {
    const url = reference.getAttribute('source') || reference.getAttribute('data-location') || '';
    return /^https?:\/\//i.test(url.trim()) ? url.trim() : undefined;
  };
  const mime = (reference: Element) => reference.getAttribute('mime-type') ?? '';
  const kind = (node.getAttribute('media-type') ?? '').toLowerCase();
  const caption = textOf(find(node, 'media-caption'));
  const credit = textOf(find(node, 'media-producer'));
  const main = references.find((reference) => source(reference) && (kind !== 'video' || !mime(reference).startsWith('image/')));
  const url = main && source(main);
  if (!main || !url) return undefined;
  const size = (reference: Element) => ({
    width: positive(reference.getAttribute('width')),
    height: positive(reference.getAttribute('height')),
  });
  if (kind === 'video' || kind === 'audio') {
    const still = references.find((reference) => reference !== main && mime(reference).startsWith('image/') && source(reference));
    const poster: ImageRef | undefined = still && { url: source(still)!, alt: '', ...size(still) };
    return { type: 'media', kind, url, poster, ...(kind === 'video' ? size(main) : {}), caption, credit };
  }
  const alt = main.getAttribute('alternate-text') ?? caption ?? '';
  return { type: 'figure', image: { url, alt, ...size(main) }, caption, credit };
}

function quote(node: Element): ArticleBlock | undefined {
  const credit = find(node, 'credit');
  const text = children(node)
    .filter((child) => child !== credit)
    .map((child) => textOf(child))
    .filter(Boolean)
    .join(' ');
  return text ? { type: 'quote', text, cite: textOf(credit) } : undefined;
}

/** Deepest nesting of NITF's containers (`block`) read: real stories nest two or three. */
const maxDepth = 32;

/** Where a reading of one document notes what it leaves out. */
interface Context {
  log?: DropLog;
  field: string;
}

function readBlocks(parent: Element, blocks: ArticleBlock[], context: Context, depth = 0): void {
  for (const node of children(parent)) {
    const name = nameOf(node);
    let block: ArticleBlock | undefined;
    if (name === 'p' || name === 'pre' || /^hl[2-4]$/.test(name)) {
      const text = textOf(node);
      if (text) block = name.startsWith('hl') ? { type: 'heading', level: name === 'hl2' ? 2 : 3, text } : { type: 'paragraph', text };
    } else if (name === 'bq' || name === 'blockquote') block = quote(node);
    else if (name === 'ol' || name === 'ul') {
      const items = children(node)
        .map((item) => textOf(item))
        .filter((item): item is string => Boolean(item));
      block = items.length > 0 ? { type: 'list', ordered: name === 'ol', items } : undefined;
    } else if (name === 'media') {
      block = media(node);
      if (!block) context.log?.drop(context.field, `"${context.field}" has a media element with no http(s) "source"; it is left out.`);
    }
    // Tables and notes to editors are no part of the story a reader sees.
    else if (depth < maxDepth && !['table', 'nitf-table', 'note', 'fn'].includes(name)) readBlocks(node, blocks, context, depth + 1);
    if (block) blocks.push(block);
  }
}

/** The text of the paragraphs, read without a parser. */
function paragraphs(source: string): ArticleBlock[] {
  const start = source.search(/<body\.content\b/i);
  const content = start < 0 ? source : source.slice(start);
  return content
    .split(/<\/(?:p|hl2|li|bq)\s*>/i)
    .map((part) => plainText(part))
    .filter(Boolean)
    .map((text) => ({ type: 'paragraph', text }));
}

/**
 * Reads an NITF document. Returns undefined, noting why in `log`, for one too long to read or
 * with no story in it.
 */
export function readNitf(source: string, log?: DropLog, field = 'body'): NitfContent | undefined {
  if (source.length > maxHtmlLength) {
    log?.drop(field, `"${field}" is NITF longer than ${maxHtmlLength} characters.`);
    return undefined;
  }
  const document = parse(source);
  if (!document) {
    const blocks = paragraphs(source);
    if (blocks.length === 0) log?.drop(field, `"${field}" is NITF with no text Lede could read.`);
    return blocks.length > 0 ? { blocks } : undefined;
  }
  const head = find(document, 'body.head');
  const hedline = head && find(head, 'hedline');
  const dateline = head && find(head, 'dateline');
  const blocks: ArticleBlock[] = [];
  readBlocks(find(document, 'body.content')!, blocks, { log, field });
  return {
    headline: textOf(hedline && find(hedline, 'hl1')),
    dek: textOf(hedline && find(hedline, 'hl2')) ?? textOf(head && find(head, 'abstract')),
    byline: textOf(head && find(head, 'byline'))?.replace(/^by\s+/i, ''),
    dateline: textOf(dateline && find(dateline, 'location')) ?? textOf(dateline),
    blocks,
  };
}
