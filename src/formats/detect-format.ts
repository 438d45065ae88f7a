/**
 * Which format article data is in. Loaded with the mappers and the JSON-LD writer, never with
 * `<lede-article>` itself: Lede's own JSON is recognised by `looksLikeLedeArticle` alone.
 * Pure: no DOM, runs in Node.
 * @module
 */
import { isObject } from '../shared/validate.js';
import { looksLikeLedeArticle } from './article-data.js';

/** The formats `readArticle` recognises. */
export type ArticleFormat = 'lede' | 'schema.org' | 'ninjs-3' | 'ninjs-2';

const articleTypes = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'BlogPosting',
  'LiveBlogPosting',
  'Report',
  'ScholarlyArticle',
  'TechArticle',
]);

/** True when a JSON-LD node (or one in its `@graph`) describes an article. */
export function isSchemaOrgArticle(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(isSchemaOrgArticle);
  if (!isObject(node)) return false;
  if (Array.isArray(node['@graph'])) return node['@graph'].some(isSchemaOrgArticle);
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((type) => typeof type === 'string' && articleTypes.has(type.replace(/^(https?:\/\/)?schema\.org\//, '')));
}

/** Which format a parsed JSON value is in, or undefined when it is none Lede reads. */
export function detectArticleFormat(data: unknown): ArticleFormat | undefined {
  return looksLikeLedeArticle(data) ? 'lede' : detectMappedFormat(data);
}

/** The format of data already known not to be Lede's own JSON. @internal */
export function detectMappedFormat(data: unknown): Exclude<ArticleFormat, 'lede'> | undefined {
  if (Array.isArray(data)) return data.some(isSchemaOrgArticle) ? 'schema.org' : undefined;
  if (!isObject(data)) return undefined;
  if ('@type' in data || '@context' in data || '@graph' in data) return isSchemaOrgArticle(data) ? 'schema.org' : undefined;
  return Array.isArray(data.headlines) || Array.isArray(data.bodies) || 'firstCreated' in data || 'versionCreated' in data ? 'ninjs-3' : 'ninjs-2';
}
