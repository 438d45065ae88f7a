/**
 * `<lede-article>`'s way in to article data: Lede's own JSON is validated at once, and the
 * schema.org and ninjs mappers load only when such data arrives, so pages that never see them
 * never download them. Each path checks the format once.
 * @module
 */
import type { Article } from '../model.js';
import type { DropLog } from '../shared/leniency.js';
import { looksLikeLedeArticle, unsupportedArticle, validateArticle } from './article-data.js';

/**
 * Reads article data of any supported format: synchronously for Lede JSON, by a promise for the
 * formats whose mappers load on first use. Given a `log`, malformed optional fields are noted there
 * and left out (see `validateArticle`).
 * @throws {LedeError} for data that is no article or is invalid (synchronously, or by rejecting).
 */
export function readArticleLazily(data: unknown, log?: DropLog): Article | Promise<Article> {
  if (looksLikeLedeArticle(data)) return validateArticle(data, log);
  if (typeof data !== 'object' || data === null) throw unsupportedArticle(data);
  return import('./article-formats.js').then((formats) => formats.readMappedArticle(data, log));
}
