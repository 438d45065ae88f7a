import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LIMITS } from 'lede-protocol/limits.js';
import '../src/article.js';
import '../src/comments.js';
import type { CommentProvider, LedeComments } from '../src/comments.js';
import type { Comment } from '../src/model.js';
import type { LedeError } from '../src/shared/errors.js';
import type { LedeErrorEvent } from '../src/shared/events.js';
import { $, $$, control, endpoint, newThread, onServer, root, waitUntil } from './support/comment-api.js';
import { pressChord } from './support/keys.js';

const ADMIN_TOKEN = 'lede-test-admin-token-0123456789';
const HOLD_WORD = 'holdforreview';
const seed = (thread: string, comments: { name: string; body: string; parent?: number }[]) => control<{ ids: string[] }>('seed', { thread, comments });

const bodies = (element: Element) => $$(element, 'article.comment:not(.deleted)').map((article) => article.querySelector('p:not(.meta)')?.textContent ?? '');

async function mount(thread: string, attributes: Record<string, string> = {}): Promise<LedeComments> {
  const element = document.createElement('lede-comments');
  element.setAttribute('endpoint', endpoint);
  element.setAttribute('thread', thread);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const mounted = await fixture<LedeComments>(element);
  await waitUntil(() => !$(mounted, '.muted[role=status]'), 'the thread did not load', { timeout: 5000 });
  return mounted;
}

/** Fills a form the way a person does: real input events, then the send button. */
async function write(element: LedeComments, { name, body, form = '' }: { name?: string; body: string; form?: string }): Promise<void> {
  const scope = form ? `[data-id="${CSS.escape(form)}"] form` : 'form';
  const nameField = $<HTMLInputElement>(element, `${scope} [name=name]`)!;
  if (name !== undefined) {
    nameField.value = name;
    nameField.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  const bodyField = $<HTMLTextAreaElement>(element, `${scope} [name=body]`)!;
  bodyField.value = body;
  bodyField.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}

const submit = (element: LedeComments, form = '') =>
  $<HTMLButtonElement>(element, `${form ? `[data-id="${CSS.escape(form)}"] ` : ''}form button[type=submit]`)!.click();

/** Re-creates the element, as a reload of the page would. */
async function reload(element: LedeComments): Promise<LedeComments> {
  const attributes = Object.fromEntries([...element.attributes].map((attribute) => [attribute.name, attribute.value]));
  element.remove();
  return mount(attributes.thread!, attributes);
}

function clearStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('lede-comments:')) localStorage.removeItem(key);
}

// Starts this page's own server once, with time for a real process to start while three browsers run.
before(async function () {
  this.timeout(60000);
  await control('reset');
});

