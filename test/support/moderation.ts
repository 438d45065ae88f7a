// The moderation console against the reference server (test/support/comment-server.mjs), as the
// console's test files drive it: seeded comments, the console mounted and filtered, what it shows.
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { LedeModeration } from '../../src/moderation.js';
import { $, $$, control, endpoint, newThread, root, waitUntil } from './comment-api.js';

export const ADMIN_TOKEN = 'lede-test-admin-token-0123456789';
/** Any comment containing this word is held (LEDE_BANNED_WORDS on the test server). */
export const HOLD_WORD = 'holdforreview';

export const seed = (thread: string, comments: { name: string; body: string; parent?: number }[]) => control<{ ids: string[] }>('seed', { thread, comments });

/** Held comments on a new thread, oldest first. */
export async function held(names: string[]): Promise<{ thread: string; ids: string[] }> {
  const thread = newThread();
  const { ids } = await seed(
    thread,
    names.map((name) => ({ name, body: `${name} says ${HOLD_WORD}.` })),
  );
  return { thread, ids };
}

export const names = (element: Element) => $$(element, '[role=option] .who bdi').map((name) => name.textContent);
export const activeName = (element: Element) => root(element).activeElement?.querySelector('.who bdi')?.textContent;
export const announced = (element: Element) => $(element, '[role=status]')!.textContent!.trim();

/** The console with the script token, narrowed to one thread through its filter form, as a moderator would. */
export async function mount(
  thread: string,
  markup: TemplateResult = html`<lede-moderation src=${`${endpoint}/admin`} .token=${ADMIN_TOKEN}></lede-moderation>`,
): Promise<LedeModeration> {
  const wrapper = await fixture<HTMLElement>(html`<div>${markup}</div>`);
  const element = wrapper.querySelector('lede-moderation')!;
  await waitUntil(() => $(element, 'form.filters'), 'the console did not load');
  await filter(element, { thread });
  return element;
}

export async function filter(element: LedeModeration, fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) {
    const field = $<HTMLInputElement | HTMLSelectElement>(element, `form.filters [name=${name}]`)!;
    field.value = value;
  }
  $<HTMLFormElement>(element, 'form.filters')!.requestSubmit();
  await element.updateComplete;
  await waitUntil(() => element.queue.status === 'ready', 'the queue did not load');
}

/** Focuses the list's current comment, as Tab would. */
export async function focusList(element: LedeModeration): Promise<void> {
  $<HTMLElement>(element, '[role=option][tabindex="0"]')!.focus();
  await element.updateComplete;
}

/** Signs in with a new moderator account through the console's form. */
export async function signIn(element: LedeModeration, name: string): Promise<void> {
  const password = 'correct horse battery';
  await control('moderator', { name, password });
  await waitUntil(() => $(element, 'form.sign-in'), 'no sign-in form');
  $<HTMLInputElement>(element, 'form.sign-in [name=name]')!.value = name;
  $<HTMLInputElement>(element, 'form.sign-in [name=password]')!.value = password;
  $<HTMLFormElement>(element, 'form.sign-in')!.requestSubmit();
  await waitUntil(() => $(element, 'form.filters'), 'did not sign in');
}
