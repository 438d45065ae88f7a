// <lede-comments> live against the reference server, end to end: the server's own stream
// (GET /api/threads/:id/events, through the test comment server's proxy) while other readers post
// and reply on the server. The element's live behaviour in detail is in comments-live.test.ts.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/comments.js';
import type { LedeComments } from '../src/comments.js';
import { $, $$, control, endpoint, newThread, waitUntil } from './support/comment-api.js';

const seed = (thread: string, comments: { name: string; body: string; parent?: number }[]) => control<{ ids: string[] }>('seed', { thread, comments });
const bodies = (element: Element) => $$(element, 'article.comment:not(.deleted)').map((article) => article.querySelector('p:not(.meta)')?.textContent ?? '');
const article = (element: Element, body: string) => $$(element, 'article.comment').find((each) => each.textContent!.includes(body));

/** The page's event streams, so a test starts posting once the element's stream is open (the real EventSource, only counted). */
const streams: EventSource[] = [];
const NativeEventSource = window.EventSource;
before(async function () {
  this.timeout(60000);
  window.EventSource = class extends NativeEventSource {
    constructor(...args: ConstructorParameters<typeof EventSource>) {
      super(...args);
      streams.push(this);
    }
  };
  await control('reset');
});
after(() => {
  window.EventSource = NativeEventSource;
});

async function mount(thread: string): Promise<LedeComments> {
  const wrapper = await fixture<HTMLElement>(html`<div><lede-comments live endpoint=${endpoint} thread=${thread}></lede-comments></div>`);
  const element = wrapper.querySelector('lede-comments')!;
  await waitUntil(() => $(element, '.bar p')?.textContent, 'the thread did not load', { timeout: 5000 });
  const url = `/threads/${encodeURIComponent(thread)}/events`;
  await waitUntil(() => streams.some((stream) => stream.url.includes(url) && stream.readyState === EventSource.OPEN), 'the stream did not open', {
    timeout: 5000,
  });
  return element;
}

describe('<lede-comments> live against the reference server', function () {
  this.timeout(30000);

  it('holds another reader’s new comment behind the button and shows their reply in place, marked new', async () => {
    const thread = newThread();
    await seed(thread, [{ name: 'Ana', body: 'First, from the server.' }]);
    const element = await mount(thread);
    try {
      expect(bodies(element)).to.deep.equal(['First, from the server.']);
      await seed(thread, [{ name: 'Ben', body: 'Second, while you read.' }]);
      await waitUntil(() => $(element, 'button.new-comments')?.textContent === '1 new comment', 'no "1 new comment" button');
      expect(bodies(element), 'nothing moves before the reader asks').to.deep.equal(['First, from the server.']);
      $<HTMLButtonElement>(element, 'button.new-comments')!.click();
      await waitUntil(() => bodies(element).length === 2, 'the new comment did not show');
      expect(bodies(element)).to.deep.equal(['Second, while you read.', 'First, from the server.']);

      const first = article(element, 'First, from the server.')!.closest('[data-id]')!.getAttribute('data-id')!;
      const response = await fetch(`${endpoint}/threads/${encodeURIComponent(thread)}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ author: { name: 'Cy' }, body: 'A reply, live.', parentId: first, startedAt: 0 }),
      });
      expect(response.status).to.equal(201);
      await waitUntil(() => article(element, 'A reply, live.'), 'the reply did not appear in place');
      expect(article(element, 'A reply, live.')!.classList.contains('new')).to.equal(true);
    } finally {
      element.remove();
    }
  });

  it('misses nothing posted between reading the thread and opening the stream: the stream starts where the page was read', async () => {
    const thread = newThread();
    await seed(thread, [{ name: 'Ana', body: 'Before the page.' }]);
    // The stream reaches the server two seconds late; meanwhile another reader posts.
    await control('fault', { mode: 'slow', delay: 2000, count: 1, path: `/threads/${thread}/events` });
    const wrapper = await fixture<HTMLElement>(html`<div><lede-comments live endpoint=${endpoint} thread=${thread}></lede-comments></div>`);
    const element = wrapper.querySelector('lede-comments')!;
    try {
      await waitUntil(() => bodies(element).length === 1, 'the thread did not load', { timeout: 5000 });
      await seed(thread, [{ name: 'Ben', body: 'Posted in the gap.' }]);
      await waitUntil(() => $(element, 'button.new-comments')?.textContent === '1 new comment', 'the comment posted in the gap never came', { timeout: 10000 });
      expect(bodies(element)).to.deep.equal(['Before the page.']);
    } finally {
      element.remove();
      await control('fault', { mode: 'none' });
    }
  });
});
