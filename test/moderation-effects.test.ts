// The console's actions as readers then see them (featured, trusted, banned, a closed thread in
// <lede-comments> on the same page), the audit log, and live counts in a filtered view: all
// against the reference server (test/support/comment-server.mjs).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/comments.js';
import '../src/moderation.js';
import type { LedeComments } from '../src/comments.js';
import type { LedeModeration } from '../src/moderation.js';
import { $, $$, control, endpoint, newThread, onServer, root, waitUntil } from './support/comment-api.js';
import { ADMIN_TOKEN, announced, filter, focusList, held, HOLD_WORD, mount, names, seed, signIn } from './support/moderation.js';

/** Posts as a reader on this page's client address: the same name is the same author. */
const post = (thread: string, name: string, body: string) =>
  fetch(`${endpoint}/threads/${encodeURIComponent(thread)}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ author: { name }, body, parentId: null, startedAt: 0 }),
  }).then((response) => response.status);

async function reader(thread: string): Promise<LedeComments> {
  const element = await fixture<LedeComments>(html`<lede-comments endpoint=${endpoint} thread=${thread}></lede-comments>`);
  await waitUntil(() => $(element, '.bar p')?.textContent, 'the thread did not load');
  return element;
}

const badges = (element: Element) => $$(element, '.detail header .badge').map((badge) => badge.textContent);
const focusedId = (element: Element) => root(element).activeElement?.id;
/** Each line of an audit list as `actor: action (detail)`. */
const auditLines = (element: Element, list: string) =>
  $$(element, `${list} li`).map((line) => {
    const detail = line.querySelector('.detail')?.textContent;
    return `${line.querySelector('.actor')!.textContent}: ${line.querySelector('.action')!.textContent}${detail ? ` (${detail})` : ''}`;
  });

before(async function () {
  this.timeout(60000);
  await control('reset');
});

describe('<lede-moderation>: what its actions do for readers, and its audit log', () => {
  beforeEach(() => control('reset'));

  it('features a published comment with f: readers see it first, with the badge', async () => {
    const thread = newThread();
    await seed(thread, [
      { name: 'Old', body: 'The older comment.' },
      { name: 'New', body: 'The newer comment.' },
    ]);
    const element = await mount(thread);
    $<HTMLButtonElement>(element, '#tab-published')!.click();
    await waitUntil(() => element.queue.status === 'ready' && names(element).length === 2, 'the published queue did not load');
    await focusList(element);
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'f' });
    await waitUntil(() => announced(element) === 'Featured: 1 comment', 'the comment was not featured');
    expect(badges(element)).to.deep.equal(['Featured']);
    const page = await reader(thread);
    expect($$(page, 'article.comment').map((comment) => comment.getAttribute('aria-label'))).to.deep.equal(['Old', 'New']);
    expect($(page, 'article.comment .badge.featured')!.textContent).to.equal('Featured');
  });

  it("trusts an author: their next comment is published at once; banned, their next one is held as the banned author's", async function () {
    this.timeout(20000);
    await control('reset', { moderation: 'first-time' });
    const thread = newThread();
    expect(await post(thread, 'Eve', 'My first comment.')).to.equal(202);
    const element = await mount(thread);
    expect(names(element)).to.deep.equal(['Eve']);
    $<HTMLButtonElement>(element, '.detail .act-trust')!.click();
    await waitUntil(() => announced(element) === 'Author trusted: 1 comment', 'the author was not trusted');
    expect(badges(element)).to.deep.equal(['Trusted']);
    expect(await post(thread, 'Eve', 'Trusted now.')).to.equal(201);
    expect((await onServer(thread)).comments.map((comment) => comment.body)).to.deep.equal(['Trusted now.']);

    $<HTMLButtonElement>(element, '.detail .act-ban')!.click();
    await waitUntil(() => announced(element) === 'Author banned: 1 comment', 'the author was not banned');
    expect(badges(element)).to.deep.equal(['Trusted', 'Banned']);
    expect(await post(thread, 'Eve', 'Banned now.')).to.equal(202);
    expect((await onServer(thread)).total).to.equal(1);
    await filter(element, { thread, reason: 'banned-author' });
    expect(names(element)).to.deep.equal(['Eve']);
    expect($(element, '.detail .body')!.textContent).to.equal('Banned now.');
  });

  it("rejects with a reason from the server's list; the audit log says who did what, pages, and takes focus", async () => {
    const { thread } = await held(['Ann', 'Bo', 'Cy']);
    const element = await mount(thread);
    const select = $<HTMLSelectElement>(element, '.reject-reason select')!;
    expect([...select.options].map((option) => option.textContent)).to.deep.equal(['No reason given', 'Spam', 'Off-topic', 'Abusive', 'Personal information']);
    select.value = 'Off-topic';
    select.dispatchEvent(new Event('change'));
    await focusList(element);
    await sendKeys({ press: 'r' });
    await waitUntil(() => announced(element) === 'Rejected: 1 comment', 'the comment was not rejected');
    await element.updateComplete;
    await sendKeys({ press: 'a' });
    await waitUntil(() => announced(element) === 'Approved: 1 comment', 'the comment was not approved');
    await sendKeys({ press: 'z' });
    await waitUntil(() => announced(element) === 'Undone.', 'the approval was not undone');

    // The comment's own log, in its context.
    await waitUntil(() => names(element).includes('Bo'), 'Bo did not come back');
    $<HTMLElement>(element, `[role=option][data-id="${element.queue.items.find((item) => item.author.name === 'Bo')!.id}"]`)!.click();
    await waitUntil(() => $$(element, '.comment-audit li').length === 2, "no audit in the comment's context");
    expect(auditLines(element, '.comment-audit')).to.deep.equal(['token: Undone (approve)', 'token: Approved']);

    // Two entries a page, so the log pages.
    element.pageSize = 2;
    $<HTMLButtonElement>(element, '.audit-button')!.click();
    await waitUntil(() => $$(element, '.audit-log li').length === 2, 'the audit log did not load');
    expect(focusedId(element)).to.equal('audit-heading');
    expect($(element, '.audit-button')!.getAttribute('aria-pressed')).to.equal('true');
    $<HTMLButtonElement>(element, '.audit-log .more')!.click();
    await waitUntil(() => $$(element, '.audit-log li').length >= 3, 'the next page did not load');
    expect(auditLines(element, '.audit-log').slice(0, 3)).to.deep.equal(['token: Undone (approve)', 'token: Approved', 'token: Rejected (Off-topic)']);
    expect($$(element, '.audit-log li')[2]!.textContent).to.include(`Thread: ${thread}`);
    await expect(element).to.be.accessible();
    // The queue is hidden: its shortcuts do nothing.
    await sendKeys({ press: 'a' });
    $<HTMLButtonElement>(element, '.audit-log .back')!.click();
    await waitUntil(() => focusedId(element) === 'queue', 'focus did not return to the queue');
    expect(names(element)).to.include('Bo');
    expect((await onServer(thread)).total).to.equal(0);
  });

  it("closes a thread from a comment's context: the reader's element on the page refuses the post and keeps the text; reopens; pre-moderates", async function () {
    this.timeout(20000);
    const { thread } = await held(['Ann']);
    localStorage.removeItem(`lede-comments:draft:${thread}:`);
    const page = await reader(thread);
    const name = $<HTMLInputElement>(page, '#name-top')!;
    const body = $<HTMLTextAreaElement>(page, '#body-top')!;
    name.value = 'Dana';
    name.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    body.value = 'Written as the thread closed.';
    body.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));

    const element = await mount(thread);
    await waitUntil(() => $(element, '.thread-controls'), 'no thread controls');
    const closed = $<HTMLInputElement>(element, '.thread-controls [name=closed]')!;
    expect(closed.checked).to.equal(false);
    await expect(element).to.be.accessible();
    closed.click();
    await waitUntil(() => announced(element) === 'Thread closed', 'the thread was not closed');
    expect(closed.checked).to.equal(true);

    $<HTMLButtonElement>(page, 'form button[type=submit]')!.click();
    await waitUntil(() => $(page, '.closed'), 'the reader was not told the thread is closed');
    expect($(page, '.closed')!.textContent).to.equal('Comments are closed.');
    expect(localStorage.getItem(`lede-comments:draft:${thread}:`)).to.equal('"Written as the thread closed."');
    expect((await onServer(thread)).total).to.equal(0);

    closed.click();
    await waitUntil(() => announced(element) === 'Thread reopened', 'the thread was not reopened');
    $<HTMLInputElement>(element, '.thread-controls [name=premoderation]')!.click();
    await waitUntil(() => announced(element) === 'New comments on this thread are held for review', 'pre-moderation did not start');
    await seed(thread, [{ name: 'Flo', body: 'No banned word here.' }]);
    expect((await onServer(thread)).total).to.equal(0);
    await filter(element, { thread });
    expect(names(element)).to.deep.equal(['Flo', 'Ann']);
    expect($(element, '[role=option] .why')!.textContent).to.equal('Every comment is held');
  });

  it("keeps a filtered view's counts its own when live counts for every thread arrive", async function () {
    this.timeout(30000);
    const element = (await fixture<LedeModeration>(html`<lede-moderation src=${`${endpoint}/admin`}></lede-moderation>`)) as LedeModeration;
    await signIn(element, 'counter');
    const { thread } = await held(['Ann']);
    await filter(element, { thread });
    expect($(element, '#tab-pending .count')!.textContent).to.equal('1');
    // Wait until the event stream is open, so the events are sent to it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await held(['Elsewhere']);
    await seed(thread, [{ name: 'Bo', body: `Bo says ${HOLD_WORD}.` }]);
    await waitUntil(() => names(element).includes('Bo'), 'the held comment did not arrive');
    // Past the console's recount after the last event.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect($(element, '#tab-pending .count')!.textContent).to.equal('2');
  });

  it('speaks French, thread controls and audit included, and passes axe', async () => {
    const { thread } = await held(['Zoé']);
    const element = await mount(thread, html`<lede-moderation lang="fr" src=${`${endpoint}/admin`} .token=${ADMIN_TOKEN}></lede-moderation>`);
    await waitUntil(() => $(element, '.thread-controls') && $(element, '.comment-audit'), 'no context');
    expect($(element, '#tab-pending')!.textContent!.trim()).to.match(/^En attente/);
    expect($(element, '.thread-controls legend')!.textContent).to.equal('Ce fil');
    expect($(element, '.comment-audit .audit-empty')!.textContent).to.equal('Aucune action enregistrée.');
    await expect(element).to.be.accessible();
  });
});
