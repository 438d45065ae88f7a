import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { Comment, ThreadEvent } from 'lede-protocol';
import { Api, formFields, listenApp, readSseBlocks, startServerProcess, uniqueThread, type Backend, type Json } from '../helpers.js';

interface ThreadEventSeen {
  id: string;
  name: string;
  data: Json;
}

interface ThreadStream {
  /** The last `id:` the stream sent, with or without an event: what a browser resumes from. */
  lastId(): string | undefined;
  /** The next `count` events, or a failure after `timeoutMs`. */
  take(count: number, timeoutMs?: number): Promise<ThreadEventSeen[]>;
  /** The first block as sent (retry, and the resume point or the missed events). */
  first: Promise<string>;
  ended: Promise<void>;
  close(): void;
}

/** Reads `GET /api/threads/:thread/events` over HTTP as a browser's EventSource would. */
async function openThread(url: string, thread: string, resume: { header?: string; query?: string } = {}): Promise<ThreadStream> {
  const abort = new AbortController();
  const query = resume.query === undefined ? '' : `?lastEventId=${resume.query}`;
  const response = await fetch(`${url}/api/threads/${encodeURIComponent(thread)}/events${query}`, {
    headers: resume.header === undefined ? {} : { 'last-event-id': resume.header },
    signal: abort.signal,
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type')!, /^text\/event-stream/);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.equal(response.headers.get('x-accel-buffering'), 'no');
  const events: ThreadEventSeen[] = [];
  let lastId: string | undefined;
  let wake = () => {};
  let gotFirst = (_block: string) => {};
  const first = new Promise<string>((resolve) => (gotFirst = resolve));
  let blocks = 0;
  const ended = readSseBlocks(response.body!, (block) => {
    if (blocks++ === 0) gotFirst(block);
    const id = /^id: (.*)$/m.exec(block)?.[1];
    const name = /^event: (.*)$/m.exec(block)?.[1];
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (id !== undefined) lastId = id;
    if (name && data && id !== undefined) events.push({ id, name, data: JSON.parse(data) });
    wake();
  });
  return {
    lastId: () => lastId,
    first,
    ended,
    close: () => abort.abort(),
    async take(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`${events.length} of ${count} events in time: ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, Math.min(left, 200));
        });
      }
      return events.splice(0, count);
    },
  };
}

const names = (events: ThreadEventSeen[]) => events.map((event) => event.name);
/** Ids increase by the database's sequence, not necessarily by one per thread. */
const assertIncreasing = (events: ThreadEventSeen[]) => {
  for (let i = 1; i < events.length; i++) assert.ok(Number(events[i]!.id) > Number(events[i - 1]!.id), `ids in order: ${events.map((e) => e.id)}`);
};

/** Live threads over Server-Sent Events (docs/live.md). */
export function liveThreadSuite(backend: Backend): void {
  describe('live threads', () => {
    it('sends created, edited, votes, featured and deleted in order, to that thread only, with nothing for reports', async () => {
      const { app, url } = await listenApp(backend);
      const api = new Api(app);
      const thread = uniqueThread();
      const other = uniqueThread();
      const stream = await openThread(url, thread);
      const elsewhere = await openThread(url, other);
      assert.match(await stream.first, /^retry: 3000\nid: \d+$/);

      const a = (await api.post(thread, { name: 'Ada', body: 'first' })).body;
      const b = (await api.post(thread, { name: 'Bo', body: 'a reply', parentId: a.comment.id })).body;
      const edited = await api.edit(a.comment.id, a.editToken, 'first, edited');
      assert.equal(edited.status, 200);
      const report = await api.request({ method: 'POST', url: `/api/comments/${a.comment.id}/reports`, payload: { reason: 'spam' } });
      assert.equal(report.status, 202);
      assert.equal((await api.request({ method: 'POST', url: `/api/comments/${a.comment.id}/votes`, payload: { value: 1 } })).status, 200);
      assert.equal((await api.admin('POST', `/comments/${a.comment.id}/feature`)).status, 200);
      assert.equal((await api.admin('POST', `/comments/${a.comment.id}/unfeature`)).status, 200);
      assert.equal(
        (await api.request({ method: 'DELETE', url: `/api/comments/${b.comment.id}`, headers: { authorization: `Bearer ${b.editToken}` } })).status,
        204,
      );
      assert.equal((await api.admin('POST', `/comments/${a.comment.id}/reject`)).status, 200);
      await api.post(other, { body: 'elsewhere' });

      const events = await stream.take(8);
      assert.deepEqual(names(events), ['created', 'created', 'edited', 'votes', 'featured', 'featured', 'deleted', 'deleted']);
      // The protocol's schema describes what is sent.
      const valid = new Ajv({ strict: false }).addSchema(Comment).compile(ThreadEvent);
      for (const { id, name, data } of events) assert.ok(valid({ event: name, id, data }), `${name}: ${JSON.stringify(valid.errors)}`);
      assertIncreasing(events);
      const [created, reply, edit, votes, featured, unfeatured, deletedReply, rejected] = events as [ThreadEventSeen, ...ThreadEventSeen[]];
      assert.equal(created.data.id, a.comment.id);
      assert.equal(created.data.body, 'first');
      assert.equal(created.data.status, 'published');
      assert.equal('replies' in created.data, false, 'no nested replies');
      assert.equal(reply!.data.parentId, a.comment.id);
      assert.equal(edit!.data.body, 'first, edited');
      assert.deepEqual(votes!.data, { id: a.comment.id, score: 1 });
      assert.equal(featured!.data.featured, true);
      assert.equal(unfeatured!.data.featured, undefined);
      assert.deepEqual(deletedReply!.data, { id: b.comment.id });
      assert.deepEqual(rejected!.data, { id: a.comment.id });
      const [only] = await elsewhere.take(1);
      assert.equal(only!.data.body, 'elsewhere');
      stream.close();
      elsewhere.close();
    });

    it('never shows pending comments: held, rejected or deleted while held; approved ones arrive as created', async () => {
      const { app, url } = await listenApp(backend, { moderation: 'all' });
      const api = new Api(app);
      const thread = uniqueThread();
      const stream = await openThread(url, thread);
      const held = (await api.post(thread, { body: 'held, then approved' })).body;
      const rejected = (await api.post(thread, { body: 'held, then rejected' })).body;
      const withdrawn = (await api.post(thread, { body: 'held, then withdrawn' })).body;
      assert.equal(held.comment.status, 'pending');
      await api.edit(held.comment.id, held.editToken, 'held, edited');
      assert.equal((await api.admin('POST', `/comments/${rejected.comment.id}/reject`)).status, 200);
      assert.equal(
        (await api.request({ method: 'DELETE', url: `/api/comments/${withdrawn.comment.id}`, headers: { authorization: `Bearer ${withdrawn.editToken}` } }))
          .status,
        204,
      );
      const approval = await api.approve(held.comment);
      assert.equal(approval.status, 200);
      // Events are in order: anything about the others would have come first.
      const [approved] = await stream.take(1);
      assert.equal(approved!.name, 'created');
      assert.equal(approved!.data.id, held.comment.id);
      assert.equal(approved!.data.body, 'held, edited');
      assert.equal((await api.admin('POST', `/undo/${approval.body.undo}`)).status, 200);
      const [hidden] = await stream.take(1);
      assert.equal(hidden!.name, 'deleted');
      assert.deepEqual(hidden!.data, { id: held.comment.id });
      stream.close();
    });

    it('tells what an undo did: a rejection undone brings the comment back, a feature undone unpins it', async () => {
      const { app, url } = await listenApp(backend);
      const api = new Api(app);
      const thread = uniqueThread();
      const stream = await openThread(url, thread);
      const { comment } = (await api.post(thread, { body: 'moderated, then undone' })).body;
      const rejected = await api.admin('POST', `/comments/${comment.id}/reject`);
      await api.admin('POST', `/undo/${rejected.body.undo}`);
      const featured = await api.admin('POST', `/comments/${comment.id}/feature`);
      await api.admin('POST', `/undo/${featured.body.undo}`);
      const events = await stream.take(5);
      assert.deepEqual(names(events), ['created', 'deleted', 'created', 'featured', 'featured']);
      assert.equal(events[2]!.data.body, 'moderated, then undone');
      assert.equal(events[3]!.data.featured, true);
      assert.equal(events[4]!.data.featured, undefined);
      stream.close();
    });

    it('resumes after Last-Event-ID (header or query) with no gap and no duplicate, from a bare id too', async () => {
      const { app, url } = await listenApp(backend);
      const api = new Api(app);
      const thread = uniqueThread();
      const first = await openThread(url, thread);
      await first.first;
      const quiet = first.lastId()!;
      const bodies: string[] = [];
      const post = async (count: number) => {
        for (let i = 0; i < count; i++) {
          const body = `comment ${bodies.length}`;
          bodies.push(body);
          await api.post(thread, { body });
        }
      };
      await post(3);
      const seen = await first.take(3);
      first.close();
      await first.ended;
      await post(2);

      const byHeader = await openThread(url, thread, { header: seen[0]!.id });
      const byQuery = await openThread(url, thread, { query: seen[0]!.id });
      const fromBare = await openThread(url, thread, { header: quiet });
      await post(1);
      for (const [stream, from] of [
        [byHeader, 1],
        [byQuery, 1],
        [fromBare, 0],
      ] as const) {
        const events = await stream.take(bodies.length - from);
        assert.deepEqual(
          events.map((event) => event.data.body),
          bodies.slice(from),
        );
        assertIncreasing(events);
        stream.close();
      }
      // The header wins over the query (EventSource sends the newer one on reconnecting).
      const both = await openThread(url, thread, { header: seen[2]!.id, query: seen[0]!.id });
      await post(1);
      assert.deepEqual(
        (await both.take(4)).map((event) => event.data.body),
        bodies.slice(3),
      );
      both.close();
    });

    it('tells with each page where the stream stood: a stream from there brings every change after the page', async () => {
      const { app, url } = await listenApp(backend);
      const api = new Api(app);
      const thread = uniqueThread();
      const before = (await api.post(thread, { body: 'before the page' })).body;
      await api.post(uniqueThread(), { body: 'in another thread' });
      const page = await api.list(thread);
      assert.deepEqual(
        page.body.comments.map((comment) => comment.body),
        ['before the page'],
      );
      assert.match(page.body.lastEventId ?? '', /^\d+$/);
      // Between reading the page and opening the stream, the thread moves on.
      await api.post(thread, { body: 'after the page' });
      const edited = await api.edit(before.comment.id, before.editToken, 'before the page, edited');
      assert.equal(edited.status, 200);
      const stream = await openThread(url, thread, { query: page.body.lastEventId });
      let events = await stream.take(2);
      // With PostgreSQL the process may not have read the first post's event (after its NOTIFY) when
      // the page was read: then that event comes again, as what the page already shows.
      if (events[0]!.name === 'created' && events[0]!.data.body === 'before the page') events = [...events.slice(1), ...(await stream.take(1))];
      assert.deepEqual(
        events.map((event) => [event.name, event.data.body]),
        [
          ['created', 'after the page'],
          ['edited', 'before the page, edited'],
        ],
      );
      stream.close();
    });

    it('resumes without gap or duplicate while the thread is busy', async () => {
      const { app, url } = await listenApp(backend);
      const api = new Api(app);
      const thread = uniqueThread();
      const watcher = await openThread(url, thread);
      await api.post(thread, { body: 'before the burst' });
      const [before] = await watcher.take(1);
      const posting = (async () => {
        for (let i = 0; i < 20; i++) await api.post(thread, { body: `busy ${i}` });
      })();
      const resumed: ThreadStream[] = [];
      for (let i = 0; i < 5; i++) resumed.push(await openThread(url, thread, { header: before!.id }));
      await posting;
      const ids = (await watcher.take(20)).map((event) => event.id);
      for (const stream of resumed) {
        assert.deepEqual(
          (await stream.take(20)).map((event) => event.id),
          ids,
        );
        stream.close();
      }
      watcher.close();
    });

    it('answers reset (with the newest id) to an id older than the log keeps, unknown or malformed, then goes on live', async () => {
      const { app, url } = await listenApp(backend, { live: { maxStreams: 10, keepMs: 3_600_000, keepEvents: 2 } });
      const api = new Api(app);
      const thread = uniqueThread();
      const stream = await openThread(url, thread);
      const seen = [];
      // Each event read before the next post: with two kept, a post prunes what a PostgreSQL
      // process that had not read its NOTIFY yet would still deliver (see docs/live.md).
      for (let i = 0; i < 4; i++) {
        await api.post(thread, { body: `kept? ${i}` });
        seen.push(...(await stream.take(1)));
      }
      stream.close();
      // The last two are kept: resuming after the second of four loses nothing.
      const recent = await openThread(url, thread, { header: seen[1]!.id });
      assert.deepEqual(names(await recent.take(2)), ['created', 'created']);
      recent.close();
      let newest = seen[3]!.id;
      for (const id of [seen[0]!.id, '0', String(Number(newest) + 1000), 'abc']) {
        const old = await openThread(url, thread, { header: id });
        const [reset] = await old.take(1);
        assert.equal(reset!.name, 'reset', `after ${id}`);
        assert.deepEqual(reset!.data, {});
        assert.equal(reset!.id, newest);
        await api.post(thread, { body: 'after the reset' });
        const [live] = await old.take(1);
        assert.equal(live!.data.body, 'after the reset');
        newest = live!.id;
        old.close();
      }
    });

    it('refuses streams past LEDE_LIVE_STREAMS with a clear 503, and takes them again when one ends', async () => {
      const { url } = await listenApp(backend, { live: { maxStreams: 1, keepMs: 3_600_000, keepEvents: 10_000 } });
      const thread = uniqueThread();
      const stream = await openThread(url, thread);
      await stream.first;
      const refused = await fetch(`${url}/api/threads/${thread}/events`);
      assert.equal(refused.status, 503);
      assert.equal(refused.headers.get('retry-after'), '5');
      assert.equal(((await refused.json()) as Json).error.code, 'too_many_streams');
      stream.close();
      let again: Response | undefined;
      for (let attempt = 0; attempt < 50 && again?.status !== 200; attempt++) {
        await again?.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, 50));
        again = await fetch(`${url}/api/threads/${thread}/events`);
      }
      assert.equal(again!.status, 200);
      await again!.body!.cancel();
    });

    it('ends its streams when the app closes', async () => {
      const { app, url } = await listenApp(backend);
      const stream = await openThread(url, uniqueThread());
      await stream.first;
      const closing = app.close();
      await stream.ended;
      await closing;
    });

    if (backend.config.kind === 'postgres') {
      const { url: databaseUrl } = backend.config;
      it('reaches readers on every process of one PostgreSQL, in one order, and resumes on another process', async () => {
        const { app, url } = await listenApp(backend);
        const api = new Api(app);
        const other = await startServerProcess({ DATABASE_URL: databaseUrl, LEDE_RATE_LIMITS: 'off', LEDE_ALLOWED_ORIGINS: '' });
        const thread = uniqueThread();
        const here = await openThread(url, thread);
        const there = await openThread(other.url, thread);
        await Promise.all([here.first, there.first]);
        const postThere = async (body: string) => {
          const response = await fetch(`${other.url}/api/threads/${thread}/comments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ author: { name: 'Elsewhere' }, body, ...formFields() }),
          });
          assert.equal(response.status, 201);
        };
        // Both processes write at once: every reader still sees one order.
        await Promise.all([postThere('there 1'), api.post(thread, { body: 'here 1' }), postThere('there 2'), api.post(thread, { body: 'here 2' })]);
        const [seenHere, seenThere] = await Promise.all([here.take(4, 20_000), there.take(4, 20_000)]);
        assert.deepEqual(seenHere, seenThere);
        assertIncreasing(seenHere);
        here.close();
        await postThere('while away');
        const back = await openThread(other.url, thread, { header: seenHere[3]!.id });
        const [missed] = await back.take(1, 20_000);
        assert.equal(missed!.data.body, 'while away');
        assert.deepEqual(await there.take(1, 20_000), [missed]);
        back.close();
        there.close();
        await other.stop();
      });
    }
  });
}
