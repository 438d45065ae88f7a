// <lede-comments> with the site's sign-in (issue 16). The reference server on this branch does not
// verify tokens yet, so what it will answer (GET /me, authors with id/verified/role, edits and
// deletes by identity, /moderate, a moderator's list, token errors) comes from canned answers of the
// test comment server (`control('answers')`, marked CANNED below); posts, votes and reports reach
// the real server, and the request log shows what the element sent.
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/comments.js';
import type { LedeComments, LedeSignInRequestedEvent, Reader } from '../src/comments.js';
import type { Comment } from '../src/model.js';
import { $, $$, control, endpoint, newThread, onServer, waitUntil } from './support/comment-api.js';

type Canned = { method?: string; path: string; status?: number; body: unknown; count?: number };
type Seen = { method: string; path: string; authorization?: string };

/** CANNED: answers the real server on this branch cannot give yet. */
const answer = (...answers: Canned[]) => control('answers', { answers });
const requests = () => control<Seen[]>('requests');

/** Stand-ins for site tokens: the server on this branch never reads them, the canned answers ignore them. */
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZWFkZXItMSJ9.c2lnbmF0dXJl';
const FRESH = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZWFkZXItMSIsImZyZXNoIjp0cnVlfQ.c2lnbmF0dXJl';

const reader = (extra: Partial<Reader> = {}): Reader => ({ id: 'reader-1', name: 'Rania Reader', moderator: false, editWindowSeconds: 900, ...extra });
const tokenError = (code: string) => ({ status: 401, body: { error: { code, message: `Server says ${code}.` } } });

let ids = 0;
function comment(thread: string, extra: Partial<Comment> & { author?: Record<string, unknown> } = {}): Comment {
  ids += 1;
  return {
    id: `c${ids}`,
    threadId: thread,
    parentId: null,
    author: { name: `Author ${ids}` },
    body: `Comment ${ids}.`,
    createdAt: new Date().toISOString(),
    editedAt: null,
    status: 'published',
    score: 0,
    replyCount: 0,
    ...extra,
  } as Comment;
}
const page = (comments: Comment[], extra: object = {}) => ({ comments, nextCursor: null, total: comments.length, ...extra });

async function mount(thread: string, setup: (element: LedeComments) => void = () => {}, wrapper?: HTMLElement): Promise<LedeComments> {
  const element = document.createElement('lede-comments');
  element.setAttribute('endpoint', endpoint);
  element.setAttribute('thread', thread);
  setup(element);
  if (wrapper) {
    wrapper.append(element);
    await fixture(wrapper);
  } else await fixture(element);
  await waitUntil(() => $(element, 'section:not([aria-busy])') && !$(element, '.muted[role=status]'), 'the thread did not load');
  return element;
}

const card = (element: LedeComments, id: string) => $(element, `[data-id="${id}"]`)!;

async function type(element: LedeComments, body: string): Promise<void> {
  const field = $<HTMLTextAreaElement>(element, 'form [name=body]')!;
  field.value = body;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}

before(async function () {
  this.timeout(60000);
  await control('reset');
});

