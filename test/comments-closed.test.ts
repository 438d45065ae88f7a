// <lede-comments> on closed threads and with featured comments, against the reference server
// (test/support/comment-server.mjs): closed by a moderator through the admin API.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/comments.js';
import type { LedeComments } from '../src/comments.js';
import { $, $$, control, endpoint, newThread, onServer, root, waitUntil } from './support/comment-api.js';

const ADMIN_TOKEN = 'lede-test-admin-token-0123456789';
const seed = (thread: string, comments: { name: string; body: string; parent?: number }[]) => control<{ ids: string[] }>('seed', { thread, comments });
/** Closes or reopens a thread as a moderator does. */
const setClosed = async (thread: string, closed: boolean) => {
  const response = await fetch(`${endpoint}/admin/threads/${encodeURIComponent(thread)}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ closed }),
  });
  expect(response.status).to.equal(200);
};
const draftKey = (thread: string) => `lede-comments:draft:${thread}:`;

async function mount(thread: string, lang?: string): Promise<LedeComments> {
  const wrapper = await fixture<HTMLElement>(
    lang
      ? html`<div lang=${lang} dir="rtl"><lede-comments endpoint=${endpoint} thread=${thread}></lede-comments></div>`
      : html`<div><lede-comments endpoint=${endpoint} thread=${thread}></lede-comments></div>`,
  );
  const element = wrapper.querySelector('lede-comments')!;
  await waitUntil(() => $(element, '.bar p')?.textContent, 'the thread did not load', { timeout: 5000 });
  return element;
}

function clearStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('lede-comments:')) localStorage.removeItem(key);
}

before(async function () {
  this.timeout(60000);
  await control('reset');
});

describe('<lede-comments> on a closed thread', () => {
  beforeEach(async () => {
    clearStorage();
    await control('reset');
  });

  it('says comments are closed instead of its form, offers no replies, still counts votes, and passes axe', async () => {
    const thread = newThread();
    await seed(thread, [{ name: 'Ann', body: 'Before the close.' }]);
    await setClosed(thread, true);
    const element = await mount(thread);
    expect($(element, '.closed')!.textContent).to.equal('Comments are closed.');
    expect(!!$(element, 'form')).to.equal(false);
    expect(!!$(element, 'button.reply')).to.equal(false);
    $<HTMLButtonElement>(element, 'button[aria-label="Vote up"]')!.click();
    await waitUntil(() => $(element, '.score')!.textContent === '1', 'the vote did not count');
    expect((await onServer(thread)).comments[0]!.score).to.equal(1);
    await expect(element).to.be.accessible();
  });

  it('closed while the reader writes: the refused post says comments are closed and keeps the text', async () => {
    const thread = newThread();
    const element = await mount(thread);
    const name = $<HTMLInputElement>(element, '#name-top')!;
    const body = $<HTMLTextAreaElement>(element, '#body-top')!;
    name.value = 'Dana';
    name.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    body.value = 'Written as the thread closed.';
    body.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await setClosed(thread, true);
    $<HTMLButtonElement>(element, 'form button[type=submit]')!.click();
    await waitUntil(() => $(element, '.closed'), 'the element did not say the thread is closed');
    expect(!!$(element, 'form')).to.equal(false);
    expect(!!$(element, '.outbox')).to.equal(false);
    expect($(element, 'p.visually-hidden[role=status]')!.textContent).to.equal('Comments are closed.');
    expect(localStorage.getItem(draftKey(thread))).to.equal('"Written as the thread closed."');
    expect((await onServer(thread)).total).to.equal(0);

    // Reopened, the form comes back with the text in it.
    await setClosed(thread, false);
    element.remove();
    const reloaded = await mount(thread);
    expect($<HTMLTextAreaElement>(reloaded, '#body-top')!.value).to.equal('Written as the thread closed.');
    expect(!!root(reloaded).querySelector('.closed')).to.equal(false);
  });

  it('says so in Arabic, right to left, and passes axe', async () => {
    const thread = newThread();
    await seed(thread, [{ name: 'سارة', body: 'تعليق.' }]);
    await setClosed(thread, true);
    const element = await mount(thread, 'ar');
    expect($(element, '.closed')!.textContent).to.equal('التعليقات مغلقة.');
    const box = $(element, '.closed')!.getBoundingClientRect();
    expect(Math.round(element.getBoundingClientRect().right - box.right)).to.equal(0);
    await expect(element).to.be.accessible();
  });
});

describe('<lede-comments> with featured comments', () => {
  beforeEach(async () => {
    clearStorage();
    await control('reset');
  });
  afterEach(() => control('reset'));

  /** A page as a server with featured comments answers it (the proxy answers in its place). */
  const answerPage = (thread: string) =>
    control('fault', {
      mode: 'answer',
      method: 'GET',
      path: '/threads/',
      status: 200,
      body: {
        comments: ['c1', 'c2'].map((id, index) => ({
          id,
          threadId: thread,
          parentId: null,
          author: { name: `Reader ${index}` },
          body: `Comment ${index}.`,
          createdAt: new Date().toISOString(),
          editedAt: null,
          status: 'published',
          score: 0,
          replyCount: 0,
          ...(index === 0 ? { featured: true } : {}),
        })),
        nextCursor: null,
        total: 2,
      },
    });

  for (const [lang, badge] of [
    ['en', 'Featured'],
    ['ar', 'مميّز'],
  ] as const) {
    it(`badges a featured comment (${lang}), and passes axe`, async () => {
      const thread = newThread();
      await answerPage(thread);
      const element = await mount(thread, lang === 'en' ? undefined : lang);
      const comments = $$(element, 'article.comment');
      expect(comments.map((comment) => comment.querySelector('.badge.featured')?.textContent ?? '')).to.deep.equal([badge, '']);
      await expect(element).to.be.accessible();
    });
  }
});
