// The real reference comment server behind test/support/comment-server.mjs, as a test page reaches it.
import { waitUntil as waitUntilOnce } from '@open-wc/testing';
import type { Comment } from '../../src/model.js';

type WaitOptions = Parameters<typeof waitUntilOnce>[2];

/**
 * `waitUntil` with a deadline fit for a real server, IndexedDB and modules compiled on first
 * request while three browsers run at once. It polls, so the longer deadline (5 s, not 1 s)
 * costs time only when a test fails.
 */
export function waitUntil(predicate: () => unknown, message?: string, options: WaitOptions = {}): Promise<void> {
  return waitUntilOnce(predicate, message, { timeout: 5000, ...options });
}

/** This page's own server and faults (test/support/comment-server.mjs): browsers run side by side. */
export const scope = `s${Math.random().toString(36).slice(2, 10)}`;
export const endpoint = `/comments-api/${scope}`;

/** Commands the fault-injecting proxy in test/support/comment-server.mjs. */
export async function control<T = unknown>(command: string, body: object = {}): Promise<T> {
  const response = await fetch(`/test-api/comments/${scope}/${command}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${command}: ${response.status}`);
  return response.json();
}

let threadCount = 0;
export const newThread = () => `test-${Date.now().toString(36)}-${(threadCount += 1)}`;

/** The thread as the server stores it (every top-level comment, newest first). */
export async function onServer(thread: string): Promise<{ comments: Comment[]; total: number }> {
  return (await fetch(`${endpoint}/threads/${encodeURIComponent(thread)}/comments?limit=100`, { cache: 'no-cache' })).json();
}

export const root = (element: Element) => element.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(element: Element, selector: string) => root(element).querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(element: Element, selector: string) => [...root(element).querySelectorAll<T>(selector)];
