/**
 * JSON Feed 1.0 and 1.1 items (https://www.jsonfeed.org/version/1.1/) in `Story` field names.
 * @module
 */
import { isObject } from '../../shared/validate.js';
import { plainText } from '../plain-text.js';
import { feedDate } from './dates.js';

/** Text fields of feeds may hold HTML: keep their words. */
const words = (value: unknown) => (typeof value === 'string' ? plainText(value) : value);

export function fromJsonFeedItem(item: unknown): unknown {
  if (!isObject(item)) return item;
  // 1.1 has `authors`; 1.0 had one `author`.
  const authors = Array.isArray(item.authors) ? item.authors : [item.author];
  const date = item.date_published ?? item.date_modified;
  return {
    url: item.url ?? item.external_url,
    title: words(item.title),
    image: item.image ?? item.banner_image,
    datePublished: typeof date === 'string' ? (feedDate(date) ?? date) : date,
    excerpt: words(item.summary ?? item.content_text ?? item.content_html),
    author: words(authors.find(isObject)?.name),
    section: words(Array.isArray(item.tags) ? item.tags[0] : undefined),
  };
}
