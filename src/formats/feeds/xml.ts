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

/** One `&…` outside CDATA as well-formed XML: HTML names become numeric references, a bare `&` is escaped. */
function mendReference(reference: string, name: string | undefined): string {
  if (!name) return reference.length > 1 ? reference : '&amp;';
  if (xmlNames.has(name)) return reference;
  const decoded = decodeReferences(reference);
  return decoded === reference ? `&amp;${name};` : [...decoded].map((char) => `&#${char.codePointAt(0)};`).join('');
}

/** The XML with bare `&` escaped and HTML named references spelled as numbers; CDATA sections untouched. */
function mended(xml: string): string {
  return xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, index) => (index % 2 ? part : part.replace(/&(?:#\d+;|#x[\da-f]+;|([a-z][a-z\d]*);)?/gi, mendReference)))
    .join('');
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
