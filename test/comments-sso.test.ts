// <lede-comments> with the site's sign-in (issue 16), against the real test comment server started
// checking site tokens (`reset { sso }`); the tokens are real ones it signs (`token`), forged,
// expired or for another audience where a test needs the server to refuse them. The request log
// shows what the element sent.
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/comments.js';
import type { LedeComments, LedeSignInRequestedEvent } from '../src/comments.js';
import { $, $$, control, endpoint, newThread, onServer, waitUntil } from './support/comment-api.js';

type Seen = { method: string; path: string; authorization?: string };
type Claims = { sub: string; name: string; roles?: string[]; secret?: string; audience?: string; expired?: boolean };

const ADMIN_TOKEN = 'lede-test-admin-token-0123456789';
/** Comments with this word are held for review (test/support/comment-server.mjs). */
const HOLD_WORD = 'holdforreview';
const requests = () => control<Seen[]>('requests');
/** A site token signed by the test comment server (test/support/comment-server.mjs). */
const sign = async (claims: Claims) => (await control<{ token: string }>('token', claims)).token;
const rania = { sub: 'reader-1', name: 'Rania Reader' };

/** Stores comments on the server, each posted with its own token (or none); answers their ids. */
async function seed(thread: string, comments: { name: string; body: string; token?: string }[]): Promise<string[]> {
  return (await control<{ ids: string[] }>('seed', { thread, comments })).ids;
}

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
  await control('reset', { sso: true });
});

