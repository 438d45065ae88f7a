// Live threads in <lede-comments>. The element is tested against the provider contract: a real
// LocalCommentProvider (IndexedDB, and BroadcastChannel between providers) with a second provider
// on the same database as the other readers, and a provider whose events the test sends. The REST
// provider's EventSource runs against a real SSE stream (test/support/test-api.mjs).
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/comments.js';
import { LocalCommentProvider, RestCommentProvider, type CommentProvider, type LedeComments } from '../src/comments.js';
import type { ThreadEvent, ThreadEventHandlers } from '../src/comments/provider.js';
import type { Comment } from '../src/model.js';
import { $, $$, newThread, root, waitUntil } from './support/comment-api.js';

/** A database of this test's own, so other tests' comments never show. */
const database = () => `live-${Math.random().toString(36).slice(2)}`;
const draft = (body: string, parentId: string | null = null, name = 'Other') => ({ author: { name }, body, parentId });
let keys = 0;
const key = () => `live-key-${Date.now()}-${(keys += 1)}`;

const bodies = (element: Element) => $$(element, 'article.comment:not(.deleted)').map((article) => article.querySelector('p:not(.meta)')?.textContent ?? '');
const announced = (element: Element) => $(element, 'p.visually-hidden[role=status]')!.textContent;
const button = (element: Element) => $<HTMLButtonElement>(element, 'button.new-comments');
const article = (element: Element, body: string) => $$(element, 'article.comment').find((each) => each.textContent!.includes(body));
const isNew = (element: Element, body: string) => {
  const found = article(element, body);
  return `${found?.classList.contains('new')} ${found?.querySelector('.meta .badge')?.textContent}`;
};

/** A LocalCommentProvider whose `events` the test drives (and counts). */
class DrivenProvider extends LocalCommentProvider {
  handlers?: ThreadEventHandlers;
  subscriptions = 0;
  lists = 0;
  override events(_thread: string, handlers: ThreadEventHandlers): () => void {
    this.subscriptions += 1;
    this.handlers = handlers;
    return () => {
      if (this.handlers === handlers) this.handlers = undefined;
    };
  }
  override list(...args: Parameters<LocalCommentProvider['list']>) {
    this.lists += 1;
    return super.list(...args);
  }
  send(event: ThreadEvent): void {
    this.handlers!.event(event);
  }
}

/** A provider with no `events`: the element polls it. */
function withoutEvents(local: LocalCommentProvider): CommentProvider & { lists: number } {
  const provider = {
    lists: 0,
    list: (...args: Parameters<CommentProvider['list']>) => {
      provider.lists += 1;
      return local.list(...args);
    },
    replies: local.replies.bind(local),
    post: local.post.bind(local),
    get: local.get.bind(local),
    edit: local.edit.bind(local),
    delete: local.delete.bind(local),
    vote: local.vote.bind(local),
    report: local.report.bind(local),
    count: local.count.bind(local),
  };
  return provider;
}

async function mount(provider: CommentProvider, thread: string, attributes = '', wrap = (inner: string) => inner): Promise<LedeComments> {
  const container = document.createElement('div');
  // Live is opt-in: on unless the test sets it itself.
  container.innerHTML = wrap(
    `<lede-comments loading="eager" thread="${thread}" ${attributes.includes('live=') ? attributes : `live ${attributes}`}></lede-comments>`,
  );
  const element = container.querySelector('lede-comments')!;
  element.provider = provider;
  await fixture(container);
  // The count shows once the thread and its language have loaded.
  await waitUntil(() => $(element, '.bar p')?.textContent, 'the thread did not load');
  return element;
}

/** Whether the tab looks hidden: the drivers cannot hide a tab, so the document says it is. */
function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'hidden', { value: hidden, configurable: true });
  Object.defineProperty(document, 'visibilityState', { value: hidden ? 'hidden' : 'visible', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  delete (document as { hidden?: boolean }).hidden;
  delete (document as { visibilityState?: string }).visibilityState;
});

