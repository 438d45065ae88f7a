// Apart from article-data.ts, which the formats' mappers import: the module that loads them by
// `import()` is one they never import.
import type { Article } from '../model.js';
import { looksLikeLedeArticle, unsupportedArticle, validateArticle } from './article-data.js';

/**
 * Reads article data of any supported format. Lede JSON is validated at once; schema.org and
 * ninjs wait for their mappers, which load on first use so pages that never see them never
 * download them.
 * @throws {LedeError} for data that is no article or is invalid (synchronously, or by rejecting).
 */
export function readArticleLazily(data: unknown): Article | Promise<Article> {
  if (looksLikeLedeArticle(data)) return validateArticle(data);
  if (typeof data !== 'object' || data === null) throw unsupportedArticle(data);
  return import('./article-formats.js').then((formats) => formats.readArticle(data));
}
