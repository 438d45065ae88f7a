import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/comments.js';
import type { LedeComments } from '../src/comments.js';
import type { Comment } from '../src/model.js';
import type { LedeErrorEvent } from '../src/shared/events.js';

const ADMIN_TOKEN = 'lede-test-admin-token-0123456789';
const HOLD_WORD = 'holdforreview';
const endpoint = '/comments-api';

/** Commands the fault-injecting proxy in test/support/comment-server.mjs. */
async function control(command: string, body: object = {}): Promise<any> {
  const response = await fetch(`/test-api/comments/${command}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${command}: ${response.status}`);
  return response.json();
}

let threadCount = 0;
const newThread = () => `test-${Date.now().toString(36)}-${(threadCount += 1)}`;

/** The thread as the server stores it (every top-level comment, newest first). */
async function onServer(thread: string): Promise<{ comments: Comment[]; total: number }> {
  return (await fetch(`${endpoint}/threads/${encodeURIComponent(thread)}/comments?limit=100`)).json();
}

const seed = (thread: string, comments: { name: string; body: string; parent?: number }[]): Promise<{ ids: string[] }> => control('seed', { thread, comments });

const root = (element: Element) => element.shadowRoot!;
const $ = <T extends Element = HTMLElement>(element: Element, selector: string) => root(element).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(element: Element, selector: string) => [...root(element).querySelectorAll<T>(selector)];
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

const submit = (element: LedeComments, form = '') => $<HTMLButtonElement>(element, `${form ? `[data-id="${CSS.escape(form)}"] ` : ''}form button[type=submit]`)!.click();

/** Re-creates the element, as a reload of the page would. */
async function reload(element: LedeComments): Promise<LedeComments> {
  const attributes = Object.fromEntries([...element.attributes].map((attribute) => [attribute.name, attribute.value]));
  element.remove();
  return mount(attributes.thread!, attributes);
}

function clearStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('lede-comments:')) localStorage.removeItem(key);
}

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
});