describe('<lede-comments> live', function () {
  // IndexedDB, BroadcastChannel and axe while three browsers share two cores.
  this.timeout(30000);
  it('holds new comments behind a button, announces it, and shows them at the top on a key press', async () => {
    const name = database();
    const other = new LocalCommentProvider(name);
    const thread = newThread();
    await other.post(thread, draft('Old one.'), { idempotencyKey: key() });
    const element = await mount(new LocalCommentProvider(name), thread);
    const select = $<HTMLSelectElement>(element, 'select')!;
    select.focus();
    for (const body of ['New one.', 'New two.', 'New three.']) await other.post(thread, draft(body), { idempotencyKey: key() });
    await waitUntil(() => button(element)?.textContent === '3 new comments', 'no button');
    expect(bodies(element)).to.deep.equal(['Old one.']);
    expect(announced(element)).to.equal('3 new comments');
    expect($(element, '.bar p')!.textContent).to.equal('4 comments');
    expect(root(element).activeElement === select, 'focus stays on the sort menu').to.equal(true);
    await expect(element).to.be.accessible();

    // Keyboard: Tab from the menu reaches the button; Enter shows them and moves focus to the first.
    await sendKeys({ press: 'Tab' });
    expect(root(element).activeElement?.className).to.equal('new-comments');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !button(element), 'the button stayed');
    await element.updateComplete;
    expect(bodies(element)).to.deep.equal(['New three.', 'New two.', 'New one.', 'Old one.']);
    expect(root(element).activeElement?.textContent).to.include('New three.');
    expect(isNew(element, 'New one.')).to.equal('true New');
    expect(isNew(element, 'Old one.')).to.equal('false undefined');
  });

  it('puts replies to comments on screen in place, marked new, and changes edits, votes and deletions in place', async () => {
    const name = database();
    const other = new LocalCommentProvider(name);
    const thread = newThread();
    const first = await other.post(thread, draft('First.'), { idempotencyKey: key() });
    const second = await other.post(thread, draft('Second.'), { idempotencyKey: key() });
    const element = await mount(new LocalCommentProvider(name), thread);
    await other.post(thread, draft('A reply.', first.comment.id), { idempotencyKey: key() });
    await waitUntil(() => bodies(element).includes('A reply.'), 'the reply did not come');
    expect(bodies(element)).to.deep.equal(['Second.', 'First.', 'A reply.']);
    expect(isNew(element, 'A reply.')).to.equal('true New');
    expect(announced(element)).to.equal('1 new reply');
    expect(button(element)).to.equal(null);
    await expect(element).to.be.accessible();

    await other.edit(second.comment.id, 'Second, edited.', second.editToken);
    await other.vote(first.comment.id, 1);
    await waitUntil(() => bodies(element).includes('Second, edited.') && article(element, 'First.')!.querySelector('.score')!.textContent === '1');
    expect(article(element, 'Second, edited.')!.textContent).to.include('edited');
    await other.delete(second.comment.id, second.editToken);
    await waitUntil(() => !bodies(element).includes('Second, edited.'), 'the deleted comment stayed');
    // First has a reply: deleting it leaves a placeholder.
    await other.delete(first.comment.id, first.editToken);
    await waitUntil(() => $$(element, 'article.deleted').length === 1, 'no placeholder');
    expect(bodies(element)).to.deep.equal(['A reply.']);
    expect($(element, '.bar p')!.textContent).to.equal('1 comment');
  });

  it('shows the reader’s own comment at once and never twice when its event comes', async () => {
    const name = database();
    const thread = newThread();
    const provider = new LocalCommentProvider(name);
    const element = await mount(provider, thread);
    const seen: ThreadEvent[] = [];
    const stop = new LocalCommentProvider(name).events(thread, { event: (event) => seen.push(event), error: () => {} });
    const field = (selector: string) => $<HTMLInputElement>(element, `form ${selector}`)!;
    field('[name=name]').value = 'Me';
    field('[name=name]').dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    field('[name=body]').value = 'My own.';
    field('[name=body]').dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    $<HTMLButtonElement>(element, 'form button[type=submit]')!.click();
    await waitUntil(() => bodies(element).includes('My own.'), 'the comment did not show');
    await waitUntil(() => seen.some((event) => event.type === 'created'), 'no event');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await element.updateComplete;
    stop();
    expect(bodies(element)).to.deep.equal(['My own.']);
    expect(button(element)).to.equal(null);
    expect($(element, '.bar p')!.textContent).to.equal('1 comment');
  });

  it('marks new the replies that came while their comment waited behind the button', async () => {
    const name = database();
    const provider = new DrivenProvider(name);
    const other = new LocalCommentProvider(name);
    const thread = newThread();
    await other.post(thread, draft('Old.'), { idempotencyKey: key() });
    const element = await mount(provider, thread);
    await waitUntil(() => provider.handlers, 'not subscribed');
    const parent = await other.post(thread, draft('Waiting.'), { idempotencyKey: key() });
    const reply = await other.post(thread, draft('Its reply.', parent.comment.id), { idempotencyKey: key() });
    provider.send({ type: 'created', data: parent.comment });
    provider.send({ type: 'created', data: reply.comment });
    await waitUntil(() => button(element)?.textContent === '1 new comment', 'no button');
    button(element)!.click();
    await waitUntil(() => bodies(element).length === 3, 'not shown');
    expect(bodies(element)).to.deep.equal(['Waiting.', 'Its reply.', 'Old.']);
    expect([isNew(element, 'Waiting.'), isNew(element, 'Its reply.'), isNew(element, 'Old.')]).to.deep.equal(['true New', 'true New', 'false undefined']);
  });

  it('counts the reader’s own comment and reply once when their events come before the post answers', async () => {
    /** Its own events are sent before each post answers, as a fast stream can. */
    class EarlyEvents extends DrivenProvider {
      override async post(...args: Parameters<LocalCommentProvider['post']>) {
        const posted = await super.post(...args);
        this.send({ type: 'created', data: posted.comment });
        await new Promise((resolve) => setTimeout(resolve, 50));
        return posted;
      }
    }
    const provider = new EarlyEvents(database());
    const thread = newThread();
    const element = await mount(provider, thread);
    await waitUntil(() => provider.handlers, 'not subscribed');
    const type = (selector: string, value: string) => {
      const field = $<HTMLInputElement>(element, selector)!;
      field.value = value;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };
    type('form [name=name]', 'Me');
    type('form [name=body]', 'Mine, early.');
    $<HTMLButtonElement>(element, 'form button[type=submit]')!.click();
    await waitUntil(() => bodies(element).includes('Mine, early.'), 'the comment did not show');
    await element.updateComplete;
    expect([button(element) === null, $(element, '.bar p')!.textContent]).to.deep.equal([true, '1 comment']);
    $<HTMLButtonElement>(element, 'button.reply')!.click();
    await waitUntil(() => $(element, 'article textarea'), 'no reply form');
    type('article [name=body]', 'My reply, early.');
    $<HTMLButtonElement>(element, 'article form button[type=submit]')!.click();
    await waitUntil(() => bodies(element).includes('My reply, early.'), 'the reply did not show');
    await element.updateComplete;
    expect([bodies(element), $(element, '.bar p')!.textContent, $(element, 'button.more-replies') === null]).to.deep.equal([
      ['Mine, early.', 'My reply, early.'],
      '2 comments',
      true,
    ]);
  });

  it('leaves a reply being typed, and focus, alone until the form closes', async () => {
    const name = database();
    const other = new LocalCommentProvider(name);
    const thread = newThread();
    const target = await other.post(thread, draft('Answer me.'), { idempotencyKey: key() });
    const element = await mount(new LocalCommentProvider(name), thread);
    $<HTMLButtonElement>(element, 'button.reply')!.click();
    await waitUntil(() => $(element, `article textarea`), 'no reply form');
    const textarea = $<HTMLTextAreaElement>(element, 'article textarea')!;
    textarea.focus();
    await sendKeys({ type: 'Halfway there' });
    expect(textarea.value, 'as typed').to.equal('Halfway there');
    await other.edit(target.comment.id, 'Changed under you.', target.editToken);
    await other.post(thread, draft('Meanwhile.'), { idempotencyKey: key() });
    await other.post(thread, draft('A reply beside yours.', target.comment.id), { idempotencyKey: key() });
    await waitUntil(() => button(element) && bodies(element).includes('A reply beside yours.'), 'the events did not come');
    await other.delete(target.comment.id, target.editToken);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await element.updateComplete;
    expect($<HTMLTextAreaElement>(element, 'article textarea')?.value).to.equal('Halfway there');
    expect(root(element).activeElement === textarea, 'focus stays in the reply').to.equal(true);
    expect(bodies(element)[0]).to.equal('Answer me.');
    // Closed: what waited for the form comes in.
    $$<HTMLButtonElement>(element, 'article form button[type=button]')[0]!.click();
    await waitUntil(() => $$(element, 'article.deleted').length === 1, 'the deletion did not follow');
  });

  it('keeps the comment at the top of the viewport where it is when replies arrive above it', async () => {
    const name = database();
    const other = new LocalCommentProvider(name);
    const thread = newThread();
    const posted = [];
    for (let index = 0; index < 30; index += 1) posted.push(await other.post(thread, draft(`Comment ${index}.`), { idempotencyKey: key() }));
    const element = await mount(new LocalCommentProvider(name), thread, 'page-size="30"');
    await waitUntil(() => bodies(element).length >= 30, 'not all shown');
    const reading = article(element, 'Comment 10.')!;
    reading.scrollIntoView();
    // A reader at rest: Firefox may still be carrying the scroll out a frame later under load.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const before = reading.getBoundingClientRect().top;
    // Comment 20 is above comment 10 (newest first): a reply and an edit grow it.
    await other.post(thread, draft('A long reply.\n\nIn two paragraphs.', posted[20]!.comment.id), { idempotencyKey: key() });
    await other.edit(posted[25]!.comment.id, 'Now much longer.\n\nAnd longer.\n\nAnd longer still.', posted[25]!.editToken);
    await waitUntil(() => bodies(element).includes('Now much longer.') && bodies(element).includes('A long reply.'), 'the changes did not come');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    // Within a pixel (layout rounds); unkept, it moves by the reply's and the edit's height.
    expect(Math.abs(article(element, 'Comment 10.')!.getBoundingClientRect().top - before)).to.be.below(1.5);
    scrollTo(0, 0);
  });

  it('catches up from the first page on reset, and updates featured comments in place', async () => {
    const provider = new DrivenProvider(database());
    const thread = newThread();
    const old = await provider.post(thread, draft('Old.'), { idempotencyKey: key() });
    const element = await mount(provider, thread);
    await waitUntil(() => provider.handlers, 'not subscribed');
    provider.send({ type: 'featured', data: { ...old.comment, featured: true } });
    await waitUntil(() => article(element, 'Old.')!.querySelector('.featured'), 'not featured');
    await provider.post(thread, draft('Missed.'), { idempotencyKey: key() });
    provider.send({ type: 'reset', data: {} });
    await waitUntil(() => button(element)?.textContent === '1 new comment', 'no catching up');
  });

  it('polls the first page when the provider has no events, and when its stream keeps failing', async () => {
    const local = new LocalCommentProvider(database());
    const thread = newThread();
    const polled = withoutEvents(local);
    const element = await mount(polled, thread, 'poll-interval="100"');
    await local.post(thread, draft('Polled.'), { idempotencyKey: key() });
    await waitUntil(() => button(element)?.textContent === '1 new comment', 'no poll');

    const driven = new DrivenProvider(database());
    const other = await mount(driven, newThread(), 'poll-interval="100"');
    await waitUntil(() => driven.handlers, 'not subscribed');
    const lists = driven.lists;
    driven.handlers!.error();
    driven.handlers!.error();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(driven.lists, 'two failures: still the stream').to.equal(lists);
    driven.handlers!.error();
    await waitUntil(() => driven.lists > lists + 1, 'no polling after the third failure');
    expect(driven.handlers).to.equal(undefined);
    expect(other.isConnected).to.equal(true);
  });

  it('stops while the tab is hidden and catches up when it is back', async () => {
    const local = new LocalCommentProvider(database());
    const thread = newThread();
    const polled = withoutEvents(local);
    const element = await mount(polled, thread, 'poll-interval="100"');
    setHidden(true);
    const lists = polled.lists;
    await local.post(thread, draft('While away.'), { idempotencyKey: key() });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(polled.lists, 'no polls while hidden').to.equal(lists);
    setHidden(false);
    await waitUntil(() => button(element)?.textContent === '1 new comment', 'no catching up');

    const driven = new DrivenProvider(database());
    await mount(driven, newThread());
    await waitUntil(() => driven.handlers, 'not subscribed');
    setHidden(true);
    expect(driven.handlers, 'the stream closes').to.equal(undefined);
    setHidden(false);
    await waitUntil(() => driven.handlers, 'the stream did not open again');
  });

  it('stays still with live="off" or .live = false, and follows again when turned on', async () => {
    const driven = new DrivenProvider(database());
    const element = await mount(driven, newThread(), 'live="off" poll-interval="100"');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(driven.subscriptions).to.equal(0);
    expect(driven.lists).to.equal(1);
    element.live = true;
    await waitUntil(() => driven.handlers, 'not subscribed');
    element.live = false;
    await element.updateComplete;
    expect(driven.handlers).to.equal(undefined);
    // Live is opt-in: without the attribute it is off.
    element.setAttribute('live', '');
    expect(element.live).to.equal(true);
    element.removeAttribute('live');
    expect(element.live).to.equal(false);
  });

  it('says it in French and in Arabic, right to left, with their plurals, and passes axe', async () => {
    for (const [lang, expected] of [
      ['fr', '2 nouveaux commentaires'],
      ['ar', `تعليقان جديدان`],
    ] as const) {
      const name = database();
      const other = new LocalCommentProvider(name);
      const thread = newThread();
      await other.post(thread, draft('قديم.'), { idempotencyKey: key() });
      const element = await mount(
        new LocalCommentProvider(name),
        thread,
        '',
        (inner) => `<div lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">${inner}</div>`,
      );
      const first = await other.post(thread, draft('جديد.'), { idempotencyKey: key() });
      await other.post(thread, draft('Nouveau.'), { idempotencyKey: key() });
      await other.post(thread, draft('رد.', first.comment.id), { idempotencyKey: key() });
      await waitUntil(() => button(element)?.textContent === expected, `no ${lang} button`);
      expect(announced(element)).to.equal(expected);
      button(element)!.click();
      await waitUntil(() => bodies(element).length === 4);
      expect(isNew(element, 'رد.')).to.equal(`true ${lang === 'ar' ? 'جديد' : 'Nouveau'}`);
      await expect(element).to.be.accessible();
    }
  });
});

