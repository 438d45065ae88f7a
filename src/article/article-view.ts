/**
 * `<lede-article>`'s data path: reading article data (validation, and the schema.org/ninjs
 * mappers behind a further `import()`) and the templates that show it. Loaded only by elements
 * that get data: a server-rendered article upgrades without it. An element with no children
 * starts loading it as soon as it connects.
 */
import { html, render } from 'lit';
import type { Article, ArticleBlock, ImageRef, MediaBlock } from '../model.js';
import { readArticleLazily } from '../formats/load-article.js';
import { formatDate } from '../shared/format.js';
import { DropLog, type DroppedField } from '../shared/leniency.js';
import { listPeople } from '../shared/people.js';
import { safeUrl } from '../shared/url.js';
import type { ArticleMessages } from './messages.js';

export { blocksToText } from '../formats/article-data.js';

/** What reading each article left out, for the element to report once it has shown the article. */
const dropped = new WeakMap<Article, readonly DroppedField[]>();

/** Reads article data of any format leniently, noting what it leaves out (see `droppedFrom`). */
export function readArticleData(data: unknown): Article | Promise<Article> {
  const log = new DropLog();
  const noted = (article: Article) => {
    dropped.set(article, log.fields);
    return article;
  };
  const result = readArticleLazily(data, log);
  return result instanceof Promise ? result.then(noted) : noted(result);
}

/** The malformed optional fields reading `article` left out. */
export const droppedFrom = (article: Article): readonly DroppedField[] => dropped.get(article) ?? [];

const rtlLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** What the view needs from the element. */
export interface ViewOptions {
  locale: string;
  messages: ArticleMessages;
  /** The headline's level, 1 to 6; subheadings start one below it. */
  headingLevel: number;
}

/**
 * The article's header parts, each placed by the element into its slot as fallback content, and
 * its body. Built as plain elements once per article, heading level and locale: short static
 * parts cost a fraction of a template instance each, and Lit skips a node it already committed.
 */
export interface ArticleParts {
  lang?: string;
  dir?: 'rtl';
  kicker?: HTMLElement;
  headline: HTMLElement;
  dek?: HTMLElement;
  byline?: HTMLElement;
  dateline?: HTMLElement;
  dates?: HTMLElement;
  image?: HTMLElement;
  /** Emptied into the page when committed; the element drops it whenever it is not shown. */
  body?: DocumentFragment;
}

/** Parts built for one article, with what they were built from. */
export interface BuiltParts {
  article: Article;
  options: ViewOptions & { withBody: boolean };
  parts: ArticleParts;
}

/** The parts for `article`: `built` again when nothing they depend on changed, else built anew (without the body if the page has one). */
export function partsFor(built: BuiltParts | undefined, article: Article, options: BuiltParts['options']): BuiltParts {
  const same = built?.article === article && built.options.headingLevel === options.headingLevel && built.options.locale === options.locale;
  if (same && built.options.withBody === options.withBody) return built;
  return { article, options, parts: buildArticleParts(options.withBody ? article : { ...article, body: undefined }, options) };
}

/** Builds an article's parts from data. */
export function buildArticleParts(article: Article, options: ViewOptions): ArticleParts {
  const { language, kicker, dek, dateline, image, body } = article;
  const level = Math.min(6, Math.max(1, options.headingLevel));
  const img = image && imageElement(image, true);
  return {
    lang: language,
    dir: language && rtlLanguages.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : undefined,
    kicker: kicker ? element('p', kicker, 'kicker') : undefined,
    headline: element(`h${level}`, article.headline, 'headline'),
    dek: dek ? element('p', dek, 'dek') : undefined,
    byline: buildByline(article, options),
    dateline: dateline ? element('p', dateline, 'dateline') : undefined,
    dates: buildDates(article, options),
    image: img && parent('figure', 'lead-image', img),
    body: body && buildBody(body, level, !img),
  };
}

function buildByline(article: Article, { locale, messages }: ViewOptions): HTMLElement | undefined {
  const authors = article.authors ?? [];
  if (authors.length > 0) {
    // Linked names come from the helper the byline element shares.
    const byline = element('p', '', 'byline');
    render(html`${messages.by} ${listPeople(authors, locale)}`, byline);
    return byline;
  }
  if (!article.byline) return undefined;
  return element('p', /^by\s/i.test(article.byline) ? article.byline : `${messages.by} ${article.byline}`, 'byline');
}

