// <lede-comment-count> against the real reference server (test/support/comment-server.mjs).
import { expect, fixture, html } from '@open-wc/testing';
import '../src/comment-count.js';
import type { LedeCommentCount } from '../src/comment-count.js';
import type { LedeErrorEvent } from '../src/shared/events.js';
import { control, endpoint, newThread, waitUntil } from './support/comment-api.js';

const seed = (thread: string, count: number) =>
  control('seed', { thread, comments: Array.from({ length: count }, (_, index) => ({ name: `Reader ${index}`, body: `Comment ${index}.` })) });

/** The count requests this page made since `performance.clearResourceTimings()`. */
const countRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes(`${endpoint}/counts?`));

const link = (element: LedeCommentCount) => element.shadowRoot!.querySelector('a');
const shown = (element: LedeCommentCount) => link(element)?.textContent ?? '';

/** Count elements for `threads`, all created in one task, as a page's markup makes them. */
async function mount(threads: string[], attributes = ''): Promise<LedeCommentCount[]> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.innerHTML = threads
    .map((thread, index) => `<p><lede-comment-count endpoint="${endpoint}" thread="${thread}" ${attributes}>Comments</lede-comment-count> story ${index}</p>`)
    .join('');
  const elements = [...container.querySelectorAll('lede-comment-count')];
  await waitUntil(() => elements.every((element) => link(element)), 'the counts did not arrive', { timeout: 10000 });
  return elements;
}

before(async function () {
  this.timeout(60000);
  await control('reset');
});

describe('<lede-comment-count>', () => {
  beforeEach(async () => {
    await control('reset');
    performance.clearResourceTimings();
  });

  it('shows each thread’s published comments as a link to them, with English plurals, and passes axe', async () => {
    const [none, one, twelve] = [newThread(), newThread(), newThread()];
    await seed(one, 1);
    await seed(twelve, 12);
    const elements = await mount([none, one, twelve]);
    expect(elements.map(shown)).to.deep.equal(['0 comments', '1 comment', '12 comments']);
    expect(elements.map((element) => link(element)!.getAttribute('href'))).to.deep.equal(['#comments', '#comments', '#comments']);
    expect(countRequests()).to.have.length(1);
    await expect(elements[2]!.parentElement).to.be.accessible();
  });

  it('links where `href` says', async () => {
    const thread = newThread();
    const [element] = await mount([thread], 'href="/2026/story#comments"');
    expect(link(element!)!.getAttribute('href')).to.equal('/2026/story#comments');
  });

  it('asks for 100 counts in one request, and splits at the server’s limit of 100', async () => {
    const threads = Array.from({ length: 150 }, () => newThread());
    await seed(threads[0]!, 2);
    await seed(threads[149]!, 3);
    const elements = await mount(threads.slice(0, 100));
    expect(countRequests()).to.have.length(1);
    expect(shown(elements[0]!)).to.equal('2 comments');
    performance.clearResourceTimings();
    const more = await mount(threads.slice(50));
    // 50 were answered a moment ago; the other 50 in one request.
    expect(countRequests()).to.have.length(1);
    expect(shown(more[99]!)).to.equal('3 comments');
    performance.clearResourceTimings();
    const fresh = Array.from({ length: 150 }, () => newThread());
    await mount(fresh);
    expect(countRequests()).to.have.length(2);
  });

  it('reuses a count for a while: another element for the thread asks nothing', async () => {
    const thread = newThread();
    await seed(thread, 4);
    await mount([thread]);
    const [again] = await mount([thread]);
    expect(shown(again!)).to.equal('4 comments');
    expect(countRequests()).to.have.length(1);
  });

  it('keeps what the page put inside it, and reports why, when the count cannot be had', async () => {
    await control('fault', { mode: 'status', status: 503, path: '/counts', count: 1 });
    const element = document.createElement('lede-comment-count');
    element.endpoint = endpoint;
    element.thread = newThread();
    element.textContent = '7 comments';
    const failed = new Promise<LedeErrorEvent>((resolve) => element.addEventListener('lede-error', resolve, { once: true }));
    await fixture(element);
    expect((await failed).error.status).to.equal(503);
    await element.updateComplete;
    expect(!!link(element)).to.equal(false);
    expect(!!element.shadowRoot!.querySelector('slot')).to.equal(true);
    expect(element.textContent).to.equal('7 comments');
  });

  it('speaks Arabic right to left, with its six plural forms, and passes axe', async () => {
    const threads = [newThread(), newThread(), newThread(), newThread(), newThread()];
    await seed(threads[1]!, 1);
    await seed(threads[2]!, 2);
    await seed(threads[3]!, 3);
    await seed(threads[4]!, 11);
    const container = await fixture<HTMLDivElement>(html`<div lang="ar" dir="rtl"></div>`);
    container.innerHTML = threads.map((thread) => `<p><lede-comment-count endpoint="${endpoint}" thread="${thread}"></lede-comment-count></p>`).join('');
    const elements = [...container.querySelectorAll('lede-comment-count')];
    await waitUntil(() => elements.every((element) => link(element)), 'the counts did not arrive', { timeout: 10000 });
    const digits = (count: number) => new Intl.NumberFormat('ar').format(count);
    expect(elements.map(shown)).to.deep.equal(['لا تعليقات', 'تعليق واحد', 'تعليقان', `${digits(3)} تعليقات`, `${digits(11)} تعليقًا`]);
    const [first, last] = [elements[0]!.getBoundingClientRect(), container.getBoundingClientRect()];
    expect(Math.round(last.right - first.right)).to.equal(0, 'starts at the right edge');
    await expect(container).to.be.accessible();
  });
});
