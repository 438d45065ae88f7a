// Render timing, run inside the bench page: each Lede element against plain DOM showing the same
// content, interleaved in one page so drift, throttling and noise hit both alike.
import { frames, untilShown } from './load.js';
import { moderationRenderer } from './moderation.js';

/**
 * How to render one kind of content: as the Lede element, and as the plain DOM a server would send
 * (same elements, same text, laid out by the same `lede.css` rules under `.plain-<name>`).
 * @typedef {object} Renderer
 * @property {(data: any) => HTMLElement} element Creates the configured, unattached element.
 * @property {(data: any) => HTMLElement} plain Builds the plain-DOM equivalent.
 * @property {(element: HTMLElement) => Promise<void>} [ready] For elements that load their content
 *   asynchronously: resolves when it is shown.
 * @property {(element: HTMLElement, data: any) => boolean} rendered Whether the element really
 *   showed the content, so a broken element cannot pass by rendering nothing quickly.
 */

/**
 * A backend in the page that answers at once with the given top-level comments: the render
 * figures measure the element, not a network or a server.
 * @param {import('../../src/model.ts').Comment[]} comments
 */
export function stubProvider(comments) {
  return { list: async () => ({ comments, nextCursor: null, total: comments.length }) };
}

/** @type {Record<string, Renderer>} */
const renderers = {
  'lede-article': {
    element({ article, attributes = [] }) {
      const element = /** @type {HTMLElement & { article: unknown }} */ (document.createElement('lede-article'));
      for (const name of attributes) element.setAttribute(name, '');
      element.article = article;
      return element;
    },
    plain: ({ article, readingTime }) => plainArticle(article, readingTime),
    rendered: (element, { article }) =>
      element.shadowRoot?.querySelectorAll('.body > :not(slot)').length === article.body.length && !!element.shadowRoot?.querySelector('.headline'),
  },
  'lede-byline': {
    element({ creditsText, source, dateline }) {
      const element = /** @type {HTMLElement & { creditsText: string, source: string, dateline: string }} */ (document.createElement('lede-byline'));
      Object.assign(element, { creditsText, source, dateline });
      return element;
    },
    plain: (data) => plainByline(data),
    rendered: (element) =>
      element.shadowRoot?.querySelector('.names')?.textContent?.includes('Michael Perry') === true && !!element.shadowRoot?.querySelector('.toggle'),
  },
  'lede-related': {
    element({ stories, layout }) {
      const element = /** @type {HTMLElement & { stories: unknown, max: number }} */ (document.createElement('lede-related'));
      element.setAttribute('layout', layout);
      element.max = stories.length;
      element.stories = stories;
      return element;
    },
    plain: ({ stories, layout }) => plainRelated(stories, layout),
    rendered: (element, { stories }) => element.shadowRoot?.querySelectorAll('a.title').length === stories.length,
  },
  'lede-comments': {
    element({ comments }) {
      const element = /** @type {HTMLElement & { provider: unknown }} */ (document.createElement('lede-comments'));
      element.setAttribute('thread', 'bench');
      element.setAttribute('page-size', String(comments.length));
      element.provider = stubProvider(comments);
      return element;
    },
    // The provider answers in a microtask; the thread is shown a few updates later.
    ready: (element) => untilShown(element, 'article'),
    plain: ({ comments }) => plainComments(comments),
    rendered: (element, { comments }) => element.shadowRoot?.querySelectorAll('article.comment').length === comments.length,
  },
  'lede-moderation': moderationRenderer,
};

const relativeTime = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * The same thread as a server would send it: the heading, the form, the count and sort bar, and
 * each comment with its name, time, text and buttons.
 * @param {import('../../src/model.ts').Comment[]} comments
 */
function plainComments(comments) {
  const root = document.createElement('section');
  root.className = 'plain-comments';
  /** @param {Element} parent @param {string} tag @param {string} [text] @param {Record<string, string>} [attributes] */
  const add = (parent, tag, text, attributes = {}) => {
    const element = document.createElement(tag);
    if (text) element.textContent = text;
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    parent.append(element);
    return element;
  };
  add(root, 'h2', 'Comments');
  const form = add(root, 'form');
  add(form, 'label', 'Name', { for: 'n' });
  add(form, 'input', '', { id: 'n', name: 'name' });
  add(form, 'label', 'Comment', { for: 'b' });
  add(form, 'textarea', '', { id: 'b', name: 'body', rows: '4' });
  add(form, 'p', '5,000 characters left');
  add(form, 'button', 'Post comment');
  const bar = add(root, 'div');
  add(bar, 'p', `${comments.length} comments`);
  const select = add(add(bar, 'label', 'Sort by'), 'select');
  for (const sort of ['Newest', 'Oldest', 'Top']) add(select, 'option', sort);
  for (const comment of comments) {
    const article = add(root, 'article');
    const meta = add(article, 'p');
    add(meta, 'strong', comment.author.name);
    add(meta, 'time', relativeTime.format(Math.round((Date.parse(comment.createdAt) - Date.now()) / 3600_000), 'hour'), { datetime: comment.createdAt });
    for (const paragraph of comment.body.split('\n\n')) add(article, 'p', paragraph);
    const actions = add(article, 'div');
    add(actions, 'button', '▲');
    add(actions, 'span', String(comment.score));
    for (const label of ['▼', 'Reply', 'Report']) add(actions, 'button', label);
  }
  return root;
}

