import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/moderation.js';
import type { LedeModeration } from '../src/moderation.js';
import { $, $$, control, endpoint, newThread, onServer, waitUntil } from './support/comment-api.js';
import { activeName, ADMIN_TOKEN, announced, filter, focusList, held, HOLD_WORD, mount, names, seed } from './support/moderation.js';

before(async function () {
  this.timeout(60000);
  await control('reset');
});

describe('<lede-moderation> against the reference server', () => {
  beforeEach(() => control('reset'));

  it('lists the held comments of a thread, newest first, with why they were held and the count, and passes axe', async () => {
    const { thread } = await held(['Ann', 'Bo', 'Cy']);
    const element = await mount(thread);
    expect(names(element)).to.deep.equal(['Cy', 'Bo', 'Ann']);
    expect($(element, '[role=option] .why')!.textContent).to.equal('Banned words');
    expect($(element, '#tab-pending')!.getAttribute('aria-selected')).to.equal('true');
    expect($(element, '#tab-pending .count')!.textContent).to.equal('3');
    expect($(element, '.detail .body')!.textContent).to.equal(`Cy says ${HOLD_WORD}.`);
    await expect(element).to.be.accessible();
  });

  it('moves with j and k, approves with a: the comment leaves the queue, focus goes to the next, it is announced, and readers see it', async () => {
    const { thread, ids } = await held(['Ann', 'Bo', 'Cy']);
    const element = await mount(thread);
    await focusList(element);
    await sendKeys({ press: 'j' });
    await element.updateComplete;
    expect(activeName(element)).to.equal('Bo');
    expect($(element, '.detail .body')!.textContent).to.equal(`Bo says ${HOLD_WORD}.`);
    await sendKeys({ press: 'k' });
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'a' });
    await waitUntil(() => names(element).length === 2, 'the comment did not leave the queue');
    await element.updateComplete;
    expect(names(element)).to.deep.equal(['Cy', 'Ann']);
    expect(activeName(element)).to.equal('Ann');
    expect(announced(element)).to.equal('Approved: 1 comment');
    expect($(element, '#tab-pending .count')!.textContent).to.equal('2');
    const shown = await onServer(thread);
    expect(shown.comments.map((comment) => comment.id)).to.deep.equal([ids[1]]);
  });

  it('rejects with r and deletes with d, and neither reaches readers', async () => {
    const { thread } = await held(['Ann', 'Bo']);
    const element = await mount(thread);
    await focusList(element);
    await sendKeys({ press: 'r' });
    await waitUntil(() => names(element).length === 1, 'the comment was not rejected');
    expect(announced(element)).to.equal('Rejected: 1 comment');
    await element.updateComplete;
    expect(activeName(element)).to.equal('Ann');
    await sendKeys({ press: 'd' });
    await waitUntil(() => $(element, '.empty'), 'the comment was not deleted');
    expect(announced(element)).to.equal('Deleted: 1 comment');
    expect((await onServer(thread)).total).to.equal(0);
  });

  it('shows published and reported queues with their reasons', async () => {
    const thread = newThread();
    const { ids } = await seed(thread, [{ name: 'Dee', body: 'A fine comment.' }]);
    await fetch(`${endpoint}/comments/${ids[0]}/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'spam' }),
    });
    const element = await mount(thread);
    expect($(element, '.empty')!.textContent).to.equal('Nothing here: the queue is clear.');
    $<HTMLButtonElement>(element, '#tab-reported')!.click();
    await waitUntil(() => names(element).length === 1, 'the reported queue did not load');
    expect($(element, '[role=option] .why')!.textContent).to.equal('1 report');
    $<HTMLButtonElement>(element, '#tab-published')!.click();
    await waitUntil(() => element.queue.status === 'ready' && names(element).length === 1);
    expect($(element, '#tab-published')!.getAttribute('aria-selected')).to.equal('true');
  });

  it('lists the shortcuts in a dialog on ?', async () => {
    const { thread } = await held(['Ann']);
    const element = await mount(thread);
    await focusList(element);
    await sendKeys({ press: '?' });
    const dialog = $<HTMLDialogElement>(element, 'dialog')!;
    await waitUntil(() => dialog.open, 'the dialog did not open');
    const keys = [...dialog.querySelectorAll('dt')].map((key) => key.textContent!.replace(/\s+/g, ''));
    expect(keys).to.include.members(['j/↓', 'k/↑', 'a', 'r', 'd', 'f', 'z', '?']);
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
  });

  it('shows an error with a retry when the queue cannot be loaded, and tells the page', async () => {
    const { thread } = await held(['Ann']);
    const element = await mount(thread);
    await control('fault', { status: 500, count: 1, path: '/admin/comments' });
    let events = 0;
    element.addEventListener('lede-error', () => (events += 1));
    await filter(element, { thread }).catch(() => {});
    await waitUntil(() => $(element, '#queue .error'), 'no error state');
    expect(events).to.equal(1);
    $<HTMLButtonElement>(element, '#queue .error button')!.click();
    await waitUntil(() => names(element).length === 1, 'retry did not load the queue');
  });

  it('asks to sign in when there is neither a token nor a session', async () => {
    const element = (await fixture<LedeModeration>(html`<lede-moderation src=${`${endpoint}/admin`}></lede-moderation>`)) as LedeModeration;
    await waitUntil(() => $(element, 'form.sign-in'), 'no sign-in form');
    expect($(element, 'form.sign-in h3')!.textContent).to.equal('Sign in');
    expect($$(element, 'form.sign-in input').map((input) => input.getAttribute('autocomplete'))).to.deep.equal(['username', 'current-password']);
    await expect(element).to.be.accessible();
  });

  it('undoes with z: the approved comment returns to the queue and leaves the thread again', async () => {
    const { thread } = await held(['Ann']);
    const element = await mount(thread);
    await focusList(element);
    await sendKeys({ press: 'a' });
    await waitUntil(() => $(element, '.empty'), 'the comment was not approved');
    expect((await onServer(thread)).total).to.equal(1);
    await sendKeys({ press: 'z' });
    await waitUntil(() => names(element).length === 1, 'the comment did not come back');
    expect(announced(element)).to.equal('Undone.');
    expect((await onServer(thread)).total).to.equal(0);
  });

  it('approves a selection at once (x selects, a acts on every selected comment)', async () => {
    const { thread } = await held(['Ann', 'Bo', 'Cy']);
    const element = await mount(thread);
    await focusList(element);
    await sendKeys({ press: 'x' });
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'x' });
    await element.updateComplete;
    expect($$(element, '[role=option]').map((option) => option.getAttribute('aria-selected'))).to.deep.equal(['true', 'false', 'true']);
    expect($(element, '.bulk span')!.textContent).to.equal('2 selected');
    await sendKeys({ press: 'a' });
    await waitUntil(() => names(element).length === 1, 'the selection was not approved');
    expect(names(element)).to.deep.equal(['Bo']);
    expect(announced(element)).to.equal('Approved: 2 comments');
    expect((await onServer(thread)).total).to.equal(2);
  });

  it("shows a reply's parent and its author's history, and the rejected queue", async () => {
    const thread = newThread();
    await seed(thread, [
      { name: 'Ann', body: 'The parent comment.' },
      { name: 'Bo', body: `A reply, ${HOLD_WORD}.`, parent: 0 },
    ]);
    const element = await mount(thread);
    await waitUntil(() => $(element, '.detail blockquote') && $(element, '.history'), 'no context');
    expect($(element, '.detail blockquote .body')!.textContent).to.equal('The parent comment.');
    expect($(element, '.history .counts')!.textContent).to.equal('0 published, 1 pending, 0 rejected, 0 removed');
    $<HTMLButtonElement>(element, '.detail .act-reject')!.click();
    await waitUntil(() => $(element, '.empty'), 'the comment was not rejected');
    $<HTMLButtonElement>(element, '#tab-rejected')!.click();
    await waitUntil(() => names(element).length === 1, 'the rejected queue did not load');
    expect(names(element)).to.deep.equal(['Bo']);
  });

  it('signs in with a session, and a new held comment arrives live', async function () {
    this.timeout(30000);
    await control('moderator', { name: 'mo', password: 'correct horse battery' });
    const element = (await fixture<LedeModeration>(html`<lede-moderation src=${`${endpoint}/admin`}></lede-moderation>`)) as LedeModeration;
    await waitUntil(() => $(element, 'form.sign-in'), 'no sign-in form');
    $<HTMLInputElement>(element, 'form.sign-in [name=name]')!.value = 'mo';
    $<HTMLInputElement>(element, 'form.sign-in [name=password]')!.value = 'wrong';
    $<HTMLFormElement>(element, 'form.sign-in')!.requestSubmit();
    await waitUntil(() => $(element, 'form.sign-in .error'), 'no sign-in error');
    expect($(element, 'form.sign-in .error')!.textContent).to.equal('Wrong name or password.');
    $<HTMLInputElement>(element, 'form.sign-in [name=password]')!.value = 'correct horse battery';
    $<HTMLFormElement>(element, 'form.sign-in')!.requestSubmit();
    await waitUntil(() => $(element, 'form.filters'), 'did not sign in');
    expect($(element, 'header span')!.textContent).to.equal('Signed in as mo');
    const thread = newThread();
    await filter(element, { thread });
    // Wait until the event stream is open, so the comment is sent to it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await seed(thread, [{ name: 'Late', body: `Arrives live, ${HOLD_WORD}.` }]);
    await waitUntil(() => names(element).includes('Late'), 'the held comment did not arrive');
    expect(announced(element)).to.equal('New comment from Late');
    // Writes with the session carry its CSRF token: approving works.
    await focusList(element);
    await sendKeys({ press: 'a' });
    await waitUntil(() => $(element, '.empty'), 'the comment was not approved');
    expect((await onServer(thread)).total).to.equal(1);
    $<HTMLButtonElement>(element, '.sign-out')!.click();
    await waitUntil(() => $(element, 'form.sign-in'), 'did not sign out');
  });

  it('speaks Arabic right to left and passes axe', async () => {
    const { thread } = await held(['سارة']);
    const element = await mount(thread, html`<lede-moderation lang="ar" dir="rtl" src=${`${endpoint}/admin`} .token=${ADMIN_TOKEN}></lede-moderation>`);
    expect($(element, '#tab-pending')!.textContent!.trim()).to.match(/^قيد الانتظار/);
    const option = $(element, '[role=option].active')!;
    expect(getComputedStyle(option).borderRightWidth).to.equal('4px');
    expect($(element, 'time')!.textContent).to.match(/[\u0600-\u06FF]/);
    // With the whole context: thread controls and the comment's audit too.
    await waitUntil(() => $(element, '.thread-controls') && $(element, '.comment-audit'), 'no context');
    await expect(element).to.be.accessible();
  });
});
