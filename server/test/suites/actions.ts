import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { ADMIN_TOKEN, makeApp, uniqueThread, type Api, type Backend, type Json } from '../helpers.js';

/** Moderation actions, their effect on what readers see, undo, bulk and the audit log. */
export function actionSuite(backend: Backend): void {
  const act = (api: Api, path: string, payload?: object) => api.admin('POST', path, ADMIN_TOKEN, payload);
  const revisionOf = async (api: Api, id: string): Promise<string> => (await api.admin('GET', `/comments/${id}`)).body.comment.revision;
  const audit = async (api: Api, id: string): Promise<Json[]> => (await api.admin('GET', `/audit?comment=${id}`)).body.entries;
  const visible = async (api: Api, thread: string): Promise<string[]> => (await api.listAll(thread)).map((c) => c.id);

  describe('moderation actions', () => {
    it('approves, rejects with a configured reason and deletes, each audited, undoable, and seen by readers', async () => {
      const api = await makeApp(backend, { moderation: 'all' });
      const thread = uniqueThread();
      const held = (await api.post(thread, { body: 'held text' })).body.comment;

      const approved = await act(api, `/comments/${held.id}/approve`, { revision: await revisionOf(api, held.id) });
      assert.equal(approved.status, 200);
      assert.equal(approved.body.comment.status, 'published');
      assert.equal(typeof approved.body.undo, 'string');
      assert.deepEqual(await visible(api, thread), [held.id]);
      const undone = await act(api, `/undo/${approved.body.undo}`);
      assert.equal(undone.status, 200);
      assert.equal(undone.body.comment.status, 'pending');
      assert.equal(undone.body.comment.heldReason, 'moderation-all', 'back in the queue as it was');
      assert.deepEqual(await visible(api, thread), []);
      assert.equal((await act(api, `/undo/${approved.body.undo}`)).status, 404, 'an undo works once');

      assert.equal((await act(api, `/comments/${held.id}/reject`, { reason: 'Not a listed reason' })).status, 422);
      const rejected = await act(api, `/comments/${held.id}/reject`, { reason: 'Off-topic' });
      assert.equal(rejected.body.comment.status, 'rejected');
      assert.equal((await act(api, `/undo/${rejected.body.undo}`)).body.comment.status, 'pending');

      await act(api, `/comments/${held.id}/approve`, { revision: await revisionOf(api, held.id) });
      const deleted = await api.admin('DELETE', `/comments/${held.id}`);
      assert.equal(deleted.status, 200);
      assert.equal(deleted.body.comment.status, 'removed');
      assert.equal(deleted.body.comment.body, '', 'erased');
      assert.deepEqual(await visible(api, thread), []);
      const restored = await act(api, `/undo/${deleted.body.undo}`);
      assert.equal(restored.body.comment.body, 'held text', 'undo brings the text back');
      assert.deepEqual(await visible(api, thread), [held.id]);

      const entries = await audit(api, held.id);
      assert.deepEqual(entries.map((e) => [e.action, e.detail]).reverse(), [
        ['approve', null],
        ['undo', 'approve'],
        ['reject', 'Off-topic'],
        ['undo', 'reject'],
        ['approve', null],
        ['delete', null],
        ['undo', 'delete'],
      ]);
      for (const entry of entries) {
        assert.equal(entry.actor, 'token');
        assert.equal(entry.threadId, thread);
        assert.equal(entry.commentId, held.id);
        assert.ok(!Number.isNaN(Date.parse(entry.at)));
      }
    });

    it('keeps reply counts right when undoing the removal of a reply', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const parent = (await api.post(thread)).body.comment;
      const reply = (await api.post(thread, { parentId: parent.id })).body.comment;
      const deleted = await api.admin('DELETE', `/comments/${reply.id}`);
      assert.equal((await api.list(thread)).body.comments[0]!.replyCount, 0);
      await act(api, `/undo/${deleted.body.undo}`);
      const [listed] = (await api.list(thread)).body.comments;
      assert.equal(listed!.replyCount, 1);
      assert.equal(listed!.replies![0]!.id, reply.id);
    });

    it('refuses an undo that would overwrite a later change, and one past its 10 minutes', async () => {
      const api = await makeApp(backend, { moderation: 'all' });
      const thread = uniqueThread();
      const held = (await api.post(thread)).body.comment;
      const approved = await act(api, `/comments/${held.id}/approve`, { revision: await revisionOf(api, held.id) });
      const rejected = await act(api, `/comments/${held.id}/reject`);
      const stale = await act(api, `/undo/${approved.body.undo}`);
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'undo_stale');
      assert.equal((await act(api, `/undo/${rejected.body.undo}`)).status, 200);
      assert.equal((await act(api, `/undo/${approved.body.undo}`)).body.comment.status, 'pending', 'in order, both undo');

      const again = await act(api, `/comments/${held.id}/reject`);
      await backend.database.db
        .updateTable('undo_actions')
        .set({ expires_at: Date.now() - 1 })
        .where('id', '=', again.body.undo)
        .execute();
      const late = await act(api, `/undo/${again.body.undo}`);
      assert.equal(late.status, 410);
      assert.equal(late.body.error.code, 'undo_expired');
      assert.equal((await act(api, '/undo/never-issued')).status, 404);
    });

    it('features a published comment: first in every order on the first page, flagged for readers, undoable', async () => {
      const api = await makeApp(backend, { moderation: 'links' });
      const thread = uniqueThread();
      const posted: string[] = [];
      for (let i = 0; i < 5; i++) posted.push((await api.post(thread, { body: `comment ${i}` })).body.comment.id);
      const held = (await api.post(thread, { body: 'https://held.example' })).body.comment;
      const pick = posted[2]!;
      const notPublished = await act(api, `/comments/${held.id}/feature`);
      assert.equal(notPublished.status, 409);
      assert.equal(notPublished.body.error.code, 'not_published');

      const featured = await act(api, `/comments/${pick}/feature`);
      assert.equal(featured.status, 200);
      assert.equal(featured.body.comment.featured, true);
      for (const sort of ['newest', 'oldest', 'top']) {
        const first = (await api.list(thread, `?sort=${sort}&limit=2`)).body;
        assert.equal(first.comments[0]!.id, pick, sort);
        assert.equal(first.comments[0]!.featured, true);
        assert.ok(first.comments.slice(1).every((c) => c.featured === undefined));
        const all = await api.listAll(thread, sort, 2);
        assert.deepEqual([...all.map((c) => c.id)].sort(), [...posted].sort(), `${sort}: once each over the pages`);
      }
      const reply = (await api.post(thread, { parentId: posted[0] })).body.comment;
      assert.equal((await act(api, `/comments/${reply.id}/feature`)).status, 200);
      assert.equal((await api.list(thread)).body.comments[0]!.id, pick, 'a featured reply is flagged, not pinned');

      const unfeatured = await act(api, `/comments/${pick}/unfeature`);
      assert.equal(unfeatured.body.comment.featured, false);
      assert.equal((await api.list(thread)).body.comments[0]!.featured, undefined);
      await act(api, `/undo/${unfeatured.body.undo}`);
      assert.equal((await api.list(thread)).body.comments[0]!.id, pick);
      await act(api, `/comments/${pick}/reject`);
      const afterReject = (await api.list(thread)).body.comments;
      assert.ok(afterReject.every((c) => c.id !== pick));
      assert.deepEqual(
        (await audit(api, pick)).map((e) => e.action),
        ['reject', 'undo', 'unfeature', 'feature'],
      );
    });

    it('trusts an author past pre-moderation, and holds or refuses a banned one; each undoable and audited', async () => {
      const api = await makeApp(backend, { moderation: 'all' });
      const refusing = await makeApp(backend, { moderation: 'all', banMode: 'refuse' });
      const thread = uniqueThread();
      const author = { name: `Carol ${randomUUID().slice(0, 8)}` };
      const ip = '10.40.0.1';
      const first = (await api.post(thread, author, { ip })).body.comment;
      const key = (await api.admin('GET', `/comments/${first.id}`)).body.comment.authorKey;
      const standing = (action: string) => act(api, `/authors/${encodeURIComponent(key)}/${action}`);

      const trusted = await standing('trust');
      assert.equal(trusted.status, 200);
      assert.equal(typeof trusted.body.undo, 'string');
      assert.equal((await api.post(thread, author, { ip })).status, 201, 'trusted: skips pre-moderation');
      assert.equal((await api.post(thread, { ...author, website: 'x' }, { ip })).status, 202, 'not the bot signals');
      assert.equal((await api.admin('GET', `/comments/${first.id}`)).body.comment.author.trusted, true);
      await act(api, `/undo/${trusted.body.undo}`);
      assert.equal((await api.post(thread, author, { ip })).status, 202, 'trust undone');

      const banned = await standing('ban');
      const held = await api.post(thread, { ...author, body: 'from a banned author' }, { ip });
      assert.equal(held.status, 202);
      assert.equal((await api.admin('GET', `/comments/${held.body.comment.id}`)).body.comment.heldReason, 'banned-author');
      const refused = await refusing.post(thread, author, { ip });
      assert.equal(refused.status, 403);
      assert.equal((refused.body as Json).error.code, 'author_banned');
      assert.equal((await refusing.post(thread, author, { ip: '10.40.0.2' })).status, 202, 'another author');
      assert.equal((await api.admin('GET', `/authors/${encodeURIComponent(key)}`)).body.banned, true);
      await act(api, `/undo/${banned.body.undo}`);
      assert.equal((await refusing.post(thread, author, { ip })).status, 202, 'ban undone');

      await standing('ban');
      await standing('unban');
      await standing('trust');
      await standing('untrust');
      assert.equal((await api.admin('GET', `/authors/${encodeURIComponent(key)}`)).body.trusted, false);
      const log = (await api.admin('GET', '/audit?limit=100')).body.entries.filter((e: Json) => e.authorKey === key && e.commentId === null);
      assert.deepEqual(
        log.map((e: Json) => e.action),
        ['untrust', 'trust', 'unban', 'ban', 'undo', 'ban', 'undo', 'trust'],
      );
      assert.equal((await act(api, '/authors/unknown/ban')).status, 404);
    });

    it('applies bulk actions comment by comment, each with its undo and audit entry', async () => {
      const api = await makeApp(backend, { moderation: 'all' });
      const thread = uniqueThread();
      const held = [];
      for (let i = 0; i < 4; i++) held.push((await api.post(thread, { body: `bulk ${i}` })).body.comment.id);
      const stale = held[3]!;
      const revisions = Object.fromEntries(await Promise.all(held.map(async (id) => [id, await revisionOf(api, id)])));
      revisions[stale] = 'an older revision';
      const bulk = await act(api, '/bulk', { action: 'approve', ids: [...held, 'missing'], revisions });
      assert.equal(bulk.status, 200);
      assert.deepEqual(
        bulk.body.results.map((r: Json) => [r.id, r.ok, r.error?.code ?? null]),
        [...held.slice(0, 3).map((id) => [id, true, null]), [stale, false, 'comment_changed'], ['missing', false, 'not_found']],
      );
      assert.equal((await api.list(thread)).body.total, 3);
      await act(api, `/undo/${bulk.body.results[0].undo}`);
      assert.equal((await api.list(thread)).body.total, 2);

      const rejected = await act(api, '/bulk', { action: 'reject', ids: held, reason: 'Spam' });
      assert.ok(rejected.body.results.every((r: Json) => r.ok));
      assert.equal((await api.list(thread)).body.total, 0);
      assert.deepEqual(
        (await audit(api, stale)).map((e) => [e.action, e.detail]),
        [['reject', 'Spam']],
      );
      assert.equal((await act(api, '/bulk', { action: 'reject', ids: held, reason: 'Unlisted' })).status, 422);
      assert.equal((await act(api, '/bulk', { action: 'explode', ids: held })).status, 400);
      assert.equal((await act(api, '/bulk', { action: 'delete', ids: [] })).status, 400);
      assert.equal((await act(api, '/bulk', { action: 'delete', ids: Array.from({ length: 101 }, (_, i) => `c${i}`) })).status, 400);
    });

    it('pages the audit log newest first', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const { id } = (await api.post(thread)).body.comment;
      for (let i = 0; i < 3; i++) {
        await act(api, `/comments/${id}/feature`);
        await act(api, `/comments/${id}/unfeature`);
      }
      const first = await api.admin('GET', `/audit?comment=${id}&limit=4`);
      const second = await api.admin('GET', `/audit?comment=${id}&limit=4&cursor=${first.body.next}`);
      assert.equal(second.body.next, null);
      const actions = [...first.body.entries, ...second.body.entries].map((e: Json) => e.action);
      assert.deepEqual(actions, ['unfeature', 'feature', 'unfeature', 'feature', 'unfeature', 'feature']);
      assert.equal((await api.admin('GET', '/audit?cursor=bogus')).status, 400);
      assert.equal((await api.request({ method: 'GET', url: '/api/admin/audit' })).status, 401);
    });
  });
}
