import { expect, fixture, html } from '@open-wc/testing';
import '../src/comments.js';
import type { LedeComments } from '../src/comments.js';
import { $, $$, control, endpoint, newThread, onServer, waitUntil } from './support/comment-api.js';

// Its own page: nothing else here loads the thread module, so whether it was fetched shows.
const viewFetched = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('comments-view'));

/** A `<lede-comments>` below a page of text much taller than the viewport. */
async function farBelow(thread: string): Promise<LedeComments> {
  scrollTo(0, 0);
  const page = await fixture<HTMLElement>(
    html`<div><div style="height: ${innerHeight + 4000}px"></div><lede-comments endpoint=${endpoint} thread=${thread}></lede-comments></div>`,
  );
  const element = page.querySelector('lede-comments')!;
  await element.updateComplete;
  return element;
}

describe('<lede-comments> loads its thread and form when needed', () => {
  // Starts this page's own server: a real process, slower to start while three browsers run.
  before(async function () {
    this.timeout(60000);
    await control('reset');
  });

  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('lede-comments:')) localStorage.removeItem(key);
  });

  it('far below the viewport shows only a skeleton that reserves space, and loads when scrolled within reach', async () => {
    const element = await farBelow(newThread());
    expect(viewFetched(), 'the thread module was fetched for a thread far away').to.equal(false);
    expect($(element, 'form')).to.equal(null);
    expect(element.getBoundingClientRect().height).to.be.greaterThan(300);
    await expect(element).to.be.accessible();
    // Still 500px below the bottom of the viewport: within the 1000px of reach.
    scrollTo(0, element.getBoundingClientRect().top + scrollY - innerHeight - 500);
    // The thread module is compiled on first request by the test server: give it time under load.
    await waitUntil(() => $(element, 'form'), 'the thread did not load when scrolled near', { timeout: 8000 });
    expect(viewFetched()).to.equal(true);
    await element.updateComplete;
    expect($(element, '.skeleton')).to.equal(null);
  });

  it('loads at once, far below, when a comment waits in the outbox, and sends it', async () => {
    const thread = newThread();
    const entry = {
      key: `lazy-${thread}`,
      comment: { author: { name: 'Dana' }, body: 'Queued before the reload.', parentId: null, website: '', startedAt: Date.now() - 60_000 },
      attempts: 1,
      retryAt: 0,
    };
    localStorage.setItem(`lede-comments:outbox:${thread}`, JSON.stringify([entry]));
    const element = await farBelow(thread);
    expect(scrollY).to.equal(0);
    await waitUntil(
      () => $$(element, 'article.comment').some((comment) => comment.textContent!.includes('Queued before the reload.')),
      'the queued comment was not sent',
    );
    expect($$(element, '.outbox .unsent')).to.have.length(0);
    expect(localStorage.getItem(`lede-comments:outbox:${thread}`)).to.equal(null);
    const stored = await onServer(thread);
    expect(stored.total).to.equal(1);
    expect(stored.comments[0]!.body).to.equal('Queued before the reload.');
  });

  it('loads at once, far below, when a draft waits, and gives it back', async () => {
    const thread = newThread();
    localStorage.setItem(`lede-comments:draft:${thread}:`, JSON.stringify('Half a thought'));
    const element = await farBelow(thread);
    expect(scrollY).to.equal(0);
    expect($<HTMLTextAreaElement>(element, 'textarea[name=body]')?.value).to.equal('Half a thought');
  });

  it('loads at once with loading="eager"', async () => {
    scrollTo(0, 0);
    const page = await fixture<HTMLElement>(
      html`<div><div style="height: ${innerHeight + 4000}px"></div><lede-comments loading="eager" endpoint=${endpoint} thread=${newThread()}></lede-comments></div>`,
    );
    const element = page.querySelector('lede-comments')!;
    await element.updateComplete;
    expect($(element, 'form')).to.exist;
  });
});