function buildDates(article: Article, { locale, messages }: ViewOptions): HTMLElement | undefined {
  const { datePublished, dateModified } = article;
  const published = formatDate(datePublished, locale);
  const modified = dateModified !== datePublished ? formatDate(dateModified, locale) : undefined;
  if (!published && !modified) return undefined;
  const dates = element('p', '', 'date');
  if (published) dates.append(time(datePublished!, published));
  if (modified) dates.append(`${published ? ' · ' : ''}${messages.updated} `, time(dateModified!, modified));
  return dates;
}

function time(datetime: string, text: string): HTMLElement {
  const node = element('time', text);
  node.setAttribute('datetime', datetime);
  return node;
}

/** An element holding `children`. */
function parent(tag: string, className: string, ...children: Node[]): HTMLElement {
  const node = element(tag, '', className);
  node.append(...children);
  return node;
}

/** An element with text: the one way block text enters the page, as text and never as markup. */
function element(tag: string, text = '', className = ''): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * An image; the article's first (`first`) is likely the page's largest paint, so it loads at once
 * ahead of other images, and the rest wait until they near the viewport.
 */
function imageElement(image: ImageRef, first: boolean): HTMLImageElement | undefined {
  const url = safeUrl(image.url);
  if (!url) return undefined;
  const img = document.createElement('img');
  if (first) img.setAttribute('fetchpriority', 'high');
  img.loading = first ? 'eager' : 'lazy';
  img.decoding = 'async';
  img.src = url;
  img.alt = image.alt ?? '';
  if (image.width) img.width = image.width;
  if (image.height) img.height = image.height;
  return img;
}

/** A native player with its controls (keyboard-operable, labelled in the reader's language by the browser); none for a URL that is not http(s). */
function playerElement(block: MediaBlock): HTMLMediaElement[] {
  const url = safeUrl(block.url);
  if (!url) return [];
  const player = document.createElement(block.kind);
  player.controls = true;
  // Nothing downloads until the reader presses play: a clip can weigh gigabytes.
  player.preload = 'none';
  player.src = url;
  if (player instanceof HTMLVideoElement) {
    const poster = block.poster && safeUrl(block.poster.url);
    if (poster) player.poster = poster;
    if (block.width) player.width = block.width;
    if (block.height) player.height = block.height;
  }
  return [player];
}

/** `figure` with the block's caption and credit, when it has them. */
function captioned(figure: HTMLElement, block: { caption?: string; credit?: string }): HTMLElement {
  if (block.caption || block.credit) {
    const caption = element('figcaption', block.caption);
    if (block.credit) caption.append(element('span', block.credit, 'credit'));
    figure.append(caption);
  }
  return figure;
}

/** The body as one fragment of plain elements, which Lit commits as one part; `firstImage` when no lead image comes before it. */
function buildBody(blocks: readonly ArticleBlock[], headingLevel: number, firstImage: boolean): DocumentFragment {
  const body = document.createDocumentFragment();
  let first = firstImage;
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        body.append(element('p', block.text));
        break;
      case 'heading':
        body.append(element(`h${Math.min(6, Math.max(headingLevel + 1, block.level))}`, block.text));
        break;
      case 'quote': {
        const quote = element('blockquote');
        quote.append(element('p', block.text));
        if (block.cite) {
          const footer = element('footer', '— ');
          footer.append(element('cite', block.cite));
          quote.append(footer);
        }
        body.append(quote);
        break;
      }
      case 'figure': {
        const figure = element('figure');
        const img = imageElement(block.image, first);
        if (img) {
          figure.append(img);
          first = false;
        }
        body.append(captioned(figure, block));
        break;
      }
      case 'media':
        body.append(captioned(parent('figure', '', ...playerElement(block)), block));
        break;
      case 'list': {
        const list = element(block.ordered ? 'ol' : 'ul');
        for (const item of block.items) list.append(element('li', item));
        body.append(list);
        break;
      }
    }
  }
  return body;
}
