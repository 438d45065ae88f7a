import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADMIN_TOKEN, formFields, listenApp, readSseBlocks, startServerProcess, uniqueThread, type Backend, type Json } from '../helpers.js';

export interface EventStream {
  /** The next event matching `wanted` (earlier ones are dropped), or a failure after `timeoutMs`. */
  next(wanted: (event: { name: string; data: Json }) => boolean, timeoutMs?: number): Promise<{ name: string; data: Json }>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Reads `GET /api/admin/events` as a browser's EventSource would. */
export async function openEvents(url: string): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(`${url}/api/admin/events`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, signal: abort.signal });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type')!, /^text\/event-stream/);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const events: { name: string; data: Json }[] = [];
  let wake = () => {};
  const ended = readSseBlocks(response.body!, (block) => {
    const name = /^event: (.*)$/m.exec(block)?.[1];
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (name && data) events.push({ name, data: JSON.parse(data) });
    wake();
  });
  return {
    ended,
    close: () => abort.abort(),
    async next(wanted, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = events.findIndex(wanted);
        if (index >= 0) return events.splice(0, index + 1).at(-1)!;
        events.length = 0;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no such event in time');
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, Math.min(left, 200));
        });
      }
    },
  };
}

/** The live queue over Server-Sent Events. */
export function liveSuite(backend: Backend): void {
  describe('live queue', () => {
    it('sends the counts, then each comment that enters or changes a queue, and new counts', async () => {
      const { app, url } = await listenApp(backend, { moderation: 'all' });
      const unauthorized = await fetch(`${url}/api/admin/events`);
      assert.equal(unauthorized.status, 401);
      const events = await openEvents(url);
      const first = await events.next(() => true);
      assert.equal(first.name, 'counts');
      assert.deepEqual(Object.keys(first.data).sort(), ['all', 'pending', 'published', 'rejected', 'reported']);

      const thread = uniqueThread();
      const posted = await app.inject({
        method: 'POST',
        url: `/api/threads/${thread}/comments`,
        payload: { author: { name: 'Live' }, body: 'held live', ...formFields() },
      });
      const { id } = posted.json().comment;
      const arrived = await events.next((event) => event.name === 'comment' && event.data.id === id);
      assert.equal(arrived.data.status, 'pending');
      assert.equal(arrived.data.heldReason, 'moderation-all');
      assert.equal(typeof arrived.data.authorKey, 'string');
      const counts = await events.next((event) => event.name === 'counts');
      assert.equal(counts.data.pending, first.data.pending + 1);

      await app.inject({ method: 'POST', url: `/api/admin/comments/${id}/reject`, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      const changed = await events.next((event) => event.name === 'comment' && event.data.id === id);
      assert.equal(changed.data.status, 'rejected');
      events.close();
    });

    it('ends its streams when the app closes', async () => {
      const { app, url } = await listenApp(backend);
      const events = await openEvents(url);
      await events.next((event) => event.name === 'counts');
      const closing = app.close();
      await events.ended;
      await closing;
    });

    if (backend.config.kind === 'postgres') {
      const { url: databaseUrl } = backend.config;
      it('reaches every server process on one PostgreSQL', async () => {
        const { url } = await listenApp(backend);
        const events = await openEvents(url);
        await events.next((event) => event.name === 'counts');
        // Limits off: its post would count in the shared database's rate-limit window of 127.0.0.1,
        // which the several-processes suite measures next.
        const other = await startServerProcess({ DATABASE_URL: databaseUrl, LEDE_MODERATION: 'all', LEDE_RATE_LIMITS: 'off' });
        const thread = uniqueThread();
        const posted = await fetch(`${other.url}/api/threads/${thread}/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ author: { name: 'Elsewhere' }, body: 'posted to the other process', ...formFields() }),
        });
        assert.equal(posted.status, 202);
        const { id } = ((await posted.json()) as Json).comment;
        const arrived = await events.next((event) => event.name === 'comment' && event.data.id === id, 20_000);
        assert.equal(arrived.data.body, 'posted to the other process');
        await events.next((event) => event.name === 'counts');
        events.close();
        await other.stop();
      });
    }
  });
}
