/**
 * `<lede-article>`'s data path: reading article data (validation, and the schema.org/ninjs
 * mappers behind a further `import()`) and the templates that show it. Loaded only by elements
 * that get data: a server-rendered article upgrades without it. An element with no children
 * starts loading it as soon as it connects.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { literal, html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { Article, ArticleBlock, ImageRef } from '../model.js';
import { formatDate } from '../shared/format.js';
import { listPeople } from '../shared/people.js';
import { safeUrl } from '../shared/url.js';
import type { ArticleMessages } from './messages.js';

export { blocksToText, readArticleLazily as readArticleData } from '../parsers/article-data.js';

const headingTags: StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

const rtlLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** What the templates need from the element. */
export interface ViewOptions {
  locale: string;
  messages: ArticleMessages;
  /** The headline's level, 1 to 6; subheadings start one below it. */
  headingLevel: number;
}

/** The article's parts, each placed by the element into its slot as fallback content. */
export interface ArticleParts {
  lang?: string;
  dir?: 'rtl';
  kicker: unknown;
  headline: unknown;
  dek: unknown;
  byline: unknown;
  dateline: unknown;
  dates: unknown;
  image: unknown;
}

/** Renders an article's parts from data. */
export function renderArticleParts(article: Article, options: ViewOptions): ArticleParts {
  const language = article.language;
  return {
    lang: language,
    dir: language && rtlLanguages.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : undefined,
    kicker: article.kicker ? html`<p class="kicker">${article.kicker}</p>` : nothing,
    headline: renderHeadline(options.headingLevel, article.headline),
    dek: article.dek ? html`<p class="dek">${article.dek}</p>` : nothing,
    byline: renderByline(article, options),
    dateline: article.dateline ? html`<p class="dateline">${article.dateline}</p>` : nothing,
    dates: renderDates(article, options),
    image: article.image ? renderImage(article.image, 'lead-image') : nothing,
  };
}

function renderHeadline(level: number, text: string): TemplateResult {
  const tag = headingTags[Math.min(6, Math.max(1, level)) - 1]!;
  return staticHtml`<${tag} class="headline">${text}</${tag}>`;
}

function renderByline(article: Article, { locale, messages }: ViewOptions): TemplateResult | typeof nothing {
  const authors = article.authors ?? [];
  if (authors.length > 0) {
    return html`<p class="byline">${messages.by} ${listPeople(authors, locale)}</p>`;
  }
  if (!article.byline) return nothing;
  return html`<p class="byline">${/^by\s/i.test(article.byline) ? article.byline : `${messages.by} ${article.byline}`}</p>`;
}

function renderDates(article: Article, { locale, messages }: ViewOptions): TemplateResult | typeof nothing {
  const published = formatDate(article.datePublished, locale);
  const modified = article.dateModified !== article.datePublished ? formatDate(article.dateModified, locale) : undefined;
  if (!published && !modified) return nothing;
  return html`<p class="date">
    ${published ? html`<time datetime=${article.datePublished!}>${published}</time>` : nothing}
    ${modified ? html`${published ? ' · ' : ''}${messages.updated} <time datetime=${article.dateModified!}>${modified}</time>` : nothing}
  </p>`;
}

function renderImage(image: ImageRef, className: string): TemplateResult | typeof nothing {
  const url = safeUrl(image.url);
  if (!url) return nothing;
  return html`<figure class=${className}>
    <img src=${url} alt=${image.alt ?? ''} width=${ifDefined(image.width)} height=${ifDefined(image.height)} loading="lazy" decoding="async" />
  </figure>`;
}

/** An element with text: the one way block text enters the page, as text and never as markup. */
function element(tag: string, text = '', className = ''): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

function imageElement(image: ImageRef): HTMLImageElement | undefined {
  const url = safeUrl(image.url);
  if (!url) return undefined;
  const img = document.createElement('img');
  img.src = url;
  img.alt = image.alt ?? '';
  if (image.width) img.width = image.width;
  if (image.height) img.height = image.height;
  img.loading = 'lazy';
  img.decoding = 'async';
  return img;
}

/**
 * The body as one fragment of plain elements. A body is many short, static blocks: building them
 * directly costs a fraction of a template instance each, and Lit commits the fragment as one part.
 */
export function renderBody(blocks: readonly ArticleBlock[], headingLevel: number): DocumentFragment {
  const body = document.createDocumentFragment();
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
        const img = imageElement(block.image);
        if (img) figure.append(img);
        if (block.caption || block.credit) {
          const caption = element('figcaption', block.caption);
          if (block.credit) caption.append(element('span', block.credit, 'credit'));
          figure.append(caption);
        }
        body.append(figure);
        break;
      }
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