/**
 * The stories as the server-rendered list `lede.css` lays out as cards: a heading and one link each.
 * @param {{ url: string, title: string }[]} stories
 * @param {string} layout
 */
function plainRelated(stories, layout) {
  const root = document.createElement('div');
  root.className = 'plain-related';
  root.setAttribute('layout', layout);
  const heading = document.createElement('h2');
  heading.slot = 'heading';
  heading.textContent = 'You may also like';
  const list = document.createElement('ul');
  for (const { url, title } of stories) {
    const link = document.createElement('a');
    link.href = url;
    link.textContent = title;
    list.append(document.createElement('li'));
    /** @type {HTMLElement} */ (list.lastChild).append(link);
  }
  root.append(heading, list);
  return root;
}

/**
 * What the byline shows for the seed, as plain elements: the names line with source, dateline and
 * the credits button. The element renders its full credits only when opened, so neither does this.
 * @param {{ source: string, dateline: string }} data
 */
function plainByline({ source, dateline }) {
  const root = document.createElement('div');
  root.className = 'plain-byline';
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  button.textContent = 'Full credits';
  root.append(`By Michael Perry and Angus MacSwan · ${source} · ${dateline} `, button);
  return root;
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * The article's visible content as plain elements: header parts, date with reading time, body.
 * @param {import('../../src/model.ts').Article} article
 * @param {string} readingTime As the element shows it ("3 min read"), worked out beforehand;
 *   empty when the element is told not to show it.
 */
function plainArticle(article, readingTime) {
  const root = document.createElement('div');
  root.className = 'plain-article';
  /** @param {string} tag @param {string} slot @param {string} text */
  const add = (tag, slot, text) => {
    const element = document.createElement(tag);
    if (slot) element.slot = slot;
    element.textContent = text;
    root.append(element);
    return element;
  };
  if (article.kicker) add('p', 'kicker', article.kicker);
  add('h1', 'headline', article.headline);
  if (article.dek) add('p', 'dek', article.dek);
  if (article.byline) add('p', 'byline', `By ${article.byline}`);
  if (article.datePublished) {
    const time = document.createElement('time');
    time.dateTime = article.datePublished;
    time.textContent = dateFormat.format(new Date(article.datePublished));
    add('p', 'date', '').append(time, readingTime ? ` · ${readingTime}` : '');
  }
  for (const block of article.body ?? []) {
    if (block.type === 'heading') add(`h${block.level}`, '', block.text);
    else if (block.type === 'quote') add('blockquote', '', block.text);
    else if (block.type === 'paragraph') add('p', '', block.text);
  }
  return root;
}

/**
 * Gives plain DOM the layout `lede.css` gives server-rendered content, by renaming its selector.
 * @param {string} cssUrl
 */
export async function installPlainStyles(cssUrl) {
  const css = await (await fetch(cssUrl)).text();
  const style = document.createElement('style');
  style.textContent = css.replaceAll(/lede-([a-z-]+):not\(:defined\)/g, '.plain-$1');
  document.head.append(style);
}

/**
 * Times one render: create, attach, wait for the element's first update, force style and layout.
 * The removal and its relayout happen after the clock stops.
 * @param {HTMLElement} stage
 * @param {() => HTMLElement} create
 * @param {(element: HTMLElement) => void} [inspect] Called on the rendered element before removal.
 * @param {(element: HTMLElement) => Promise<void>} [ready] Resolves when an element that loads its
 *   content asynchronously has shown it (by default, its first update).
 * @returns {Promise<number>} milliseconds
 */
async function timeRender(stage, create, inspect, ready) {
  /** @type {{ gc?: () => void }} */ (globalThis).gc?.();
  await frames(1);
  const start = performance.now();
  const element = /** @type {HTMLElement & { updateComplete?: Promise<unknown> }} */ (create());
  stage.append(element);
  await element.updateComplete;
  await ready?.(element);
  element.getBoundingClientRect();
  const elapsed = performance.now() - start;
  inspect?.(element);
  element.remove();
  void stage.offsetHeight;
  return elapsed;
}

/**
 * Renders `data` as the element and as plain DOM, alternately (ABBA order), `warmup` times
 * unrecorded and then `samples` times recorded.
 * @param {{ tag: string, data: any, warmup: number, samples: number }} options
 * @returns {Promise<{ element: number[], plain: number[], rendered: boolean }>} milliseconds per render
 */
export async function measureRender({ tag, data, warmup, samples }) {
  const renderer = renderers[tag];
  if (!renderer) throw new Error(`No renderer for <${tag}> in bench/page/render.js`);
  const stage = /** @type {HTMLElement} */ (document.getElementById('stage'));
  /** @type {{ element: number[], plain: number[], rendered: boolean }} */
  const times = { element: [], plain: [], rendered: true };
  const inspect = (/** @type {HTMLElement} */ element) => {
    times.rendered &&= renderer.rendered(element, data);
  };
  for (let index = 0; index < warmup + samples; index += 1) {
    /** @type {('element' | 'plain')[]} */
    const order = index % 2 === 0 ? ['element', 'plain'] : ['plain', 'element'];
    for (const kind of order) {
      const elapsed = await timeRender(
        stage,
        () => renderer[kind](data),
        kind === 'element' ? inspect : undefined,
        kind === 'element' ? renderer.ready : undefined,
      );
      if (index >= warmup) times[kind].push(elapsed);
    }
  }
  return times;
}
