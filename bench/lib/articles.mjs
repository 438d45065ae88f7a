// The articles the bench renders: the seed article as the package's own importer reads it, a long
// article built from the seed's paragraphs, and the server-rendered markup of an article.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** @typedef {import('../../src/model.ts').Article} Article */

/**
 * The seed article, parsed by the built `lede-elements/article-text.js` exactly as a site would.
 * @param {string} root
 * @returns {Promise<Article>}
 */
export async function seedArticle(root) {
  const { parseArticleText } = await import(pathToFileURL(resolve(root, 'dist/article-text.js')).href);
  return parseArticleText(await readFile(join(root, 'demo/content/seed-article.txt'), 'utf8'));
}

/**
 * The seed's header with `count` body paragraphs, cycling through the seed's own paragraphs so
 * the text has real lengths and words.
 * @param {Article} seed
 * @param {number} count
 * @returns {Article}
 */
export function longArticle(seed, count) {
  const texts = (seed.body ?? []).flatMap((block) => ('text' in block ? [block.text] : []));
  if (texts.length === 0) throw new Error('The seed article has no paragraphs to repeat.');
  const body = Array.from({ length: count }, (_, index) => ({ type: /** @type {const} */ ('paragraph'), text: texts[index % texts.length] ?? '' }));
  return { ...seed, body };
}

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);
}

/**
 * The article as a server would render it inside `<lede-article>`: header parts in named slots,
 * body blocks as plain children (the markup `lede.css` lays out before the upgrade).
 * @param {Article} article
 * @returns {string}
 */
export function lightDomHtml(article) {
  const parts = [];
  if (article.kicker) parts.push(`<p slot="kicker">${escapeHtml(article.kicker)}</p>`);
  parts.push(`<h1 slot="headline">${escapeHtml(article.headline)}</h1>`);
  if (article.dek) parts.push(`<p slot="dek">${escapeHtml(article.dek)}</p>`);
  if (article.byline) parts.push(`<p slot="byline">By ${escapeHtml(article.byline)}</p>`);
  if (article.datePublished) {
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(article.datePublished));
    parts.push(`<p slot="date"><time datetime="${escapeHtml(article.datePublished)}">${escapeHtml(date)}</time></p>`);
  }
  for (const block of article.body ?? []) {
    if (block.type === 'heading') parts.push(`<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`);
    else if (block.type === 'quote') parts.push(`<blockquote><p>${escapeHtml(block.text)}</p></blockquote>`);
    else if (block.type === 'paragraph') parts.push(`<p>${escapeHtml(block.text)}</p>`);
  }
  return parts.join('\n');
}