describe('<lede-comments> with a sign-in', () => {
  beforeEach(async () => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('lede-comments:')) localStorage.removeItem(key);
    await control('reset');
  });

  it('locks the signed-in name, says who is signed in, and posts with the token as Bearer', async () => {
    const thread = newThread();
    await answer({ method: 'GET', path: '/me', body: reader() }); // CANNED: GET /me
    const element = await mount(thread, (element) => (element.token = TOKEN));
    await waitUntil(() => $(element, '.signed-in'), 'the reader was not shown as signed in');
    const name = $<HTMLInputElement>(element, 'form [name=name]')!;
    expect(name.readOnly).to.equal(true);
    expect(name.value).to.equal('Rania Reader');
    expect($(element, '.signed-in')!.textContent).to.equal('Signed in as \u2068Rania Reader\u2069');
    expect(name.getAttribute('aria-describedby')).to.equal($(element, '.signed-in')!.id);
    await expect(element).to.be.accessible();

    await type(element, 'Signed and sent.');
    $<HTMLButtonElement>(element, 'form button[type=submit]')!.click();
    await waitUntil(async () => (await onServer(thread)).total === 1, 'the comment did not reach the server');
    const post = (await requests()).find((request) => request.method === 'POST' && request.path.includes('/comments'));
    expect(post?.authorization).to.equal(`Bearer ${TOKEN}`);
    const me = (await requests()).find((request) => request.path.endsWith('/me'));
    expect(me?.authorization).to.equal(`Bearer ${TOKEN}`);
    // Reads stay anonymous (cacheable) for a reader who is not a moderator.
    const list = (await requests()).find((request) => request.method === 'GET' && request.path.includes('/threads/'));
    expect(list?.authorization).to.equal(undefined);
  });

  it('asks the token callback before each write, so the site can refresh it', async () => {
    const thread = newThread();
    await answer({ method: 'GET', path: '/me', body: reader() }); // CANNED: GET /me
    let calls = 0;
    const element = await mount(thread, (element) => (element.tokenProvider = async () => (++calls > 1 ? FRESH : TOKEN)));
    await waitUntil(() => $(element, '.signed-in'));
    await type(element, 'With a refreshed token.');
    $<HTMLButtonElement>(element, 'form button[type=submit]')!.click();
    await waitUntil(async () => (await onServer(thread)).total === 1);
    const post = (await requests()).find((request) => request.method === 'POST');
    expect(post?.authorization).to.equal(`Bearer ${FRESH}`);
  });

  it('marks verified authors and staff roles, with names assistive technology reads, in English and in Arabic', async () => {
    const thread = newThread();
    const verified = comment(thread, { author: { name: 'Vera', id: 'v', verified: true } });
    const journalist = comment(thread, { author: { name: 'Jo', id: 'j', verified: true, role: 'journalist' } });
    const unknown = comment(thread, { author: { name: 'Una', role: 'editor-in-chief' } });
    await answer({ method: 'GET', path: '/comments?', body: page([verified, journalist, unknown]) }); // CANNED: author fields
    const element = await mount(thread);
    const mark = card(element, verified.id).querySelector('[part=verified]')!;
    expect(mark.getAttribute('role')).to.equal('img');
    expect(mark.getAttribute('aria-label')).to.equal('Verified account');
    expect(card(element, verified.id).querySelector('[part=role-badge]')).to.equal(null);
    const badge = card(element, journalist.id).querySelector<HTMLElement>('[part=role-badge]')!;
    expect(badge.textContent).to.equal('Journalist');
    expect(badge.dataset.role).to.equal('journalist');
    expect(card(element, unknown.id).querySelector('[part=role-badge], [part=verified]') === null).to.equal(true);
    await expect(element).to.be.accessible();

    const wrapper = document.createElement('div');
    Object.assign(wrapper, { lang: 'ar', dir: 'rtl' });
    const arabic = await mount(thread, () => {}, wrapper);
    await waitUntil(() => card(arabic, journalist.id)?.querySelector('[part=role-badge]')?.textContent === 'صحفي', 'no Arabic badge');
    expect(card(arabic, verified.id).querySelector('[part=verified]')!.getAttribute('aria-label')).to.equal('حساب موثّق');
    expect(getComputedStyle(card(arabic, journalist.id)).direction).to.equal('rtl');
    await expect(arabic).to.be.accessible();
  });

  it('themes the marks through --lede-color-verified and --lede-color-staff', async () => {
    const thread = newThread();
    await answer({ method: 'GET', path: '/comments?', body: page([comment(thread, { author: { name: 'Mo', id: 'm', verified: true, role: 'moderator' } })]) }); // CANNED
    const element = await mount(thread, (element) => element.setAttribute('style', '--lede-color-verified: rgb(1, 2, 3); --lede-color-staff: rgb(4, 5, 6)'));
    expect(getComputedStyle($(element, '[part=verified]')!).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle($(element, '[part=role-badge]')!).color).to.equal('rgb(4, 5, 6)');
  });

  it('lets the signed-in author edit and delete their own comments by identity, with no edit token, while the window lasts', async () => {
    const thread = newThread();
    const own = comment(thread, { author: { name: 'Rania Reader', id: 'reader-1', verified: true } });
    const old = comment(thread, { author: { name: 'Rania Reader', id: 'reader-1', verified: true }, createdAt: new Date(Date.now() - 3600_000).toISOString() });
    const other = comment(thread, { author: { name: 'Someone', id: 'someone-else', verified: true } });
    await answer(
      { method: 'GET', path: '/me', body: reader() }, // CANNED: GET /me
      { method: 'GET', path: '/comments?', body: page([own, old, other]) }, // CANNED: author ids
      { method: 'PATCH', path: `/comments/${own.id}`, body: { comment: { ...own, body: 'Edited by identity.', editedAt: new Date().toISOString() } } }, // CANNED: PATCH by identity
      { method: 'DELETE', path: `/comments/${own.id}`, status: 204, body: null }, // CANNED: DELETE by identity
    );
    const element = await mount(thread, (element) => (element.token = TOKEN));
    await waitUntil(() => card(element, own.id).querySelector('.edit'), 'no edit button on the reader’s own comment');
    expect(card(element, old.id).querySelector('.edit, .delete') === null).to.equal(true);
    expect(card(element, other.id).querySelector('.edit, .delete') === null).to.equal(true);

    card(element, own.id).querySelector<HTMLButtonElement>('.edit')!.click();
    await element.updateComplete;
    const field = card(element, own.id).querySelector<HTMLInputElement>('[name=text]')!;
    field.value = 'Edited by identity.';
    card(element, own.id).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => card(element, own.id).textContent!.includes('Edited by identity.'), 'the edit did not show');
    card(element, own.id).querySelector<HTMLButtonElement>('.delete')!.click();
    await element.updateComplete;
    card(element, own.id).querySelector<HTMLButtonElement>('.confirm')!.click();
    await waitUntil(() => !$(element, `[data-id="${own.id}"]`), 'the comment was not deleted');
    const writes = (await requests()).filter((request) => request.method === 'PATCH' || request.method === 'DELETE');
    expect(writes.map((request) => `${request.method} ${request.authorization}`)).to.deep.equal([`PATCH Bearer ${TOKEN}`, `DELETE Bearer ${TOKEN}`]);
  });

  it('shows a moderator the held comments with approve, reject and feature buttons that work', async () => {
    const thread = newThread();
    const held = comment(thread, { status: 'pending', author: { name: 'Held' } });
    const published = comment(thread, { author: { name: 'Pub' } });
    const doomed = comment(thread, { author: { name: 'Doomed' } });
    await answer(
      { method: 'GET', path: '/me', body: reader({ moderator: true, role: 'moderator' }) }, // CANNED: GET /me
      { method: 'GET', path: '/comments?', body: page([held, published, doomed]) }, // CANNED: a moderator's list
      { method: 'POST', path: '/moderate', body: {} }, // CANNED: POST /comments/:id/moderate
    );
    const element = await mount(thread, (element) => (element.token = TOKEN));
    await waitUntil(() => card(element, held.id)?.querySelector('.moderate-approve'), 'no approve button');
    expect($$(element, `[data-id="${published.id}"] [part=moderation] button`).map((button) => button.textContent)).to.deep.equal(['Reject', 'Feature']);
    await expect(element).to.be.accessible();

    // By keyboard: Tab reaches the button, Enter presses it.
    card(element, held.id).querySelector<HTMLButtonElement>('.moderate-approve')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !card(element, held.id).querySelector('.badge:not(.featured):not(.role)'), 'the held comment still shows as pending');
    card(element, published.id).querySelector<HTMLButtonElement>('.moderate-feature')!.click();
    await waitUntil(() => card(element, published.id).querySelector('.badge.featured'), 'not featured');
    expect(card(element, published.id).querySelector('.moderate-unfeature')!.textContent).to.equal('Unfeature');
    card(element, doomed.id).querySelector<HTMLButtonElement>('.moderate-reject')!.click();
    await waitUntil(() => !$(element, `[data-id="${doomed.id}"]`), 'the rejected comment stayed');

    const seen = await requests();
    const list = seen.find((request) => request.method === 'GET' && request.path.includes('/threads/') && request.authorization);
    expect(list?.authorization, 'the moderator’s list was not asked for with the token').to.equal(`Bearer ${TOKEN}`);
    const moderations = seen.filter((request) => request.path.endsWith('/moderate'));
    expect(moderations.map((request) => request.path.split('/').at(-2))).to.deep.equal([held.id, published.id, doomed.id]);
    expect(moderations.every((request) => request.authorization === `Bearer ${TOKEN}`)).to.equal(true);
  });

  it('asks the token callback once more when the server says the token expired, then posts', async () => {
    const thread = newThread();
    await answer(
      { method: 'GET', path: '/me', body: reader() }, // CANNED: GET /me
      { method: 'POST', path: '/comments', count: 1, ...tokenError('token_expired') }, // CANNED: 401 token_expired
    );
    let calls = 0;
    const element = await mount(thread, (element) => (element.tokenProvider = () => (++calls >= 3 ? FRESH : TOKEN)));
    await waitUntil(() => $(element, '.signed-in'));
    await type(element, 'Sent after a refresh.');
    $<HTMLButtonElement>(element, 'form button[type=submit]')!.click();
    await waitUntil(async () => (await onServer(thread)).total === 1, 'the comment was not posted after the refresh');
    const posts = (await requests()).filter((request) => request.method === 'POST');
    expect(posts.map((request) => request.authorization)).to.deep.equal([`Bearer ${TOKEN}`, `Bearer ${FRESH}`]);
  });

  for (const code of ['token_invalid', 'token_expired', 'token_audience'] as const) {
    it(`keeps the typed comment when the server refuses the token (${code}) and says so clearly`, async () => {
      const thread = newThread();
      await answer(
        { method: 'GET', path: '/me', body: reader() }, // CANNED: GET /me
        { method: 'POST', path: '/comments', ...tokenError(code) }, // CANNED: 401 with the token error
      );
      const element = await mount(thread, (element) => (element.token = TOKEN));
      await waitUntil(() => $(element, '.signed-in'));
      const errors: string[] = [];
      element.addEventListener('lede-error', (event) => errors.push(event.error.reason ?? ''));
      await type(element, 'Do not lose me.');
      $<HTMLButtonElement>(element, 'form button[type=submit]')!.click();
      await waitUntil(() => $(element, '[part=sign-in] [role=alert]'), 'no sign-in prompt');
      const expected = {
        token_invalid: 'Your sign-in was not accepted. Sign in again; your comment is kept.',
        token_expired: 'Your sign-in has expired. Sign in again; your comment is kept.',
        token_audience: 'Your sign-in is for another site. Sign in again; your comment is kept.',
      }[code];
      expect($(element, '[part=sign-in] [role=alert]')!.textContent).to.equal(expected);
      expect($<HTMLTextAreaElement>(element, 'form [name=body]')!.value).to.equal('Do not lose me.');
      expect(errors).to.deep.equal([code]);
      expect($$(element, '.outbox li').length).to.equal(0);
      await expect(element).to.be.accessible();

      // The page signs the reader in again when asked; the kept text goes out with the new token.
      element.addEventListener('lede-sign-in-requested', (event: LedeSignInRequestedEvent) => {
        expect(event.reason).to.equal(code);
        void answer({ method: 'GET', path: '/me', body: reader() }).then(() => (element.token = FRESH)); // CANNED: GET /me
      });
      $<HTMLButtonElement>(element, '.sign-in-button')!.click();
      await waitUntil(() => !$(element, '[part=sign-in]'), 'the prompt stayed after signing in again');
      expect($<HTMLTextAreaElement>(element, 'form [name=body]')!.value).to.equal('Do not lose me.');
      $<HTMLButtonElement>(element, 'form button[type=submit]')!.click();
      await waitUntil(async () => (await onServer(thread)).total === 1, 'the kept comment was not posted');
      expect((await requests()).filter((request) => request.method === 'POST').at(-1)?.authorization).to.equal(`Bearer ${FRESH}`);
    });
  }

  it('says a thread takes signed-in readers only, asks the page by event (keyboard too), and keeps the draft', async () => {
    const thread = newThread();
    localStorage.setItem(`lede-comments:draft:${thread}:`, JSON.stringify('Typed before.'));
    await answer({ method: 'GET', path: '/comments?', body: page([], { anonymous: false }) }); // CANNED: CommentPage.anonymous
    const element = await mount(thread);
    expect($(element, '[part=sign-in] p')!.textContent).to.equal('Sign in to comment.');
    expect($(element, 'form [name=body]')).to.equal(null);
    await expect(element).to.be.accessible();
    const asked: (string | undefined)[] = [];
    element.addEventListener('lede-sign-in-requested', (event) => {
      asked.push(event.reason);
      void answer({ method: 'GET', path: '/me', body: reader() }, { method: 'GET', path: '/comments?', body: page([], { anonymous: false }) }).then(
        () => (element.token = TOKEN),
      ); // CANNED: GET /me
    });
    $<HTMLButtonElement>(element, '.sign-in-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(element, '.signed-in'), 'the form did not come back signed in');
    expect(asked).to.deep.equal([undefined]);
    expect($<HTMLTextAreaElement>(element, 'form [name=body]')!.value).to.equal('Typed before.');
  });

  it('says when the server refuses the page’s token on /me, and leaves the reader anonymous', async () => {
    const thread = newThread();
    await answer({ method: 'GET', path: '/me', ...tokenError('token_audience') }); // CANNED: 401 token_audience on /me
    const element = await mount(thread, (element) => (element.token = TOKEN));
    await waitUntil(() => $(element, '[part=sign-in] [role=alert]'));
    expect($(element, '[part=sign-in] [role=alert]')!.textContent).to.equal('Your sign-in is for another site. Sign in again; your comment is kept.');
    expect($<HTMLInputElement>(element, 'form [name=name]')!.readOnly).to.equal(false);
  });
});
