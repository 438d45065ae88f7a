/**
 * Related-story feeds: RSS 0.91, 0.92, 1.0 and 2.0, Atom 1.0 and 0.3, JSON Feed 1.0 and 1.1, and
 * Lede `Story` JSON, detected from the content and read into `Story` teasers. JSON needs no DOM
 * and runs in Node; XML is read with the platform's `DOMParser`, so it needs a browser (or a
 * `DOMParser` global). `<lede-related>` loads this module only when it fetches a `src`.
 *
 * Lenient: an item without a usable link or title, and an optional field that cannot be used (a
 * date in no format Lede reads, an image that is not `http(s)`), are left out and listed in
 * `dropped`; the rest of the feed is read. Only a document that is not a feed at all fails.
 * @module
 */
import { LedeError } from '../shared/errors.js';
import { DropLog, type DroppedField } from '../shared/leniency.js';
import { safeUrl } from '../shared/url.js';
import { isObject } from '../shared/validate.js';
import type { Story } from '../model.js';
import { decodeFeed } from './feeds/decode.js';
import { fromJsonFeedItem } from './feeds/json-feed.js';
import { parseFeedXml } from './feeds/xml.js';
import { readXmlItems } from './feeds/xml-items.js';
import { readStories } from './stories.js';

/** The feed formats `parseFeed` reads: `rss` is every RSS (0.9x, 1.0, 2.0), `atom` both Atoms. */
export type FeedFormat = 'json-feed' | 'rss' | 'atom' | 'lede';

/** What `parseFeed` read: the usable stories, and what it left out and why. */
export interface FeedResult {
  format: FeedFormat;
  stories: Story[];
  /** The items and fields left out: `{ field: 'items[2]', reason: 'no http(s) url' }`, `items[0].datePublished`. */
  dropped: readonly DroppedField[];
}

/** The feed's format and its raw items, in `Story` field names. */
function readItems(source: string, base: string | undefined, log: DropLog): { format: FeedFormat; items: unknown[]; base?: string } {
  if (source.trimStart().startsWith('<')) return readXmlItems(parseFeedXml(source, log), base);
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
 * Reads a feed of any supported format, detected from its content. Bytes are decoded by the
 * encoding they name (a byte order mark, the `contentType` charset, the XML declaration), text is
 * read as it is. Relative links resolve against the feed's own base (JSON Feed `home_page_url`,
 * `xml:base`) or `base`, the feed's URL.
 * @throws LedeError when the whole document is unusable: `invalid-json`, `invalid-data` (XML that
 *   is not well-formed even with its `&`s mended, or that declares a DTD) or `unsupported-format`.
 */
export function parseFeed(source: string | Uint8Array | ArrayBuffer, base?: string, contentType?: string | null): FeedResult {
  const log = new DropLog();
  const text = typeof source === 'string' ? source : decodeFeed(source instanceof Uint8Array ? source : new Uint8Array(source), contentType, log);
  const { format, items, base: feedBase } = readItems(text, base, log);
  const stories = readStories(items, safeUrl(feedBase, base) ?? base, log);
  return { format, stories, dropped: log.fields };
}
