/**
 * Which format article data is in. Loaded with the mappers and the JSON-LD writer, never with
 * `<lede-article>` itself: Lede's own JSON is recognised by `looksLikeLedeArticle` alone.
 * Pure: no DOM, runs in Node.
 * @module
 */
import { isObject, type Json } from '../shared/validate.js';
import { looksLikeLedeArticle } from './article-data.js';

/** The formats `readArticle` recognises. */
export type ArticleFormat = 'lede' | 'schema.org' | 'ninjs-3' | 'ninjs-2';

/** schema.org's `Article` and every subtype of it. */
const articleTypes = new Set([
  'Article',
  'AdvertiserContentArticle',
  'NewsArticle',
  'AnalysisNewsArticle',
  'AskPublicNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReportageNewsArticle',
  'ReviewNewsArticle',
  'Report',
  'SatiricalArticle',
  'ScholarlyArticle',
  'MedicalScholarlyArticle',
  'SocialMediaPosting',
  'BlogPosting',
  'LiveBlogPosting',
  'DiscussionForumPosting',
  'TechArticle',
  'APIReference',
]);

/** True for a node whose `@type` (one or several, bare or as a schema.org IRI) is an article type. */
export function isArticleNode(node: unknown): node is Json {
  if (!isObject(node)) return false;
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((type) => typeof type === 'string' && articleTypes.has(type.replace(/^(?:(?:https?:\/\/)?schema\.org\/|schema:)/, '')));
}

/**
 * The nodes a page's JSON-LD may describe its article with: each block (one, or an array of the
 * page's blocks), each node of its `@graph`, and a web page's `mainEntity`. One level of each, so
 * deeply nested input costs no recursion.
 */
export function topNodes(data: unknown): Json[] {
  const nodes: Json[] = [];
  const add = (node: unknown) => {
    if (!isObject(node)) return;
    nodes.push(node);
    if (isObject(node.mainEntity)) nodes.push(node.mainEntity);
  };
  for (const block of Array.isArray(data) ? data : [data]) {
    add(block);
    if (isObject(block) && Array.isArray(block['@graph'])) for (const node of block['@graph']) add(node);
  }
  return nodes;
}

/** True when a JSON-LD block (or one in its `@graph`, or one of several blocks) describes an article. */
export function isSchemaOrgArticle(data: unknown): boolean {
  return topNodes(data).some(isArticleNode);
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