describe('<lede-comments> with a sign-in', () => {
  let TOKEN: string;
  let FRESH: string;

  beforeEach(async function () {
    this.timeout(30000);
    for (const key of Object.keys(localStorage)) if (key.startsWith('lede-comments:')) localStorage.removeItem(key);
    await control('reset', { sso: true });
    [TOKEN, FRESH] = await Promise.all([sign(rania), sign(rania)]);
  });

  it('locks the signed-in name, says who is signed in, and posts with the token as Bearer', async () => {
    const thread = newThread();
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
    // Una's site role is none of Lede's staff roles: the server passes on no role for it, and no verified mark without a token.
    const [vera, jo] = await Promise.all([sign({ sub: 'v', name: 'Vera' }), sign({ sub: 'j', name: 'Jo', roles: ['journalist'] })]);
    const [verifiedId, journalistId, unknownId] = await seed(thread, [
      { name: 'Vera', body: 'Signed in.', token: vera },
      { name: 'Jo', body: 'From the newsroom.', token: jo },
      { name: 'Una', body: 'Anonymous.' },
    ]);
    const [verified, journalist, unknown] = [{ id: verifiedId }, { id: journalistId }, { id: unknownId }];
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
    await seed(thread, [{ name: 'Mo', body: 'Moderating.', token: await sign({ sub: 'm', name: 'Mo', roles: ['moderator'] }) }]);
    const element = await mount(thread, (element) => element.setAttribute('style', '--lede-color-verified: rgb(1, 2, 3); --lede-color-staff: rgb(4, 5, 6)'));
    expect(getComputedStyle($(element, '[part=verified]')!).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle($(element, '[part=role-badge]')!).color).to.equal('rgb(4, 5, 6)');
  });

  it('shows no badge for a role it does not know, as a newer server might send', async () => {
    const thread = newThread();
    const [id] = await seed(thread, [{ name: 'Una', body: 'From the top.' }]);
    const stored = (await onServer(thread)).comments[0];
    // The real server sends only Lede's roles; a hostile or newer one is the proxy's `answer` fault.
    const una = { ...stored, author: { name: 'Una', role: 'editor-in-chief' } };
    await control('fault', { mode: 'answer', method: 'GET', path: '/comments?', status: 200, count: 1, body: { comments: [una], nextCursor: null, total: 1 } });
    const element = await mount(thread);
    expect(card(element, id).querySelector('[part=role-badge], [part=verified]') === null).to.equal(true);
  });

  it('lets the signed-in author edit and delete their own comments by identity, with no edit token, while the window lasts', async function () {
    this.timeout(30000);
    // A short edit window, so the older comment can be past it: written, then the window let run out.
    await control('reset', { sso: true, editWindow: '6s' });
    const thread = newThread();
    const [oldId] = await seed(thread, [{ name: 'Rania Reader', body: 'Too late to change.', token: await sign(rania) }]);
    await new Promise((resolve) => setTimeout(resolve, 6500));
    const [ownId, otherId] = await seed(thread, [
      { name: 'Rania Reader', body: 'Mine to change.', token: await sign(rania) },
      { name: 'Someone', body: 'Not hers.', token: await sign({ sub: 'someone-else', name: 'Someone' }) },
    ]);
    const [own, old, other] = [{ id: ownId }, { id: oldId }, { id: otherId }];
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
    const [heldId, publishedId, doomedId] = await seed(thread, [
      { name: 'Held', body: `Waits for review: ${HOLD_WORD}.` },
      { name: 'Pub', body: 'Published.' },
      { name: 'Doomed', body: 'About to go.' },
    ]);
    const [held, published, doomed] = [{ id: heldId }, { id: publishedId }, { id: doomedId }];
    const moderator = await sign({ sub: 'mod-1', name: 'Mona Moderator', roles: ['moderator'] });
    const element = await mount(thread, (element) => (element.token = moderator));
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
    expect(list?.authorization, 'the moderator’s list was not asked for with the token').to.equal(`Bearer ${moderator}`);
    const moderations = seen.filter((request) => request.path.endsWith('/moderate'));
    expect(moderations.map((request) => request.path.split('/').at(-2))).to.deep.equal([held.id, published.id, doomed.id]);
    expect(moderations.every((request) => request.authorization === `Bearer ${moderator}`)).to.equal(true);
  });

  it('asks the token callback once more when the server says the token expired, then posts', async () => {
    const thread = newThread();
    // The token the page holds expires between signing in (/me) and posting.
    const [signedIn, expired] = [TOKEN, await sign({ ...rania, expired: true })];
    let calls = 0;
    const element = await mount(thread, (element) => (element.tokenProvider = () => (++calls >= 3 ? FRESH : calls === 2 ? expired : signedIn)));
    await waitUntil(() => $(element, '.signed-in'));
    await type(element, 'Sent after a refresh.');
    $<HTMLButtonElement>(element, 'form button[type=submit]')!.click();
    await waitUntil(async () => (await onServer(thread)).total === 1, 'the comment was not posted after the refresh');
    const posts = (await requests()).filter((request) => request.method === 'POST');
    expect(posts.map((request) => request.authorization)).to.deep.equal([`Bearer ${expired}`, `Bearer ${FRESH}`]);
  });

  for (const code of ['token_invalid', 'token_expired', 'token_audience'] as const) {
    it(`keeps the typed comment when the server refuses the token (${code}) and says so clearly`, async () => {
      const thread = newThread();
      // Signed in (/me) with a good token, the page then hands out one the server refuses for `code`.
      const refused = await sign(
        {
          token_invalid: { ...rania, secret: 'not-the-site-secret-0123456789-abcdefghij' },
          token_expired: { ...rania, expired: true },
          token_audience: { ...rania, audience: 'another-site' },
        }[code],
      );
      let calls = 0;
      const element = await mount(thread, (element) => (element.tokenProvider = () => (++calls === 1 ? TOKEN : refused)));
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
        element.tokenProvider = () => FRESH;
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
    const controls = await fetch(`${endpoint}/admin/threads/${thread}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ anonymous: false }),
    });
    expect(controls.status).to.equal(200);
    const element = await mount(thread);
    expect($(element, '[part=sign-in] p')!.textContent).to.equal('Sign in to comment.');
    expect($(element, 'form [name=body]')).to.equal(null);
    await expect(element).to.be.accessible();
    const asked: (string | undefined)[] = [];
    element.addEventListener('lede-sign-in-requested', (event) => {
      asked.push(event.reason);
      element.token = TOKEN;
    });
    $<HTMLButtonElement>(element, '.sign-in-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(element, '.signed-in'), 'the form did not come back signed in');
    expect(asked).to.deep.equal([undefined]);
    expect($<HTMLTextAreaElement>(element, 'form [name=body]')!.value).to.equal('Typed before.');
  });

  it('says when the server refuses the page’s token on /me, and leaves the reader anonymous', async () => {
    const thread = newThread();
    const elsewhere = await sign({ ...rania, audience: 'another-site' });
    const element = await mount(thread, (element) => (element.token = elsewhere));
    await waitUntil(() => $(element, '[part=sign-in] [role=alert]'));
    expect($(element, '[part=sign-in] [role=alert]')!.textContent).to.equal('Your sign-in is for another site. Sign in again; your comment is kept.');
    expect($<HTMLInputElement>(element, 'form [name=name]')!.readOnly).to.equal(false);
  });
});