describe('<lede-comments> against the reference server', () => {
  beforeEach(async () => {
    clearStorage();
    await control('reset');
  });

  it('shows the thread with nested replies, the count, and passes axe', async () => {
    const thread = newThread();
    await seed(thread, [
      { name: 'Ann', body: 'First comment.' },
      { name: 'Bo', body: 'A reply to Ann.', parent: 0 },
      { name: 'Cy', body: 'Second comment.\n\nWith a second paragraph.' },
    ]);
    const element = await mount(thread);
    expect(bodies(element)).to.deep.equal(['Second comment.', 'First comment.', 'A reply to Ann.']);
    expect($(element, '.bar p')!.textContent).to.equal('3 comments');
    const reply = $$(element, 'article.comment')[2]!;
    expect(reply.style.getPropertyValue('--depth')).to.equal('1');
    expect($$(element, 'article.comment')[0]!.querySelectorAll('p:not(.meta)')).to.have.length(2);
    await expect(element).to.be.accessible();
  });

  it('posts a comment once, moves focus to it and announces it', async () => {
    const thread = newThread();
    const element = await mount(thread);
    await write(element, { name: 'Dana', body: 'Hello, thread.' });
    submit(element);
    await waitUntil(() => bodies(element).includes('Hello, thread.'), 'the comment did not appear');
    await element.updateComplete;
    expect(root(element).activeElement?.getAttribute('data-id')).to.be.a('string');
    expect($(element, 'p.visually-hidden[role=status]')!.textContent).to.equal('Your comment was posted.');
    const stored = await onServer(thread);
    expect(stored.comments.map((comment) => comment.body)).to.deep.equal(['Hello, thread.']);
    expect($<HTMLTextAreaElement>(element, 'form [name=body]')!.value).to.equal('');
    expect(localStorage.getItem('lede-comments:name')).to.equal('"Dana"');
  });

  it('sends the page’s address without its fragment, which moderators see as the comment’s pageUrl', async () => {
    const thread = newThread();
    const before = location.href;
    history.replaceState(null, '', '#comments');
    try {
      const element = await mount(thread);
      await write(element, { name: 'Dana', body: 'From this page.' });
      submit(element);
      await waitUntil(() => bodies(element).includes('From this page.'), 'the comment did not appear');
    } finally {
      history.replaceState(null, '', before);
    }
    const queue = await (
      await fetch(`${endpoint}/admin/comments?status=all&thread=${encodeURIComponent(thread)}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).json();
    const page = new URL(before);
    page.hash = '';
    expect(queue.comments.map((comment: { pageUrl: string | null }) => comment.pageUrl)).to.deep.equal([page.href]);
    expect(page.href).not.to.include('#');
  });

  it('validates accessibly: invalid fields are marked, described and focused; nothing is sent', async () => {
    const thread = newThread();
    const element = await mount(thread);
    submit(element);
    await element.updateComplete;
    await element.updateComplete;
    const name = $<HTMLInputElement>(element, '#name-top')!;
    const body = $<HTMLTextAreaElement>(element, '#body-top')!;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(body.getAttribute('aria-invalid')).to.equal('true');
    expect($(element, `#${name.getAttribute('aria-describedby')}`)!.textContent).to.equal('Enter your name.');
    expect(body.getAttribute('aria-describedby')).to.contain('body-error-top');
    expect(root(element).activeElement).to.equal(name);
    expect((await onServer(thread)).total).to.equal(0);
    await expect(element).to.be.accessible();
  });

  it('refuses a name or comment with nothing visible in it, by the field, sending nothing', async () => {
    const thread = newThread();
    const element = await mount(thread);
    await write(element, { name: '\u200B\u3164\u2800', body: '\u200D\u0301 \u00AD' });
    submit(element);
    await element.updateComplete;
    await element.updateComplete;
    expect($(element, '#name-error-top')!.textContent).to.equal('Enter your name.');
    expect($(element, '#body-error-top')!.textContent).to.equal('Write a comment.');
    expect(root(element).activeElement?.id).to.equal('name-top');
    await write(element, { name: 'Ann\u200B', body: 'x'.repeat(10) });
    submit(element);
    await waitUntil(() => bodies(element).includes('x'.repeat(10)), 'a name with a visible character was refused');
    // The server drops the zero-width padding: this is plain "Ann".
    expect((await onServer(thread)).comments.map((comment) => comment.author.name)).to.deep.equal(['Ann']);
  });

  it('replies under the parent, focusing the reply form and then the reply', async () => {
    const thread = newThread();
    const { ids } = await seed(thread, [{ name: 'Ann', body: 'Parent.' }]);
    const element = await mount(thread);
    $<HTMLButtonElement>(element, `[data-id="${ids[0]}"] button.reply`)!.click();
    await element.updateComplete;
    await element.updateComplete;
    // Nobody has given a name yet, so the form starts there.
    expect(root(element).activeElement?.id).to.equal(`name-${ids[0]}`);
    await write(element, { form: ids[0]!, name: 'Bo', body: 'The reply.' });
    submit(element, ids[0]);
    await waitUntil(() => bodies(element).includes('The reply.'));
    await element.updateComplete;
    const reply = $$(element, 'article.comment').find((article) => article.textContent!.includes('The reply.'))!;
    expect(reply.style.getPropertyValue('--depth')).to.equal('1');
    expect(root(element).activeElement).to.equal(reply);
    const [parent] = (await onServer(thread)).comments;
    expect(parent!.replies!.map((comment) => comment.body)).to.deep.equal(['The reply.']);
    expect($(element, '.bar p')!.textContent).to.equal('2 comments');
  });

  it('cancelling a reply returns focus to its Reply button and keeps the draft', async () => {
    const thread = newThread();
    const { ids } = await seed(thread, [{ name: 'Ann', body: 'Parent.' }]);
    let element = await mount(thread);
    const replyButton = () => $<HTMLButtonElement>(element, `[data-id="${ids[0]}"] button.reply`)!;
    localStorage.setItem('lede-comments:name', '"Bo"');
    element = await reload(element);
    replyButton().click();
    await element.updateComplete;
    await element.updateComplete;
    // The name is known, so the form starts in the comment field.
    expect(root(element).activeElement?.id).to.equal(`body-${ids[0]}`);
    await write(element, { form: ids[0]!, body: 'Half a reply' });
    $$<HTMLButtonElement>(element, `[data-id="${ids[0]}"] form button`)
      .find((button) => button.textContent === 'Cancel')!
      .click();
    await element.updateComplete;
    await element.updateComplete;
    expect(root(element).activeElement).to.equal(replyButton());
    element = await reload(element);
    replyButton().click();
    await element.updateComplete;
    expect($<HTMLTextAreaElement>(element, `#body-${ids[0]}`)!.value).to.equal('Half a reply');
  });

  it('pages with "More comments" by cursor and sorts newest, oldest and top', async () => {
    const thread = newThread();
    const { ids } = await seed(
      thread,
      Array.from({ length: 7 }, (_, index) => ({ name: `N${index}`, body: `Comment ${index}` })),
    );
    await fetch(`${endpoint}/comments/${ids[2]}/votes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"value":1}' });
    const element = await mount(thread, { 'page-size': '3' });
    expect(bodies(element)).to.deep.equal(['Comment 6', 'Comment 5', 'Comment 4']);
    $<HTMLButtonElement>(element, 'button.more')!.click();
    await waitUntil(() => bodies(element).length === 6);
    $<HTMLButtonElement>(element, 'button.more')!.click();
    await waitUntil(() => bodies(element).length === 7);
    await element.updateComplete;
    expect($(element, 'button.more')).to.equal(null);
    expect(bodies(element)).to.deep.equal(['Comment 6', 'Comment 5', 'Comment 4', 'Comment 3', 'Comment 2', 'Comment 1', 'Comment 0']);
    const select = $<HTMLSelectElement>(element, 'select')!;
    select.value = 'oldest';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => bodies(element)[0] === 'Comment 0');
    expect(bodies(element)).to.deep.equal(['Comment 0', 'Comment 1', 'Comment 2']);
    expect(element.getAttribute('sort')).to.equal('oldest');
    element.sort = 'top';
    await waitUntil(() => bodies(element)[0] === 'Comment 2');
  });

  it('votes up, withdraws, votes down, with the pressed state and the server score', async () => {
    const thread = newThread();
    const { ids } = await seed(thread, [{ name: 'Ann', body: 'Vote on me.' }]);
    const element = await mount(thread);
    const [up, down] = $$<HTMLButtonElement>(element, `[data-id="${ids[0]}"] button[aria-pressed]`);
    const score = () => $(element, `[data-id="${ids[0]}"] .score`)!.textContent;
    up!.click();
    await waitUntil(() => score() === '1');
    expect(up!.getAttribute('aria-pressed')).to.equal('true');
    up!.click();
    await waitUntil(() => score() === '0');
    expect(up!.getAttribute('aria-pressed')).to.equal('false');
    down!.click();
    await waitUntil(() => score() === '-1');
    expect(down!.getAttribute('aria-pressed')).to.equal('true');
    expect((await onServer(thread)).comments[0]!.score).to.equal(-1);
    // After a reload the reader's vote still shows, and pressing it again withdraws it.
    const again = await reload(element);
    const [upAgain, downAgain] = $$<HTMLButtonElement>(again, `[data-id="${ids[0]}"] button[aria-pressed]`);
    expect([upAgain!.getAttribute('aria-pressed'), downAgain!.getAttribute('aria-pressed')]).to.deep.equal(['false', 'true']);
    downAgain!.click();
    await waitUntil(() => $(again, `[data-id="${ids[0]}"] .score`)!.textContent === '0');
    expect(downAgain!.getAttribute('aria-pressed')).to.equal('false');
    expect((await onServer(thread)).comments[0]!.score).to.equal(0);
  });

  it('reports a comment with a reason', async () => {
    const thread = newThread();
    const { ids } = await seed(thread, [{ name: 'Ann', body: 'Rude words.' }]);
    const element = await mount(thread);
    $<HTMLButtonElement>(element, `[data-id="${ids[0]}"] button.report`)!.click();
    await element.updateComplete;
    $<HTMLButtonElement>(element, `[data-id="${ids[0]}"] form button[type=submit]`)!.click();
    await element.updateComplete;
    // An empty reason is refused in the form, by the field.
    const reason = $<HTMLInputElement>(element, `#report-${ids[0]}`)!;
    expect(reason.getAttribute('aria-invalid')).to.equal('true');
    expect($(element, `#report-${ids[0]}-error`)!.textContent).to.equal('What is wrong with this comment?');
    reason.value = 'Insulting';
    $<HTMLButtonElement>(element, `[data-id="${ids[0]}"] form button[type=submit]`)!.click();
    await waitUntil(() => !$(element, `[data-id="${ids[0]}"] button.report`), 'the report was not accepted');
    expect($(element, 'p.visually-hidden[role=status]')!.textContent).to.equal('Reported. Thank you.');
    const admin = await (
      await fetch(`${endpoint}/admin/comments?status=reported&thread=${thread}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).json();
    expect(admin.comments.map((comment: { id: string; reports: number }) => [comment.id, comment.reports])).to.deep.equal([[ids[0], 1]]);
  });

  it('edits and deletes the author’s own comment, leaving a placeholder when it has replies', async () => {
    const thread = newThread();
    const element = await mount(thread);
    await write(element, { name: 'Dana', body: 'Typo in here.' });
    submit(element);
    await waitUntil(() => bodies(element).includes('Typo in here.'));
    const [{ id }] = (await onServer(thread)).comments as [Comment];
    $<HTMLButtonElement>(element, `[data-id="${id}"] button.edit`)!.click();
    await element.updateComplete;
    const field = $<HTMLTextAreaElement>(element, `#edit-${id}`)!;
    field.value = 'No typo in here.';
    $<HTMLButtonElement>(element, `[data-id="${id}"] form button[type=submit]`)!.click();
    await waitUntil(() => bodies(element).includes('No typo in here.'));
    expect($(element, `[data-id="${id}"] .meta`)!.textContent).to.contain('edited');
    expect((await onServer(thread)).comments[0]!.editedAt).to.be.a('string');
    // Someone replies; deleting then keeps the thread's shape.
    await fetch(`${endpoint}/threads/${thread}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ author: { name: 'Eve' }, body: 'Reply.', parentId: id, startedAt: 0 }),
    });
    const again = await reload(element);
    $<HTMLButtonElement>(again, `[data-id="${id}"] button.delete`)!.click();
    await again.updateComplete;
    $<HTMLButtonElement>(again, `[data-id="${id}"] button.confirm`)!.click();
    await waitUntil(() => $(again, `[data-id="${id}"].deleted`));
    expect($(again, `[data-id="${id}"]`)!.textContent!.trim()).to.equal('This comment was deleted.');
    expect(bodies(again)).to.deep.equal(['Reply.']);
    const [placeholder] = (await onServer(thread)).comments;
    expect(placeholder!.status).to.equal('deleted');
    expect(placeholder!.body).to.equal('');
  });

  it('shows a held comment to its author as pending, also after a reload, and published once approved', async () => {
    const thread = newThread();
    let element = await mount(thread);
    await write(element, { name: 'Dana', body: `Please ${HOLD_WORD} this.` });
    submit(element);
    await waitUntil(() => $(element, 'article .badge'), 'no pending badge');
    expect($(element, 'article .badge')!.textContent).to.equal('Awaiting moderation');
    expect($(element, 'p.visually-hidden[role=status]')!.textContent).to.equal('Your comment was received and awaits moderation.');
    expect((await onServer(thread)).total).to.equal(0);
    element = await reload(element);
    expect($(element, 'article .badge')!.textContent).to.equal('Awaiting moderation');
    const id = $(element, 'article.comment')!.dataset.id!;
    const admin = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
    const queue = await (await fetch(`${endpoint}/admin/comments?thread=${encodeURIComponent(thread)}`, { headers: admin })).json();
    const { revision } = queue.comments.find((comment: { id: string }) => comment.id === id);
    await fetch(`${endpoint}/admin/comments/${id}/approve`, { method: 'POST', headers: admin, body: JSON.stringify({ revision }) });
    element = await reload(element);
    expect(bodies(element)).to.deep.equal([`Please ${HOLD_WORD} this.`]);
    expect($(element, 'article .badge')).to.equal(null);
    expect($(element, '.bar p')!.textContent).to.equal('1 comment');
  });

  it('stops showing a held comment once moderation rejects it', async () => {
    const thread = newThread();
    let element = await mount(thread);
    await write(element, { name: 'Dana', body: `Please ${HOLD_WORD} me.` });
    submit(element);
    await waitUntil(() => $(element, 'article .badge'), 'no pending badge');
    const id = $(element, 'article.comment')!.dataset.id!;
    await fetch(`${endpoint}/admin/comments/${id}/reject`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    element = await reload(element);
    expect(bodies(element)).to.deep.equal([]);
    expect($(element, '.bar ~ p.muted')!.textContent).to.equal('No comments yet.');
    // Forgotten for good: the next reload does not ask again.
    expect(JSON.parse(localStorage.getItem('lede-comments:own')!)[id].pending).to.equal(undefined);
  });

  it('offers editing and deleting for as long as the server’s edit window says', async () => {
    await control('reset', { editWindow: '3s' });
    const thread = newThread();
    const element = await mount(thread);
    await write(element, { name: 'Dana', body: 'Quick to regret.' });
    submit(element);
    await waitUntil(() => $(element, 'article button.edit'), 'no edit button on the own comment');
    expect($(element, 'article button.delete')).not.to.equal(null);
    // The window closes on time, not at the next minute's refresh.
    await waitUntil(() => !$(element, 'article button.edit') && !$(element, 'article button.delete'), 'the edit window did not close', { timeout: 6000 });
    expect(bodies(element)).to.deep.equal(['Quick to regret.']);
  });

  it('keeps drafts across a reload', async () => {
    const thread = newThread();
    let element = await mount(thread);
    await write(element, { name: 'Dana', body: 'Typed, then the tab crashed.' });
    element = await reload(element);
    expect($<HTMLInputElement>(element, '#name-top')!.value).to.equal('Dana');
    expect($<HTMLTextAreaElement>(element, '#body-top')!.value).to.equal('Typed, then the tab crashed.');
    expect($(element, '#left-top')!.textContent).to.equal('4,972 characters left');
  });

  it('shows a refused field’s message by that field and puts the text back', async () => {
    const thread = newThread();
    const element = await mount(thread);
    // Control characters only: the client cannot tell, the server strips them and refuses the empty name.
    await write(element, { name: '\u0007', body: 'Kept text.' });
    submit(element);
    await waitUntil(() => $(element, '#name-top[aria-invalid=true]'), 'the name was not marked');
    await element.updateComplete;
    expect($(element, '#name-error-top')!.textContent).to.match(/author\.name|name/i);
    expect($<HTMLTextAreaElement>(element, '#body-top')!.value).to.equal('Kept text.');
    expect($(element, '.outbox')).to.equal(null);
    expect(root(element).activeElement?.id).to.equal('name-top');
  });

  it('sends with Ctrl+Enter from the comment field', async () => {
    const thread = newThread();
    const element = await mount(thread);
    await write(element, { name: 'Kay', body: '' });
    $<HTMLTextAreaElement>(element, '#body-top')!.focus();
    await sendKeys({ type: 'By keyboard' });
    await pressChord('Control', 'Enter');
    await waitUntil(() => bodies(element).includes('By keyboard'), 'Ctrl+Enter did not send');
    expect((await onServer(thread)).total).to.equal(1);
  });
});

describe('<lede-comments> when the network fails', () => {
  beforeEach(async () => {
    clearStorage();
    await control('reset');
  });
  afterEach(() => control('reset'));

  const unsent = (element: LedeComments) => $$(element, '.outbox .unsent');

  it('keeps a comment refused with a 500 as "not sent yet" and retries it by itself', async () => {
    const thread = newThread();
    const element = await mount(thread);
    await control('fault', { mode: 'status', status: 500, count: 1 });
    const errors: LedeErrorEvent[] = [];
    element.addEventListener('lede-error', (event) => errors.push(event));
    await write(element, { name: 'Dana', body: 'Despite a 500.' });
    submit(element);
    await waitUntil(() => unsent(element).length === 1 && !$(element, '.unsent button[disabled]'), 'not queued');
    expect(unsent(element)[0]!.textContent).to.contain('Not sent yet');
    expect(unsent(element)[0]!.textContent).to.contain('Despite a 500.');
    expect(errors[0]!.error.status).to.equal(500);
    expect($(element, 'p.visually-hidden[role=status]')!.textContent).to.contain('not sent yet');
    // The first retry comes after about two seconds.
    await waitUntil(() => bodies(element).includes('Despite a 500.'), 'not retried', { timeout: 6000 });
    expect(unsent(element)).to.have.length(0);
    expect((await onServer(thread)).total).to.equal(1);
  });

  it('stores a comment once when the answer was lost and the post is retried', async () => {
    const thread = newThread();
    const element = await mount(thread);
    await control('fault', { mode: 'lost', count: 1 });
    await write(element, { name: 'Dana', body: 'Answer lost.' });
    submit(element);
    await waitUntil(() => unsent(element).length === 1 && !$(element, '.unsent button[disabled]'), 'not queued');
    expect((await onServer(thread)).total).to.equal(1);
    $<HTMLButtonElement>(element, '.unsent button')!.click();
    await waitUntil(() => bodies(element).includes('Answer lost.'), 'the retry did not succeed');
    const stored = await onServer(thread);
    expect(stored.total).to.equal(1);
    expect(stored.comments.map((comment) => comment.body)).to.deep.equal(['Answer lost.']);
    expect(bodies(element)).to.deep.equal(['Answer lost.']);
  });

  it('gives up on a hanging request at the timeout and retries it', async () => {
    const thread = newThread();
    const element = await mount(thread, { timeout: '700' });
    await control('fault', { mode: 'hang', count: 1 });
    await write(element, { name: 'Dana', body: 'Hung once.' });
    submit(element);
    await waitUntil(() => $(element, '.unsent button[disabled]'), 'not sending');
    expect($(element, '.unsent button')!.textContent).to.equal('Sending…');
    await waitUntil(() => unsent(element).length === 1 && !$(element, '.unsent button[disabled]'), 'the timeout did not end the request');
    $<HTMLButtonElement>(element, '.unsent button')!.click();
    await waitUntil(() => bodies(element).includes('Hung once.'));
    expect((await onServer(thread)).total).to.equal(1);
  });

  it('waits for a slow answer within the timeout', async () => {
    const thread = newThread();
    const element = await mount(thread);
    await control('fault', { mode: 'slow', delay: 800, count: 1 });
    await write(element, { name: 'Dana', body: 'Slowly.' });
    submit(element);
    await element.updateComplete;
    expect($(element, '.unsent button')!.textContent).to.equal('Sending…');
    await waitUntil(() => bodies(element).includes('Slowly.'));
    expect(unsent(element)).to.have.length(0);
    expect((await onServer(thread)).total).to.equal(1);
  });

  it('survives the server dying mid-post and a reload: sent once when the browser is back online', async () => {
    const thread = newThread();
    let element = await mount(thread);
    await control('fault', { mode: 'kill', count: 1 });
    await write(element, { name: 'Dana', body: 'Server died under me.' });
    submit(element);
    await waitUntil(() => unsent(element).length === 1 && !$(element, '.unsent button[disabled]'), 'not queued');
    // Reload while the server is still down: the outbox comes back from localStorage.
    element = await reload(element).catch(() => element);
    await waitUntil(() => unsent(element).length === 1 && !$(element, '.unsent button[disabled]'), 'the outbox did not survive the reload');
    expect(unsent(element)[0]!.textContent).to.contain('Server died under me.');
    await control('start');
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => unsent(element).length === 0, 'not sent when back online');
    const stored = await onServer(thread);
    expect(stored.total).to.equal(1);
    expect(stored.comments[0]!.body).to.equal('Server died under me.');
  });

  it('offline: the comment waits, the reply draft survives a reload, both arrive once online', async () => {
    const thread = newThread();
    const { ids } = await seed(thread, [{ name: 'Ann', body: 'Parent.' }]);
    let element = await mount(thread);
    await control('stop');
    window.dispatchEvent(new Event('offline'));
    await write(element, { name: 'Dana', body: 'Written offline.' });
    submit(element);
    await waitUntil(() => unsent(element).length === 1 && !$(element, '.unsent button[disabled]'), 'not queued');
    $<HTMLButtonElement>(element, `[data-id="${ids[0]}"] button.reply`)!.click();
    await element.updateComplete;
    await write(element, { form: ids[0]!, body: 'A reply draft.' });
    element.remove();
    await control('start');
    element = await mount(thread);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => unsent(element).length === 0 && bodies(element).includes('Written offline.'), 'not sent after the reload');
    $<HTMLButtonElement>(element, `[data-id="${ids[0]}"] button.reply`)!.click();
    await element.updateComplete;
    expect($<HTMLTextAreaElement>(element, `#body-${ids[0]}`)!.value).to.equal('A reply draft.');
    expect((await onServer(thread)).total).to.equal(2);
  });

  it('keeps a comment posted while the first page is still on its way', async () => {
    const thread = newThread();
    // The page is read at once but arrives 1.5 s later, after the comment below is stored and answered.
    await control('fault', { mode: 'late', delay: 1500, method: 'GET', path: '/comments', count: 1 });
    const element = document.createElement('lede-comments') as LedeComments;
    element.setAttribute('endpoint', endpoint);
    element.setAttribute('thread', thread);
    await fixture(element);
    await waitUntil(() => $(element, 'form textarea'), 'no form');
    expect($(element, '.muted[role=status]'), 'still loading').to.exist;
    await write(element, { name: 'Dana', body: 'Posted during the load.' });
    submit(element);
    await waitUntil(() => !$(element, '.muted[role=status]') && unsent(element).length === 0, 'not loaded and sent');
    expect(bodies(element)).to.deep.equal(['Posted during the load.']);
    expect($(element, '.bar p')!.textContent).to.equal('1 comment');
    expect((await onServer(thread)).total).to.equal(1);
  });

  it('on 429 says when it will retry and waits for Retry-After', async () => {
    const thread = newThread();
    const element = await mount(thread);
    // The server allows 5 posts a minute from one client.
    for (let index = 0; index < 5; index += 1) {
      await write(element, { name: 'Dana', body: `Post ${index}` });
      submit(element);
      await waitUntil(() => bodies(element).includes(`Post ${index}`));
    }
    await write(element, { name: 'Dana', body: 'One too many.' });
    submit(element);
    await waitUntil(() => unsent(element).length === 1 && !$(element, '.unsent button[disabled]'), 'not queued');
    expect($(element, 'p.visually-hidden[role=status]')!.textContent).to.match(/try again in/i);
    // The server's own words: its minute runs from the first post, so a slow browser reads "59 seconds".
    expect(unsent(element)[0]!.textContent).to.match(/try again in (1 minute|\d+ seconds)/i);
    const [entry] = JSON.parse(localStorage.getItem(`lede-comments:outbox:${thread}`)!);
    expect(entry.retryAt - Date.now()).to.be.greaterThan(5000);
    expect((await onServer(thread)).total).to.equal(5);
  });
});

describe('<lede-comments> and a broken or hostile server', () => {
  beforeEach(async () => {
    clearStorage();
    await control('reset');
  });
  afterEach(() => control('reset'));

  const unsent = (element: LedeComments) => $$(element, '.outbox .unsent');
  /** Answers `count` requests of `method` whose path contains `path` with this status, body and headers. */
  const answer = (method: string, path: string, status: number, body: unknown, headers: Record<string, string> = {}, count = 1) =>
    control('fault', { mode: 'answer', method, path, status, body, headers, count });
  /** A well-formed comment in every field but `change`. */
  const comment = (thread: string, change: object = {}) => ({
    id: 'c1',
    threadId: thread,
    parentId: null,
    author: { name: 'Ann' },
    body: 'Hi.',
    createdAt: new Date().toISOString(),
    editedAt: null,
    status: 'published',
    score: 0,
    replyCount: 0,
    ...change,
  });

  for (const [what, page] of [
    ['comments that are not an array', (thread: string) => ({ comments: { 0: comment(thread) }, nextCursor: null, total: 1 })],
    ['a comment with author null', (thread: string) => ({ comments: [comment(thread, { author: null })], nextCursor: null, total: 1 })],
  ] as const) {
    it(`shows the load error, not a broken page, for ${what}`, async () => {
      const thread = newThread();
      await answer('GET', '/threads/', 200, page(thread));
      const element = document.createElement('lede-comments');
      element.endpoint = endpoint;
      element.thread = thread;
      const failed = new Promise<LedeErrorEvent>((resolve) => element.addEventListener('lede-error', resolve, { once: true }));
      await fixture(element);
      expect((await failed).error.code).to.equal('invalid-data');
      await waitUntil(() => $(element, '[role=alert]'), 'no error state');
      expect($(element, '[role=alert]')!.textContent).to.contain('Comments could not be loaded.');
      // The server is sane again: the retry button loads the thread.
      $<HTMLButtonElement>(element, '[role=alert] button')!.click();
      await waitUntil(() => root(element).textContent!.includes('No comments yet.'), 'the retry did not load the thread');
    });
  }

  it('stops asking for replies from a server that always has more, and says so', async () => {
    const thread = newThread();
    await seed(thread, [{ name: 'Ann', body: 'Parent.' }, ...Array.from({ length: 5 }, (_, index) => ({ name: 'Bo', body: `Reply ${index}.`, parent: 0 }))]);
    const element = await mount(thread);
    await answer('GET', '/replies', 200, { comments: [], nextCursor: 'again', total: 5 }, {}, 500);
    const failed = new Promise<LedeErrorEvent>((resolve) => element.addEventListener('lede-error', resolve, { once: true }));
    $<HTMLButtonElement>(element, 'button.more-replies')!.click();
    expect((await failed).error.code).to.equal('invalid-data');
    const { count } = await control<{ count: number }>('faults');
    expect(500 - count).to.equal(20);
    await element.updateComplete;
    expect($(element, 'p.visually-hidden[role=status]')!.textContent).to.contain('stopped after 20 pages');
    expect($(element, 'button.more-replies')).not.to.equal(null);
  });

  it('keeps a Retry-After of weeks to an hour, within what a timer can wait', async () => {
    const thread = newThread();
    const element = await mount(thread);
    await answer('POST', '/comments', 429, { error: { code: 'rate_limited', message: 'Slow down.' } }, { 'Retry-After': '3000000' });
    const delays: number[] = [];
    const setTimer = window.setTimeout;
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]) => {
      delays.push(delay ?? 0);
      return setTimer(handler, delay, ...rest);
    }) as typeof window.setTimeout;
    try {
      await write(element, { name: 'Dana', body: 'Patient.' });
      submit(element);
      await waitUntil(() => unsent(element).length === 1 && !$(element, '.unsent button[disabled]'), 'not queued');
      await new Promise((resolve) => setTimer(resolve, 300));
    } finally {
      window.setTimeout = setTimer;
    }
    const [entry] = JSON.parse(localStorage.getItem(`lede-comments:outbox:${thread}`)!);
    const wait = entry.retryAt - Date.now();
    expect(wait > 3_500_000 && wait <= 3_600_000, String(wait)).to.equal(true);
    expect(Math.max(...delays)).to.be.at.most(2 ** 31 - 1);
    expect(unsent(element)[0]!.textContent).to.contain('Patient.');
  });

  it('keeps the comment in the outbox when a 201 lacks it, and sends it again', async () => {
    const thread = newThread();
    const element = await mount(thread);
    await answer('POST', '/comments', 201, { editToken: 'x' });
    const failed = new Promise<LedeErrorEvent>((resolve) => element.addEventListener('lede-error', resolve, { once: true }));
    await write(element, { name: 'Dana', body: 'Not lost.' });
    submit(element);
    expect((await failed).error.code).to.equal('invalid-data');
    await waitUntil(() => unsent(element).length === 1, 'the comment left the outbox');
    expect(unsent(element)[0]!.textContent).to.contain('Not lost.');
    // The next attempt, about two seconds later, reaches the real server.
    await waitUntil(() => bodies(element).includes('Not lost.'), 'not sent again', { timeout: 6000 });
    expect(unsent(element)).to.have.length(0);
    expect((await onServer(thread)).total).to.equal(1);
  });
});

/** Payloads that would set `window.__xss` if any text ever became markup or a script URL. */
const xssCorpus = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 1">',
  '"><svg onload=window.__xss=1>',
  '<iframe srcdoc="<script>parent.__xss = 1</script>"></iframe>',
  '<a href="javascript:window.__xss = 1">click</a>',
  'javascript:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  'https://example.com/"><img src=x onerror=window.__xss=1>',
  '</textarea><script>window.__xss = 1</script>',
  '${window.__xss = 1}',
  '{{constructor.constructor("window.__xss = 1")()}}',
  '<style>@import "javascript:window.__xss=1"</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
];

describe('<lede-comments> and hostile text', () => {
  beforeEach(async () => {
    clearStorage();
    await control('reset');
    delete (window as { __xss?: number }).__xss;
  });

  it('renders every payload in names and bodies as text, and links only http(s)', async () => {
    const thread = newThread();
    await seed(
      thread,
      xssCorpus.map((payload) => ({ name: payload.slice(0, 80), body: `${payload}\nsee https://example.com/a?b=<c> and www.example.org.` })),
    );
    const element = await mount(thread, { 'page-size': '50' });
    // Posting through the form takes the same path as any other text.
    await write(element, { name: xssCorpus[1]!, body: xssCorpus[0]! });
    submit(element);
    await waitUntil(() => $$(element, 'article.comment').length === xssCorpus.length + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect($$(element, 'script, img, svg, iframe, style:not([data-lede]), math, mglyph').filter((node) => node.closest('article'))).to.have.length(0);
    const names = $$(element, 'article.comment .meta strong').map((strong) => strong.textContent);
    for (const payload of xssCorpus) expect(names).to.include(payload.slice(0, 80));
    const links = $$<HTMLAnchorElement>(element, 'article a');
    expect(links.length).to.be.greaterThan(xssCorpus.length);
    for (const link of links) {
      expect(link.protocol).to.match(/^https?:$/);
      expect(link.rel).to.equal('nofollow ugc noopener');
    }
    expect(links.map((link) => link.textContent)).to.include.members(['https://example.com/a?b=', 'www.example.org']);
    expect(links.find((link) => link.textContent === 'www.example.org')!.href).to.equal('https://www.example.org/');
  });
});

describe('<lede-comments> in context, in other languages, at length, and offline-first', () => {
  beforeEach(async () => {
    clearStorage();
    await control('reset');
  });

  it('takes its thread from the enclosing <lede-article>: the id, else the URL', async () => {
    const thread = newThread();
    await seed(thread, [{ name: 'Ann', body: 'On the article.' }]);
    const wrapper = await fixture<HTMLElement>(
      html`<lede-article .article=${{ headline: 'Story', id: thread }}><lede-comments endpoint=${endpoint}></lede-comments></lede-article>`,
    );
    const element = wrapper.querySelector('lede-comments')!;
    await waitUntil(() => bodies(element).length === 1, 'the article’s thread did not load');
    expect(element.threadId).to.equal(thread);
    expect(bodies(element)).to.deep.equal(['On the article.']);
    (wrapper as HTMLElement & { article: unknown }).article = { headline: 'Story', url: 'https://news.example/story' };
    await waitUntil(() => element.threadId === 'https://news.example/story');
  });

  it('speaks Arabic right to left, with Arabic plurals, indents on the right, and passes axe', async () => {
    const thread = newThread();
    await seed(thread, [
      { name: 'سارة', body: 'تعليق أول.' },
      { name: 'علي', body: 'رد.', parent: 0 },
    ]);
    const wrapper = await fixture<HTMLElement>(html`<div lang="ar" dir="rtl"><lede-comments endpoint=${endpoint} thread=${thread}></lede-comments></div>`);
    const element = wrapper.querySelector('lede-comments')!;
    await waitUntil(() => bodies(element).length === 2);
    expect($(element, 'h2')!.textContent).to.equal('التعليقات');
    expect($(element, '.bar p')!.textContent).to.equal('تعليقان');
    expect($(element, 'form button[type=submit]')!.textContent).to.equal('نشر التعليق');
    const reply = $$(element, 'article.comment')[1]!;
    expect(parseFloat(getComputedStyle(reply).marginRight)).to.be.greaterThan(0);
    expect(parseFloat(getComputedStyle(reply).marginLeft)).to.equal(0);
    expect($(element, 'time')!.textContent).to.match(/[\u0600-\u06FF]/);
    await expect(element).to.be.accessible();
  });

  for (const page of ['a right-to-left page', 'a right-to-left block in a left-to-right page']) {
    it(`hides the honeypot in ${page}: no sideways scroll, no tab stop, a localized label, and a bot filling it is held`, async () => {
      const documentElement = document.documentElement;
      const saved = { dir: documentElement.dir, lang: documentElement.lang };
      if (page === 'a right-to-left page') Object.assign(documentElement, { dir: 'rtl', lang: 'ar' });
      try {
        const thread = newThread();
        const wrapper = await fixture<HTMLElement>(html`<div lang="ar" dir="rtl"><lede-comments endpoint=${endpoint} thread=${thread}></lede-comments></div>`);
        const element = wrapper.querySelector('lede-comments')!;
        await waitUntil(() => root(element).textContent!.includes('لا تعليقات بعد.'), 'the thread did not load', { timeout: 5000 });
        expect(documentElement.scrollWidth, 'page width').to.be.at.most(innerWidth);

        // Not to be seen: no point of the field is hit where it lies.
        const trap = $<HTMLInputElement>(element, 'input[name=website]')!;
        const box = trap.getBoundingClientRect();
        const hits = [0.1, 0.5, 0.9].map((x) => root(element).elementFromPoint(box.left + box.width * x, box.top + box.height / 2) === trap);
        expect(hits).to.deep.equal([false, false, false]);
        expect(trap.closest('label')!.textContent!.trim()).to.equal('اترك هذا الحقل فارغًا');
        expect(trap.autocomplete).to.equal('off');

        // Not to be reached: Tab goes from the comment field to the send button.
        $<HTMLInputElement>(element, '#name-top')!.focus();
        const stops: string[] = [];
        for (let step = 0; step < 2; step += 1) {
          await sendKeys({ press: 'Tab' });
          const active = root(element).activeElement;
          stops.push(active?.getAttribute('name') ?? active?.getAttribute('type') ?? String(active?.tagName));
        }
        expect(stops).to.deep.equal(['body', 'submit']);
        await expect(element).to.be.accessible();

        // Still a trap: what a bot types there holds its comment for moderation.
        trap.value = 'https://spam.example/';
        await write(element, { name: 'Bot', body: 'Buy now.' });
        submit(element);
        await waitUntil(() => $(element, 'article .badge'), 'the comment was not held', { timeout: 5000 });
        expect($(element, 'article .badge')!.textContent).to.equal('بانتظار المراجعة');
        expect((await onServer(thread)).total).to.equal(0);
      } finally {
        Object.assign(documentElement, saved);
      }
    });
  }

  for (const [lang, expected] of [
    ['de', ['Kommentare', '2 Kommentare', 'Noch 5.000 Zeichen', 'Kommentar veröffentlichen']],
    ['es', ['Comentarios', '2 comentarios', 'Quedan 5000 caracteres', 'Publicar comentario']],
  ] as const) {
    it(`speaks ${lang}, its words loaded on demand`, async () => {
      const thread = newThread();
      await seed(thread, [
        { name: 'Jo', body: 'Eins.' },
        { name: 'Al', body: 'Zwei.', parent: 0 },
      ]);
      const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}><lede-comments endpoint=${endpoint} thread=${thread}></lede-comments></div>`);
      const element = wrapper.querySelector('lede-comments')!;
      await waitUntil(() => bodies(element).length === 2);
      expect(['h2', '.bar p', '#left-top', 'form button[type=submit]'].map((selector) => $(element, selector)!.textContent)).to.deep.equal([...expected]);
      await expect(element).to.be.accessible();
    });
  }

  it('is accessible in French and in the dark theme', async () => {
    const thread = newThread();
    await seed(thread, [{ name: 'Jo', body: 'Bonjour.' }]);
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr"><lede-comments endpoint=${endpoint} thread=${thread} theme="dark"></lede-comments></div>`);
    const element = wrapper.querySelector('lede-comments')!;
    await waitUntil(() => bodies(element).length === 1);
    expect($(element, '.bar p')!.textContent).to.equal('1 commentaire');
    expect(getComputedStyle(element).colorScheme).to.equal('dark');
    await expect(element).to.be.accessible();
  });

  it('shows an alert with a retry when the thread cannot load, and fires lede-error', async () => {
    await control('fault', { mode: 'status', status: 503, count: 1 });
    const element = document.createElement('lede-comments');
    element.endpoint = endpoint;
    element.thread = newThread();
    const failed = new Promise<LedeErrorEvent>((resolve) => element.addEventListener('lede-error', resolve, { once: true }));
    await fixture(element);
    expect((await failed).error.status).to.equal(503);
    await element.updateComplete;
    const alert = $(element, '[role=alert]')!;
    expect(alert.textContent).to.contain('Comments could not be loaded.');
    await expect(element).to.be.accessible();
    alert.querySelector('button')!.click();
    await waitUntil(() => root(element).textContent!.includes('No comments yet.'), 'the retry did not load the thread');
    expect($(element, '[role=alert]')).to.equal(null);
  });

  it('renders a thousand comments in chunks as the reader scrolls, and collapses deep replies', async function () {
    // As long as the scrolling below may take, and the rest: a frame per chunk is slow in a busy test browser (WebKit under Xvfb).
    this.timeout(30000);
    const comments: Comment[] = Array.from({ length: 1000 }, (_, index) => ({
      id: `c${index}`,
      threadId: 'big',
      parentId: null,
      author: { name: `Reader ${index}` },
      body: `Comment number ${index}.`,
      createdAt: new Date(Date.now() - index * 60_000).toISOString(),
      editedAt: null,
      status: 'published',
      score: 0,
      replyCount: 0,
    }));
    // A chain five levels deep under the first comment.
    let parent = comments[0]!;
    for (let depth = 1; depth <= 5; depth += 1) {
      const reply: Comment = { ...parent, id: `deep${depth}`, parentId: parent.id, author: { name: `Depth ${depth}` }, body: `Depth ${depth}.`, replyCount: 0 };
      parent.replies = [reply];
      parent.replyCount = 1;
      parent = reply;
    }
    const provider = {
      list: async () => ({ comments, nextCursor: null, total: 1005 }),
    } as unknown as CommentProvider;
    const element = await fixture<LedeComments>(html`<lede-comments thread="big" .provider=${provider}></lede-comments>`);
    await waitUntil(() => $$(element, 'article.comment').length > 0);
    // Three chunks of 20 rows; the rest waits until the reader gets near them.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect($$(element, 'article.comment')).to.have.length(60);
    // Scrolling to the end renders the next chunks, one per frame, until every comment is there.
    await waitUntil(
      () => {
        $(element, '.sentinel')?.scrollIntoView();
        return $$(element, 'article.comment').length === 1005;
      },
      'not every comment rendered while scrolling',
      { timeout: 20000, interval: 30 },
    );
    expect($(element, '.sentinel')).to.equal(null);
    const depths = ['deep1', 'deep2', 'deep3', 'deep4', 'deep5'].map((id) => $(element, `[data-id="${id}"]`)!.style.getPropertyValue('--depth'));
    expect(depths).to.deep.equal(['1', '2', '3', '3', '3']);
    expect($(element, '[data-id="deep4"] .meta')!.textContent).to.contain('replying to \u2068Depth 3\u2069');
  });

  it('keeps comments in IndexedDB with backend="local", across a reload, once per idempotency key', async () => {
    const thread = newThread();
    let element = await mount(thread, { backend: 'local' });
    await write(element, { name: 'Lou', body: 'Stored in this browser.' });
    submit(element);
    await waitUntil(() => bodies(element).includes('Stored in this browser.'));
    element = await reload(element);
    expect(bodies(element)).to.deep.equal(['Stored in this browser.']);
    const { LocalCommentProvider } = await import('../src/comments.js');
    const local = new LocalCommentProvider();
    const draft = { author: { name: 'Lou' }, body: 'Twice?', parentId: null };
    const once = await local.post(thread, draft, { idempotencyKey: 'same-key-123' });
    const twice = await local.post(thread, draft, { idempotencyKey: 'same-key-123' });
    expect(twice.comment.id).to.equal(once.comment.id);
    expect((await local.count([thread]))[thread]).to.equal(2);
    await local.post(thread, { ...draft, body: 'A reply.', parentId: once.comment.id }, { idempotencyKey: 'reply-key-123' });
    await local.delete(once.comment.id, once.editToken);
    const page = await local.list(thread, { sort: 'oldest', limit: 10 });
    expect(page.comments.map((comment) => [comment.status, comment.body])).to.deep.equal([
      ['published', 'Stored in this browser.'],
      ['deleted', ''],
    ]);
    expect(page.comments[1]!.replies!.map((comment) => comment.body)).to.deep.equal(['A reply.']);
    expect(await local.edit(page.comments[1]!.replies![0]!.id, 'x', 'wrong-token').catch((error: LedeError) => error.status)).to.equal(403);
    expect((await local.get(once.comment.id))?.status).to.equal('deleted');
    expect(await local.get('no-such-comment')).to.equal(null);
  });

  it('holds LocalCommentProvider posts and edits to the protocol limits in characters, as the server does', async () => {
    const { LocalCommentProvider } = await import('../src/comments.js');
    const local = new LocalCommentProvider();
    const thread = newThread();
    const outcome = (promise: Promise<unknown>) =>
      promise.then(
        () => 'stored',
        (error: LedeError) => `${error.status} ${error.field}`,
      );
    const draft = (name: string, body: string) => ({ author: { name }, body, parentId: null });
    const longest = 'é'.repeat(LIMITS.body.max);
    expect(await outcome(local.post(thread, draft('n'.repeat(LIMITS.name.max + 1), 'Hi'), { idempotencyKey: 'long-name-1' }))).to.equal('422 author.name');
    expect(await outcome(local.post(thread, draft('Lou', `${longest}x`), { idempotencyKey: 'long-body-1' }))).to.equal('422 body');
    const posted = await local.post(thread, draft('Lou', longest), { idempotencyKey: 'longest-1' });
    expect(await outcome(local.edit(posted.comment.id, `${longest}x`, posted.editToken))).to.equal('422 body');
    // Emoji are two UTF-16 units each, one character each.
    expect(await outcome(local.edit(posted.comment.id, '\u{1F600}'.repeat(LIMITS.body.max), posted.editToken))).to.equal('stored');
  });
});
