// <lede-comments> against the reference server (test/support/comment-server.mjs), which lets
// browsers keep public reads a few seconds (Cache-Control, docs/caching.md): the element still
// shows the thread as the server has it now.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/comments.js';
import type { LedeComments } from '../src/comments.js';
import { $, $$, control, endpoint, newThread, waitUntil } from './support/comment-api.js';

const seed = (thread: string, comments: { name: string; body: string }[]) => control<{ ids: string[] }>('seed', { thread, comments });
const bodies = (element: Element) => $$(element, 'article.comment').map((article) => article.querySelector('p:not(.meta)')?.textContent ?? '');

async function mount(thread: string): Promise<LedeComments> {
  const element = await fixture<LedeComments>(html`<lede-comments endpoint=${endpoint} thread=${thread}></lede-comments>`);
  await waitUntil(() => !$(element, '.muted[role=status]') && $$(element, 'article.comment').length > 0, 'the thread did not load', { timeout: 5000 });
  return element;
}

before(async function () {
  this.timeout(60000);
  await control('reset');
});

describe('<lede-comments> and the browser cache', () => {
  it('reads a thread again as it is now, within the seconds a browser may keep the last answer', async () => {
    const thread = newThread();
    await seed(thread, [{ name: 'Ann', body: 'The first comment.' }]);
    const first = await mount(thread);
    expect(bodies(first).join('|')).to.equal('The first comment.');
    first.remove();
    await seed(thread, [{ name: 'Bo', body: 'The second comment.' }]);
    const again = await mount(thread);
    expect(bodies(again).join('|')).to.equal('The second comment.|The first comment.');
  });
});