describe('RestCommentProvider live events', function () {
  this.timeout(30000);
  const sse = new RestCommentProvider('/test-api/sse');
  const seen = async (key: string) => (await fetch(`/test-api/sse-seen/${key}`)).json() as Promise<{ lastEventIds: (string | null)[]; open: number }>;
  const send = (key: string, event: string, id: string, data: unknown) =>
    fetch(`/test-api/sse-send/${key}`, { method: 'POST', body: JSON.stringify({ event, id, data }) });
  const comment = (id: string, body: string): Comment => ({
    id,
    threadId: 't',
    parentId: null,
    author: { name: 'Sam' },
    body,
    createdAt: new Date().toISOString(),
    editedAt: null,
    status: 'published',
    score: 0,
    replyCount: 0,
  });

  it('streams a thread’s events over a real SSE connection and resumes with Last-Event-ID', async () => {
    const key = `k${Math.random().toString(36).slice(2)}`;
    const events: ThreadEvent[] = [];
    let errors = 0;
    const stop = sse.events(key, { event: (event) => events.push(event), error: () => (errors += 1) });
    try {
      await waitUntil(async () => (await seen(key)).open === 1, 'no stream');
      await send(key, 'created', '7', comment('c1', 'Hello.'));
      await waitUntil(() => events.length === 1, 'no event');
      expect(events[0]).to.deep.include({ type: 'created' });
      expect((events[0]!.data as Comment).body).to.equal('Hello.');
      await fetch(`/test-api/sse-drop/${key}`, { method: 'POST' });
      await waitUntil(async () => (await seen(key)).open === 1 && (await seen(key)).lastEventIds.length === 2, 'no reconnect');
      expect((await seen(key)).lastEventIds).to.deep.equal([null, '7']);
      await send(key, 'votes', '8', { id: 'c1', score: 3 });
      await waitUntil(() => events.length === 2, 'no event after the reconnect');
      expect(events[1]).to.deep.equal({ type: 'votes', data: { id: 'c1', score: 3 } });
      expect(errors, 'a dropped connection is told').to.equal(1);
    } finally {
      stop();
    }
    await waitUntil(async () => (await seen(key)).open === 0, 'the stream stayed open');
  });

  it('tells each failure, and opens a stream the browser gave up on again', async function () {
    this.timeout(15000);
    const key = `fail${Math.random().toString(36).slice(2)}`;
    let errors = 0;
    const stop = sse.events(key, { event: () => {}, error: () => (errors += 1) });
    try {
      await waitUntil(() => errors === 1, 'no error');
      await waitUntil(async () => (await seen(key)).lastEventIds.length === 2, 'not opened again', { timeout: 6000 });
    } finally {
      stop();
    }
  });

  it('feeds <lede-comments>: an event on the stream shows as a new comment', async () => {
    const key = `k${Math.random().toString(36).slice(2)}`;
    // The thread from this browser's database, the events from the test stream.
    class Mixed extends LocalCommentProvider {
      override events(_thread: string, handlers: ThreadEventHandlers) {
        return sse.events(key, handlers);
      }
    }
    const element = await mount(new Mixed(database()), newThread());
    await waitUntil(async () => (await seen(key)).open === 1, 'no stream');
    await send(key, 'created', '1', comment('c-new', 'From the stream.'));
    await waitUntil(() => button(element)?.textContent === '1 new comment', 'no button');
    await send(key, 'created', '2', { ...comment('c-bad', 'x'), status: 'bogus' });
    button(element)!.click();
    await waitUntil(() => bodies(element).includes('From the stream.'));
    expect(bodies(element)).to.deep.equal(['From the stream.']);
    element.remove();
    await waitUntil(async () => (await seen(key)).open === 0, 'the stream outlived the element');
  });
});
