import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { makeApp, uniqueThread, type Api, type Backend } from '../helpers.js';

const DAY = 86_400_000;

/** Thread controls: closing, reopening, closing by themselves, pre-moderation; and counts. */
export function threadSuite(backend: Backend): void {
  const settings = (api: Api, thread: string) => api.admin('GET', `/threads/${encodeURIComponent(thread)}`);
  const update = (api: Api, thread: string, change: object) => api.admin('PUT', `/threads/${encodeURIComponent(thread)}`, undefined, change);
  /** The server's clock, moved by the test (timers stay real). */
  const clock = (t: TestContext, start: number) => {
    t.mock.timers.enable({ apis: ['Date'], now: start });
    return (at: number) => t.mock.timers.setTime(at);
  };

  describe('thread controls', () => {
    it('a closed thread refuses posts and replies with 403 thread_closed; votes, reports, edits and reading go on; reopened it takes them again', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const posted = (await api.post(thread)).body;
      assert.deepEqual((await settings(api, thread)).body, { id: thread, closed: false, premoderation: false, closesAt: null });
      assert.equal((await api.list(thread)).body.closed, false);

      const closed = await update(api, thread, { closed: true });
      assert.equal(closed.status, 200);
      assert.deepEqual(closed.body, { id: thread, closed: true, premoderation: false, closesAt: null });
      for (const refused of [await api.post(thread), await api.post(thread, { parentId: posted.comment.id })]) {
        assert.equal(refused.status, 403);
        assert.equal((refused.body as unknown as { error: { code: string } }).error.code, 'thread_closed');
      }
      const page = (await api.list(thread)).body;
      assert.equal(page.closed, true);
      assert.deepEqual(
        page.comments.map((comment) => comment.id),
        [posted.comment.id],
      );
      const vote = await api.request({ method: 'POST', url: `/api/comments/${posted.comment.id}/votes`, payload: { value: 1 } });
      assert.deepEqual(vote.body, { score: 1, vote: 1 });
      const report = await api.request({ method: 'POST', url: `/api/comments/${posted.comment.id}/reports`, payload: { reason: 'spam' } });
      assert.equal(report.status, 202);
      const edit = await api.edit(posted.comment.id, posted.editToken, 'changed');
      assert.equal(edit.status, 200);

      assert.equal((await update(api, thread, { closed: false })).body.closed, false);
      assert.equal((await api.post(thread)).status, 201);
      assert.equal((await api.list(thread)).body.closed, false);
    });

    it('answers a retried post that was stored before the thread closed, not with thread_closed', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const first = await api.post(thread, { body: 'sent once' }, { key: 'retry-key-after-close-1' });
      await update(api, thread, { closed: true });
      const again = await api.post(thread, { body: 'sent once' }, { key: 'retry-key-after-close-1' });
      assert.equal(again.status, 201);
      assert.equal(again.body.comment.id, first.body.comment.id);
    });

    it('closes a thread LEDE_CLOSE_AFTER days after its first comment, and says when', async (t) => {
      const api = await makeApp(backend, { closeAfterMs: 3 * DAY });
      const start = Date.UTC(2026, 0, 10, 12);
      const setTime = clock(t, start);
      const thread = uniqueThread();
      assert.equal((await settings(api, thread)).body.closesAt, null, 'no comment, no clock');
      assert.equal((await api.post(thread)).status, 201);
      assert.equal((await settings(api, thread)).body.closesAt, new Date(start + 3 * DAY).toISOString());
      setTime(start + 3 * DAY - 1000);
      assert.equal((await api.post(thread)).status, 201, 'a later post does not move the clock');
      assert.equal((await api.list(thread)).body.closed, false);
      setTime(start + 3 * DAY);
      const refused = await api.post(thread);
      assert.equal(refused.status, 403);
      assert.equal((refused.body as unknown as { error: { code: string } }).error.code, 'thread_closed');
      assert.equal((await api.list(thread)).body.closed, true);
      assert.deepEqual((await settings(api, thread)).body, { id: thread, closed: true, premoderation: false, closesAt: null });

      // Reopened by a moderator, it stays open.
      await update(api, thread, { closed: false });
      setTime(start + 30 * DAY);
      assert.equal((await api.post(thread)).status, 201);
      assert.equal((await settings(api, thread)).body.closesAt, null);
    });

    it('counts from the date the page gives with the first post; later dates are ignored, unreadable ones refused', async (t) => {
      const api = await makeApp(backend, { closeAfterMs: 3 * DAY });
      const now = Date.UTC(2026, 2, 1, 8);
      const setTime = clock(t, now);
      const thread = uniqueThread();
      const published = new Date(now - 2 * DAY).toISOString();
      assert.equal((await api.post(thread, { opened: 'last tuesday' } as object)).status, 422);
      assert.equal((await api.post(thread, { opened: published } as object)).status, 201);
      assert.equal((await settings(api, thread)).body.closesAt, new Date(now + DAY).toISOString());
      assert.equal((await api.post(thread, { opened: new Date(now).toISOString() } as object)).status, 201);
      assert.equal((await settings(api, thread)).body.closesAt, new Date(now + DAY).toISOString());
      setTime(now + DAY);
      assert.equal((await api.post(thread, { opened: new Date(now).toISOString() } as object)).status, 403);
    });

    it('holds every comment of a pre-moderated thread for review, and only that thread', async () => {
      const api = await makeApp(backend);
      const [thread, other] = [uniqueThread(), uniqueThread()];
      const settled = await update(api, thread, { premoderation: true });
      assert.deepEqual(settled.body, { id: thread, closed: false, premoderation: true, closesAt: null });
      const held = await api.post(thread);
      assert.equal(held.status, 202);
      assert.equal(held.body.comment.status, 'pending');
      assert.equal((await api.list(thread)).body.total, 0);
      const queue = await api.admin('GET', `/comments?status=pending&thread=${encodeURIComponent(thread)}`);
      assert.deepEqual(
        queue.body.comments.map((comment: { id: string; heldReason: string }) => [comment.id, comment.heldReason]),
        [[held.body.comment.id, 'moderation-all']],
      );
      assert.equal((await api.post(other)).status, 201);
      await update(api, thread, { premoderation: false });
      assert.equal((await api.post(thread)).status, 201);
    });

    it("publishes a trusted author's comments in a pre-moderated thread, and holds everyone else's", async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const trusted = { ip: '10.41.0.1' };
      const first = (await api.post(thread, { name: 'Trusted Tess' }, trusted)).body.comment;
      const key = (await api.admin('GET', `/comments/${first.id}`)).body.comment.authorKey;
      assert.equal((await api.admin('POST', `/authors/${encodeURIComponent(key)}/trust`)).status, 200);
      await update(api, thread, { premoderation: true });

      const published = await api.post(thread, { name: 'Trusted Tess' }, trusted);
      assert.equal(published.status, 201);
      assert.equal(published.body.comment.status, 'published');
      assert.equal((await api.post(thread, { name: 'Trusted Tess', website: 'x' }, trusted)).status, 202, 'not past the bot signals');
      const other = await api.post(thread, { name: 'Someone Else' }, { ip: '10.41.0.2' });
      assert.equal(other.status, 202);
      assert.equal((await api.admin('GET', `/comments/${other.body.comment.id}`)).body.comment.heldReason, 'moderation-all');
    });

    it('audits each change of a thread under the moderator who made it, and nothing for a change that changed nothing', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      await update(api, thread, { closed: true, premoderation: true });
      await update(api, thread, { closed: true, premoderation: true });
      await update(api, thread, { closed: false });
      await update(api, thread, { premoderation: false });
      const log = (await api.admin('GET', '/audit?limit=100')).body.entries.filter((entry: { threadId: string }) => entry.threadId === thread);
      assert.deepEqual(
        log.map((entry: { action: string; actor: string; commentId: string | null; authorKey: string | null }) => [
          entry.action,
          entry.actor,
          entry.commentId,
          entry.authorKey,
        ]),
        [
          ['unpremoderate', 'token', null, null],
          ['reopen', 'token', null, null],
          ['close', 'token', null, null],
          ['premoderate', 'token', null, null],
        ],
      );
    });

    it('thread controls need the admin token, and check what they are sent', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      assert.equal((await api.admin('GET', `/threads/${thread}`, 'wrong-token-0123456789')).status, 401);
      assert.equal((await api.admin('PUT', `/threads/${thread}`, 'wrong-token-0123456789', { closed: true })).status, 401);
      assert.equal((await update(api, thread, { closed: 'yes' })).status, 400);
      assert.equal((await api.post(thread)).status, 201, 'the refused changes changed nothing');
    });
  });

  describe('counts', () => {
    it('counts up to 100 threads in one request, and refuses more with 400', async () => {
      const api = await makeApp(backend);
      const threads = Array.from({ length: 100 }, (_, index) => uniqueThread(`count-${index}`));
      await api.post(threads[0]!);
      await api.post(threads[99]!);
      const query = (ids: string[]) => ids.map((id) => `thread=${encodeURIComponent(id)}`).join('&');
      const reply = await api.request({ method: 'GET', url: `/api/counts?${query(threads)}` });
      assert.equal(reply.status, 200);
      assert.equal(Object.keys(reply.body).length, 100);
      assert.equal(reply.body[threads[0]!], 1);
      assert.equal(reply.body[threads[1]!], 0);
      assert.equal(reply.body[threads[99]!], 1);
      const over = await api.request({ method: 'GET', url: `/api/counts?${query([...threads, uniqueThread()])}` });
      assert.equal(over.status, 400);
    });
  });
}
