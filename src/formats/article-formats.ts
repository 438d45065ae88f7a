/**
 * Reads article data in the formats newsrooms publish — Lede's own `Article` JSON, schema.org
 * `NewsArticle` JSON-LD, and IPTC ninjs 1.x/2.x/3.x — into one validated `Article`: the one
 * place that picks a format's reader. `<lede-article>` loads this module only when it meets data
 * that is not Lede's own.
 * Pure: no DOM, runs in Node. Never throws anything but `LedeError`.
 * @module
 */
import type { Article } from '../model.js';
import type { DropLog } from '../shared/leniency.js';
import { parseJson, type Json } from '../shared/validate.js';
import { looksLikeLedeArticle, unsupportedArticle, validateArticle } from './article-data.js';
import { detectMappedFormat } from './detect-format.js';
import { fromNinjs2, fromNinjs3 } from './ninjs.js';
import { fromSchemaOrg } from './schema-org.js';

/**
 * Reads parsed JSON in any supported format into a validated `Article`. Given a `log`, it reads
 * leniently: malformed optional fields are noted there and left out (see `validateArticle`).
 * @throws {LedeError} `unsupported-format` for JSON that is no article, `invalid-data` naming the
 *   field for a missing headline or (without a log) a mistyped field.
 */
export function readArticle(data: unknown, log?: DropLog): Article {
  return looksLikeLedeArticle(data) ? validateArticle(data, log) : readMappedArticle(data, log);
}

/** Reads data already known not to be Lede's own JSON (see `readArticleLazily`). @internal */
export function readMappedArticle(data: unknown, log?: DropLog): Article {
  switch (detectMappedFormat(data)) {
    case 'schema.org':
      return validateArticle(fromSchemaOrg(data, log), log);
    case 'ninjs-3':
      return validateArticle(fromNinjs3(data as Json, log), log);
    case 'ninjs-2':
      return validateArticle(fromNinjs2(data as Json, log), log);
    default:
      throw unsupportedArticle(data);
  }
}

/** Parses JSON text and reads it with `readArticle`. @throws {LedeError} `invalid-json` and the rest. */
export function parseArticleJson(text: string): Article {
  return readArticle(parseJson(text));
}
