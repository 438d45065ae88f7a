/**
 * Feed XML to a `Document`, with the platform's `DOMParser`: no DTD ever reaches it, and the two
 * faults that make many real feeds ill-formed (a bare `&`, and HTML's named references such as
 * `&rsquo;`, which XML does not define) are mended in a second reading instead of failing.
 * @module
 */
import { LedeError } from '../../shared/errors.js';
import type { DropLog } from '../../shared/leniency.js';
import { decodeReferences } from '../plain-text.js';

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

const xmlNames = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
/** Each HTML name's mended spelling, decoded once: a feed repeats the same few. */
const mendedNames = new Map<string, string>();

/** One `&…` outside CDATA as well-formed XML: HTML names become numeric references, a bare `&` is escaped. */
function mendReference(reference: string, name: string | undefined): string {
  if (!name) return reference.length > 1 ? reference : '&amp;';
  if (xmlNames.has(name)) return reference;
  let mended = mendedNames.get(name);
  if (mended === undefined) {
    const decoded = decodeReferences(reference);
    if (decoded === reference) return `&amp;${name};`;
    mended = [...decoded].map((char) => `&#${char.codePointAt(0)};`).join('');
    // Only HTML's own names (2,231 at most): a hostile feed's made-up ones never fill the map.
    mendedNames.set(name, mended);
  }
  return mended;
}

const reference = /&(?:#\d+;|#x[\da-f]+;|([a-z][a-z\d]*);)?/gi;

/**
 * `text` with each `&…` mended, pushed to `parts`. A loop rather than `replace` with a callback,
 * which V8 makes slower than linear on large feeds full of references.
 */
function mendText(text: string, parts: string[]): void {
  let copied = 0;
  reference.lastIndex = 0;
  for (let match = reference.exec(text); match; match = reference.exec(text)) {
    parts.push(text.slice(copied, match.index), mendReference(match[0], match[1]));
    copied = reference.lastIndex;
  }
  parts.push(text.slice(copied));
}

/**
 * The XML with bare `&` escaped and HTML named references spelled as numbers; CDATA sections
 * untouched. One pass: a section that never closes runs to the end, as it would for a parser.
 */
function mended(xml: string): string {
  const parts: string[] = [];
  for (let at = 0; at < xml.length;) {
    const open = xml.indexOf('<![CDATA[', at);
    const text = open < 0 ? xml.length : open;
    mendText(xml.slice(at, text), parts);
    if (open < 0) break;
    const close = xml.indexOf(']]>', open);
    at = close < 0 ? xml.length : close + 3;
    parts.push(xml.slice(open, at));
  }
  return parts.join('');
}

function parse(xml: string): Document | undefined {
  try {
    const document = new DOMParser().parseFromString(xml, 'application/xml');
    // Browsers report a fatal error as a <parsererror> element, at the root or inside it.
    return document.getElementsByTagName('parsererror').length ? undefined : document;
  } catch {
    // DOMParser implementations outside browsers throw instead.
    return undefined;
  }
}

/**
 * The feed as a `Document`. White space or a byte order mark before the XML declaration is
 * dropped (no XML parser accepts it). Ill-formed XML is read again with its `&`s mended, noted in
 * `log`; XML still ill-formed after that is refused.
 * @throws LedeError `invalid-data` for a DTD internal subset or XML that is not well-formed.
 */
export function parseFeedXml(source: string, log: DropLog): Document {
  const xml = withoutDoctype(source.trimStart());
  let document = parse(xml);
  if (!document) {
    document = parse(mended(xml));
    if (!document) throw new LedeError('invalid-data', 'The feed is not well-formed XML.');
    log.drop('xml', 'The feed is not well-formed XML (a bare "&" or an HTML entity XML does not define); it was read with those escaped.');
  }
  return document;
}
