// The moderation console's render figure: `<lede-moderation>` showing a queue of held comments
// against the same queue built as plain DOM. The admin API is answered in the page (a fetch for
// `/bench-admin/…` resolves at once from memory), so the figure measures the element, not a server.

import { untilShown } from './load.js';
const base = '/bench-admin';
/** @type {{ comments: unknown[] } | undefined} */
let served;

/** Answers the console's requests under `base` from `served`; every other request goes out as usual. */
function installAdminStub() {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, location.href);
    if (!url.pathname.startsWith(`${base}/`)) return realFetch(input, init);
    const route = url.pathname.slice(base.length + 1);
    const body =
      route === 'comments'
        ? { comments: served?.comments ?? [], next: null, counts: { pending: served?.comments.length ?? 0 } }
        : route === 'config'
          ? { moderator: 'bench', rejectReasons: ['Spam', 'Off topic'] }
          : { error: { code: 'not_found', message: 'Not in the bench.' } };
    return new Response(JSON.stringify(body), { status: 'error' in body ? 404 : 200, headers: { 'Content-Type': 'application/json' } });
  };
}

/** @type {import('./render.js').Renderer} */
export const moderationRenderer = {
  element({ comments }) {
    if (!served) installAdminStub();
    served = { comments };
    const element = /** @type {HTMLElement & { token: string }} */ (document.createElement('lede-moderation'));
    element.setAttribute('src', base);
    element.setAttribute('page-size', String(comments.length));
    element.token = 'bench';
    return element;
  },
  // The queue arrives a few updates after the first: the session check, then the page.
  ready: (element) => untilShown(element, '[role=option]'),
  plain: ({ comments }) => plainQueue(comments),
  rendered: (element, { comments }) => element.shadowRoot?.querySelectorAll('[role=option]').length === comments.length,
};

/**
 * The same console as a server would send it: the title, the queue tabs, the filter form, the
 * list (name, date, excerpt and why it was held for each comment) and the first comment in detail
 * with its action buttons.
 * @param {{ id: string, author: { name: string }, body: string, createdAt: string, heldReason: string | null, reports: number }[]} comments
 */
function plainQueue(comments) {
  const root = document.createElement('div');
  /** @param {Element} parent @param {string} tag @param {string} [text] @param {Record<string, string>} [attributes] */
  const add = (parent, tag, text, attributes = {}) => {
    const element = document.createElement(tag);
    if (text) element.textContent = text;
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    parent.append(element);
    return element;
  };
  const header = add(root, 'header');
  add(header, 'h2', 'Moderation');
  add(header, 'button', 'Keyboard shortcuts');
  const tabs = add(root, 'div', '', { role: 'tablist' });
  for (const tab of ['Pending', 'Reported', 'Recently published', 'Rejected', 'All']) add(tabs, 'button', tab, { role: 'tab' });
  const form = add(root, 'form');
  for (const field of ['Search text and names', 'Thread', 'Author key']) add(add(form, 'label', field), 'input');
  for (const field of ['Held because', 'Order']) add(add(form, 'label', field), 'select');
  add(form, 'button', 'Apply');
  const columns = add(root, 'div');
  const list = add(columns, 'div', '', { role: 'listbox' });
  const date = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' });
  for (const comment of comments) {
    const option = add(list, 'div', '', { role: 'option', id: `comment-${comment.id}`, tabindex: '-1', 'aria-selected': 'false' });
    add(add(option, 'span'), 'bdi', comment.author.name);
    add(option, 'time', date.format(new Date(comment.createdAt)), { datetime: comment.createdAt });
    add(option, 'span', comment.body.length > 160 ? `${comment.body.slice(0, 160)}…` : comment.body);
    add(option, 'span', 'Banned words');
  }
  const detail = add(columns, 'section');
  const first = comments[0];
  if (first) {
    add(detail, 'strong', first.author.name);
    add(detail, 'p', first.body);
    for (const action of ['Approve', 'Reject', 'Delete', 'Select']) add(detail, 'button', action);
  }
  return root;
}
