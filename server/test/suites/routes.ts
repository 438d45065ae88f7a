import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { sha256 } from '../../src/crypto.js';
import { openDatabase } from '../../src/store/database.js';
import { buildApp } from '../../src/app.js';
import { ADMIN_TOKEN, formFields, freshDatabase, makeApp, makeAppOn, pool, testConfig, uniqueThread, type Api, type Backend, type Json } from '../helpers.js';

const randomByte = () => Math.floor(Math.random() * 250) + 1;
const randomIp = () => `198.${randomByte()}.${randomByte()}.${randomByte()}`;
const randomHex = () => Math.floor(Math.random() * 0xffff).toString(16);

const COMMENT_KEYS = ['author', 'body', 'createdAt', 'editedAt', 'id', 'parentId', 'replyCount', 'score', 'status', 'threadId'];

/** Every route, run once per backend. */
export function routeSuite(backend: Backend): void {
  describe('health and errors', () => {
    it('reports health with the database kind', async () => {
      const api = await makeApp(backend);
      const reply = await api.request({ method: 'GET', url: '/api/health' });
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body, { status: 'ok', database: backend.name });
      assert.equal(reply.headers['x-content-type-options'], 'nosniff');
    });

    it('answers the framework’s own errors in the protocol’s shape, never echoing the request', async () => {
      const api = await makeApp(backend);
      const marker = '<script>alert(1)</script>';
      const url = `/api/threads/${uniqueThread()}/comments`;
      const json = { 'content-type': 'application/json' };
      const cases: [InjectOptions, number, string][] = [
        [{ method: 'GET', url: `/api/nope/${encodeURIComponent(marker)}` }, 404, 'not_found'],
        [{ method: 'GET', url: `/api/threads/${'x'.repeat(3000)}${encodeURIComponent(marker)}/comments` }, 414, 'uri_too_long'],
        [{ method: 'GET', url: `/api/threads/%E0%A4%A${encodeURIComponent(marker)}/comments` }, 400, 'invalid_request'],
        [{ method: 'POST', url, headers: { 'content-type': 'text/x-script' }, payload: marker }, 415, 'unsupported_media_type'],
        [{ method: 'POST', url, headers: json, payload: `{"author": ${marker}` }, 400, 'invalid_request'],
        [{ method: 'POST', url, headers: json, payload: '' }, 400, 'invalid_request'],
        [{ method: 'POST', url, headers: json, payload: `{"__proto__": {"x": "${marker}"}}` }, 400, 'invalid_request'],
        [{ method: 'POST', url, headers: json, payload: `{"body": "${'x'.repeat(17_000)}${marker}"}` }, 413, 'payload_too_large'],
      ];
      for (const [options, status, code] of cases) {
        const response = await api.app.inject(options);
        const what = `${options.method} ${String(options.url).slice(0, 40)}`;
        assert.equal(response.statusCode, status, what);
        assert.deepEqual(Object.keys(response.json()), ['error'], what);
        assert.equal(response.json().error.code, code, what);
        assert.match(String(response.headers['content-type']), /^application\/json/, what);
        assert.equal(response.headers['x-content-type-options'], 'nosniff', what);
        assert.ok(!response.body.includes('script') && !response.body.includes('xxxx'), `${what} echoes the request: ${response.body}`);
      }
    });

    it('takes thread ids of up to 200 characters, such as an article’s URL', async () => {
      const api = await makeApp(backend);
      const articleUrl = `https://news.example/2026/01/05/city/council-approves-new-bike-lanes-at-last/?p=${randomUUID()}`;
      assert.equal(articleUrl.length, 116);
      const longest = `${randomUUID()}${'😀'.repeat(164)}`;
      for (const thread of [articleUrl, longest]) {
        const posted = await api.post(thread);
        assert.equal(posted.status, 201, `${thread.length} UTF-16 units`);
        assert.equal(posted.body.comment.threadId, thread);
        const listed = await api.list(thread);
        assert.equal(listed.status, 200);
        assert.equal(listed.body.total, 1);
        assert.equal((await api.admin('GET', `/comments?status=all&thread=${encodeURIComponent(thread)}`)).body.total, 1);
      }
      const tooLong = await api.post(`${'x'.repeat(200)}y`);
      assert.equal(tooLong.status, 400);
      assert.equal((tooLong.body as Json).error.field, 'threadId');
    });
  });

  describe('posting and reading', () => {
    it('stores a comment and lists it with exactly the public fields', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const posted = await api.post(thread, { name: 'Ann', body: 'Hello <b>world</b> & "friends"' });
      assert.equal(posted.status, 201);
      assert.match(posted.body.editToken, /^[\w-]{43}$/);
      const { comment } = posted.body;
      assert.deepEqual(Object.keys(comment).sort(), COMMENT_KEYS);
      assert.equal(comment.body, 'Hello <b>world</b> & "friends"', 'the body is stored as text, unescaped');
      assert.deepEqual(comment.author, { name: 'Ann' });
      assert.equal(comment.status, 'published');
      assert.equal(comment.parentId, null);
      assert.equal(comment.editedAt, null);
      assert.ok(!Number.isNaN(Date.parse(comment.createdAt)));

      const listed = await api.list(thread);
      assert.equal(listed.status, 200);
      assert.equal(listed.body.total, 1);
      assert.equal(listed.body.nextCursor, null);
      assert.deepEqual(listed.body.comments, [comment]);
      const raw = JSON.stringify(listed.body);
      assert.ok(!raw.includes(posted.body.editToken) && !raw.includes('127.0.0.1'));
    });

    it('normalises Unicode and strips control characters', async () => {
      const api = await makeApp(backend);
      const decomposed = 'Cafe\u0301';
      const posted = await api.post(uniqueThread(), {
        name: `  ${decomposed}\u0007  \n Owner `,
        body: `Line one\u0000\r\nLine\u202e two\u200d👩‍💻 \n\n\n\nEnd  `,
      });
      assert.equal(posted.status, 201);
      assert.equal(posted.body.comment.author.name, 'Café Owner');
      assert.equal(posted.body.comment.body, 'Line one\nLine two\u200d👩‍💻\n\nEnd');
    });

    it('stores names as counted: a lone surrogate is one U+FFFD; a name must show', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const posted = await api.post(thread, { name: '\uD800'.repeat(80), body: 'Broken \uDC00 text' });
      assert.equal(posted.status, 201);
      const [stored] = (await api.list(thread)).body.comments;
      assert.equal(stored!.author.name, '\uFFFD'.repeat(80));
      assert.equal(stored!.body, 'Broken \uFFFD text');
      for (const name of ['\u200B\u200D', '\u3164', '\u2800', '\u{E0041}', '\u0301', '\u00AD\u2060']) {
        const reply = await api.post(thread, { name });
        assert.equal(reply.status, 422, escape(name));
        assert.equal((reply.body as Json).error.field, 'author.name');
      }
      assert.equal((await api.post(thread, { body: '\u200B \u3164' })).status, 422, 'a body must show too');
      assert.equal((await api.post(thread, { name: 'Admin\u200B' })).body.comment.author.name, 'Admin');
    });

    it('enforces field limits with 422 and the request size with 413', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const cases: [Record<string, unknown>, string][] = [
        [{ name: 'x'.repeat(81) }, 'author.name'],
        [{ name: ' \u0001 ' }, 'author.name'],
        [{ body: '' }, 'body'],
        [{ body: ' \n\t ' }, 'body'],
        [{ body: 'é'.repeat(5001) }, 'body'],
      ];
      for (const [fields, field] of cases) {
        const reply = await api.post(thread, fields);
        assert.equal(reply.status, 422, JSON.stringify(fields).slice(0, 40));
        assert.equal((reply.body as Json).error.field, field);
      }
      assert.equal((await api.post(thread, { name: '😀'.repeat(80), body: 'é'.repeat(5000) })).status, 201, 'limits count characters');

      const huge = await api.post(thread, { body: 'x'.repeat(17_000) });
      assert.equal(huge.status, 413);
      assert.equal((huge.body as Json).error.code, 'payload_too_large');

      const wrongType = await api.request({
        method: 'POST',
        url: `/api/threads/${thread}/comments`,
        payload: { author: { name: 'A' }, body: 42, ...formFields() },
      });
      assert.equal(wrongType.status, 400);
      assert.equal(wrongType.body.error.code, 'invalid_request');

      const notJson = await api.request({
        method: 'POST',
        url: `/api/threads/${thread}/comments`,
        headers: { 'content-type': 'application/json' },
        payload: '{"author":',
      });
      assert.equal(notJson.status, 400);
      assert.equal((await api.list(thread)).body.total, 1);
    });

    it('paginates top-level comments with a cursor that survives new arrivals', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const first: string[] = [];
      for (let i = 0; i < 7; i++) first.push((await api.post(thread, { body: `old ${i}` })).body.comment.id);

      const page1 = await api.list(thread, '?sort=newest&limit=3');
      assert.equal(page1.body.comments.length, 3);
      assert.equal(page1.body.total, 7);
      assert.ok(page1.body.nextCursor);
      for (let i = 0; i < 4; i++) await api.post(thread, { body: `new ${i}` });

      const seen = [...page1.body.comments.map((c) => c.id)];
      let cursor: string | null = page1.body.nextCursor;
      while (cursor) {
        const page = await api.list(thread, `?sort=newest&limit=3&cursor=${cursor}`);
        assert.equal(page.status, 200);
        seen.push(...page.body.comments.map((c) => c.id));
        cursor = page.body.nextCursor;
      }
      assert.deepEqual(seen, [...first].reverse(), 'no duplicates, no gaps, no newcomers mid-way');

      const oldest = await api.listAll(thread, 'oldest', 4);
      assert.deepEqual(
        oldest.slice(0, 7).map((c) => c.id),
        first,
      );
      assert.equal(oldest.length, 11);
    });

    it('sorts by score for top and rejects foreign or forged cursors', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const ids = [];
      for (let i = 0; i < 4; i++) ids.push((await api.post(thread)).body.comment.id);
      const vote = (id: string, value: number, ip: string) =>
        api.request({ method: 'POST', url: `/api/comments/${id}/votes`, remoteAddress: ip, payload: { value } });
      await vote(ids[2]!, 1, '10.0.0.1');
      await vote(ids[2]!, 1, '10.0.0.2');
      await vote(ids[0]!, 1, '10.0.0.1');
      await vote(ids[3]!, -1, '10.0.0.1');
      const top = await api.listAll(thread, 'top', 1);
      assert.deepEqual(
        top.map((c) => [c.id, c.score]),
        [
          [ids[2], 2],
          [ids[0], 1],
          [ids[1], 0],
          [ids[3], -1],
        ],
      );

      const page = await api.list(thread, '?sort=top&limit=1');
      const foreign = await api.list(thread, `?sort=newest&cursor=${page.body.nextCursor}`);
      assert.equal(foreign.status, 400);
      assert.equal((foreign.body as Json).error.code, 'invalid_cursor');
      for (const cursor of ['garbage', Buffer.from('["newest","x","y",null]').toString('base64url')]) {
        assert.equal((await api.list(thread, `?cursor=${cursor}`)).status, 400);
      }
      for (const query of ['?limit=0', '?limit=101', '?limit=abc', '?sort=random']) {
        assert.equal((await api.list(thread, query)).status, 400, query);
      }
    });
  });

  describe('replies', () => {
    it('nests the first replies two levels deep and pages the rest', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const root = (await api.post(thread, { body: 'root' })).body.comment;
      const replies = [];
      for (let i = 0; i < 5; i++) replies.push((await api.post(thread, { body: `reply ${i}`, parentId: root.id })).body.comment);
      const grandchild = (await api.post(thread, { body: 'grandchild', parentId: replies[0]!.id })).body.comment;
      const deep = (await api.post(thread, { body: 'deep', parentId: grandchild.id })).body.comment;

      const [listed] = (await api.list(thread)).body.comments;
      assert.equal(listed!.replyCount, 5);
      assert.deepEqual(
        listed!.replies!.map((c) => c.body),
        ['reply 0', 'reply 1', 'reply 2'],
      );
      const [firstReply] = listed!.replies!;
      assert.equal(firstReply!.replyCount, 1);
      assert.equal(firstReply!.replies![0]!.id, grandchild.id);
      assert.equal(firstReply!.replies![0]!.replyCount, 1);
      assert.equal(firstReply!.replies![0]!.replies, undefined, 'previews stop two levels down');
      assert.equal((await api.list(thread)).body.total, 8);

      const page1 = await api.request({ method: 'GET', url: `/api/comments/${root.id}/replies?limit=4` });
      assert.equal(page1.body.total, 5);
      const page2 = await api.request({ method: 'GET', url: `/api/comments/${root.id}/replies?limit=4&cursor=${page1.body.nextCursor}` });
      assert.deepEqual(
        [...page1.body.comments, ...page2.body.comments].map((c: Json) => c.id),
        replies.map((c) => c.id),
      );
      assert.equal(page2.body.nextCursor, null);
      const deeper = await api.request({ method: 'GET', url: `/api/comments/${grandchild.id}/replies` });
      assert.deepEqual(
        deeper.body.comments.map((c: Json) => c.id),
        [deep.id],
      );
    });

    it('refuses replies to other threads and to unknown comments', async () => {
      const api = await makeApp(backend);
      const other = (await api.post(uniqueThread())).body.comment;
      const thread = uniqueThread();
      for (const parentId of [other.id, 'missing']) {
        const reply = await api.post(thread, { parentId });
        assert.equal(reply.status, 422);
        assert.equal((reply.body as Json).error.code, 'invalid_parent');
      }
      assert.equal((await api.request({ method: 'GET', url: '/api/comments/missing/replies' })).status, 404);
    });
  });

  describe('idempotency', () => {
    it('answers a repeated key with the same response and stores nothing new', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const key = randomUUID();
      const first = await api.post(thread, { body: 'once' }, { key });
      const again = await api.post(thread, { body: 'once' }, { key });
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.deepEqual(again.body, first.body);
      assert.equal((await api.list(thread)).body.total, 1);

      const edited = await api.request({
        method: 'PATCH',
        url: `/api/comments/${first.body.comment.id}`,
        headers: { authorization: `Bearer ${again.body.editToken}` },
        payload: { body: 'the replayed token works' },
      });
      assert.equal(edited.status, 200);

      const reused = await api.post(thread, { body: 'something else' }, { key });
      assert.equal(reused.status, 422);
      assert.equal((reused.body as Json).error.code, 'idempotency_key_reused');
      assert.equal((await api.post(thread, {}, { key: 'short' })).status, 400);
    });

    it('never hands out a deleted comment again: a replay answers 409 and the key keeps no content', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const secretName = `Name ${randomUUID()}`;
      const secretBody = `Regrettable ${randomUUID()}`;
      const post = (key: string) => api.post(thread, { name: secretName, body: secretBody }, { key });
      const remove = (id: string, token: string) =>
        api.request({ method: 'DELETE', url: `/api/comments/${id}`, headers: { authorization: `Bearer ${token}` } });

      const byAuthor = randomUUID();
      const first = (await post(byAuthor)).body;
      assert.equal((await remove(first.comment.id, first.editToken)).status, 204);
      const replay = await post(byAuthor);
      assert.equal(replay.status, 409);
      assert.equal((replay.body as Json).error.code, 'comment_deleted');
      assert.ok(!JSON.stringify(replay.body).includes(secretName) && !JSON.stringify(replay.body).includes(secretBody));
      assert.equal((await api.list(thread)).body.total, 0, 'a late retry does not post it again');

      const byModerator = randomUUID();
      const second = (await post(byModerator)).body;
      assert.equal((await api.admin('DELETE', `/comments/${second.comment.id}`)).status, 200);
      assert.equal((await post(byModerator)).status, 409);

      const rows = await backend.database.db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('key_hash', 'in', [sha256(byAuthor), sha256(byModerator)])
        .execute();
      assert.equal(rows.length, 2, 'the keys are remembered until they expire');
      const stored = JSON.stringify(rows);
      assert.ok(!stored.includes(secretName) && !stored.includes(secretBody), `erased content stays in idempotency_keys: ${stored}`);
      const requestHash = sha256(JSON.stringify([thread, null, secretName, secretBody]));
      assert.ok(!stored.includes(requestHash), 'nor a hash that would confirm a guess of it');
    });

    it('replays a comment as it is now: edited, or approved since', async () => {
      const api = await makeApp(backend, { moderation: 'links' });
      const thread = uniqueThread();
      const key = randomUUID();
      const fields = { body: 'Draft with https://docs.example' };
      const first = (await api.post(thread, fields, { key })).body;
      assert.equal(first.comment.status, 'pending');
      const edit = await api.edit(first.comment.id, first.editToken, 'Final with https://docs.example');
      assert.equal(edit.status, 200);
      const edited = await api.post(thread, fields, { key });
      assert.equal(edited.status, 202);
      assert.equal(edited.body.comment.body, 'Final with https://docs.example');
      assert.equal(edited.body.editToken, first.editToken);
      await api.approve(first.comment);
      const approved = await api.post(thread, fields, { key });
      assert.equal(approved.status, 201);
      assert.equal(approved.body.comment.status, 'published');
    });

    it('still replays the posts of the last day after the upgrade that stopped storing responses', async () => {
      const config = await freshDatabase(backend);
      const old = await openDatabase(config, '0001_initial');
      // A post as the first release stored it: the comment, and its key with the whole response.
      const [thread, key, id, now] = [uniqueThread(), randomUUID(), `old-${randomUUID().slice(0, 8)}`, Date.now()];
      await sql`insert into comments (id, thread_id, parent_id, author_name, author_key, body, status, held_reason, created_at, edited_at, score, reply_count, report_count, edit_token_hash)
        values (${id}, ${thread}, null, 'Reader', 'key', 'before the upgrade', 'published', null, ${now}, null, 0, 0, 0, 'hash')`.execute(old.db);
      const requestHash = sha256(JSON.stringify([thread, null, 'Reader', 'before the upgrade']));
      await sql`insert into idempotency_keys (key_hash, request_hash, status_code, response, created_at)
        values (${sha256(key)}, ${requestHash}, 201, ${JSON.stringify({ id, body: 'before the upgrade' })}, ${now})`.execute(old.db);
      await old.close();

      const upgraded = await openDatabase(config);
      after(() => upgraded.close());
      const table = (await upgraded.db.introspection.getTables()).find(({ name }) => name === 'idempotency_keys')!;
      assert.deepEqual(table.columns.map((column) => column.name).sort(), ['comment_id', 'created_at', 'key_hash', 'request_hash']);
      const replay = await (await makeAppOn(upgraded, config)).post(thread, { body: 'before the upgrade' }, { key });
      assert.equal(replay.status, 201);
      assert.equal(replay.body.comment.id, id);
    });

    it('stores one comment for concurrent posts with the same key', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const key = randomUUID();
      const replies = await Promise.all(Array.from({ length: 12 }, () => api.post(thread, { body: 'race' }, { key })));
      assert.deepEqual(new Set(replies.map((r) => r.status)), new Set([201]));
      assert.equal(new Set(replies.map((r) => r.body.comment.id)).size, 1);
      assert.equal(new Set(replies.map((r) => r.body.editToken)).size, 1);
      assert.equal((await api.list(thread)).body.total, 1);
    });
  });

  describe('editing and deleting', () => {
    it('edits with the edit token inside the window', async () => {
      const api = await makeApp(backend);
      const { comment, editToken, editableUntil } = (await api.post(uniqueThread(), { body: 'typo' })).body;
      // The answer says until when, by the server's setting, so clients need not guess it.
      assert.equal(Date.parse(editableUntil) - Date.parse(comment.createdAt), 15 * 60_000);
      const patch = (token: string | null, body = 'fixed') =>
        api.request({
          method: 'PATCH',
          url: `/api/comments/${comment.id}`,
          headers: token ? { authorization: `Bearer ${token}` } : {},
          payload: { body },
        });
      assert.equal((await patch(null)).status, 401);
      assert.equal((await patch('not-the-token')).status, 403);
      assert.equal((await patch(editToken, '')).status, 422);
      const edited = await patch(editToken);
      assert.equal(edited.status, 200);
      assert.equal(edited.body.comment.body, 'fixed');
      assert.ok(edited.body.comment.editedAt);
      assert.equal(
        (await api.request({ method: 'PATCH', url: '/api/comments/missing', headers: { authorization: `Bearer ${editToken}` }, payload: { body: 'x' } }))
          .status,
        404,
      );

      const closed = await makeApp(backend, { editWindowMs: 1 });
      const late = (await closed.post(uniqueThread())).body;
      assert.equal(Date.parse(late.editableUntil) - Date.parse(late.comment.createdAt), 1);
      await new Promise((resolve) => setTimeout(resolve, 10));
      const refused = await closed.request({
        method: 'DELETE',
        url: `/api/comments/${late.comment.id}`,
        headers: { authorization: `Bearer ${late.editToken}` },
      });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'edit_window_closed');
    });

    it('refuses an edit that would need review', async () => {
      const api = await makeApp(backend, { moderation: 'links' });
      const { comment, editToken } = (await api.post(uniqueThread(), { body: 'plain' })).body;
      const reply = await api.request({
        method: 'PATCH',
        url: `/api/comments/${comment.id}`,
        headers: { authorization: `Bearer ${editToken}` },
        payload: { body: 'now with https://spam.example/buy' },
      });
      assert.equal(reply.status, 422);
      assert.equal(reply.body.error.code, 'edit_needs_review');
    });

    it('removes a comment without replies and keeps a placeholder for one with replies', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const lonely = (await api.post(thread, { body: 'alone' })).body;
      const parent = (await api.post(thread, { name: 'Parent', body: 'has replies' })).body;
      const child = (await api.post(thread, { body: 'child', parentId: parent.comment.id })).body;
      const remove = (id: string, token: string) =>
        api.request({ method: 'DELETE', url: `/api/comments/${id}`, headers: { authorization: `Bearer ${token}` } });

      assert.equal((await remove(lonely.comment.id, parent.editToken)).status, 403);
      assert.equal((await remove(lonely.comment.id, lonely.editToken)).status, 204);
      assert.equal((await remove(parent.comment.id, parent.editToken)).status, 204);
      assert.equal((await remove(parent.comment.id, parent.editToken)).status, 409);

      const listed = (await api.list(thread)).body;
      assert.equal(listed.comments.length, 1);
      const [placeholder] = listed.comments;
      assert.equal(placeholder!.status, 'deleted');
      assert.equal(placeholder!.body, '');
      assert.equal(placeholder!.author.name, '');
      assert.equal(placeholder!.replies![0]!.id, child.comment.id);
      assert.equal(listed.total, 1, 'placeholders are not counted');
      const late = await api.post(thread, { parentId: parent.comment.id });
      assert.equal(late.status, 409);
      assert.equal((late.body as Json).error.code, 'parent_deleted');
      assert.equal((await api.request({ method: 'GET', url: `/api/comments/${lonely.comment.id}` })).status, 404);
    });
  });

  describe('votes, reports and counts', () => {
    it('keeps one vote per voter and lets it change', async () => {
      const api = await makeApp(backend);
      const { comment } = (await api.post(uniqueThread())).body;
      const vote = (value: unknown, ip = '10.1.1.1') =>
        api.request({ method: 'POST', url: `/api/comments/${comment.id}/votes`, remoteAddress: ip, payload: { value } });
      assert.deepEqual((await vote(1)).body, { score: 1, vote: 1 });
      assert.deepEqual((await vote(1)).body, { score: 1, vote: 1 });
      assert.deepEqual((await vote(-1)).body, { score: -1, vote: -1 });
      assert.deepEqual((await vote(1, '10.1.1.2')).body, { score: 0, vote: 1 });
      assert.deepEqual((await vote(0)).body, { score: 1, vote: 0 });
      assert.equal((await vote(2)).status, 400);
      assert.equal((await vote('1; drop table votes')).status, 400);
      const concurrent = await Promise.all(Array.from({ length: 10 }, (_, i) => vote(1, `10.2.0.${i}`)));
      assert.ok(concurrent.every((r) => r.status === 200));
      assert.equal((await api.request({ method: 'GET', url: `/api/comments/${comment.id}` })).body.comment.score, 11);
      assert.equal((await api.request({ method: 'POST', url: '/api/comments/missing/votes', payload: { value: 1 } })).status, 404);
    });

    it('records reports once per reporter', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const { comment } = (await api.post(thread)).body;
      const report = (reason: string, ip = '10.3.0.1') =>
        api.request({ method: 'POST', url: `/api/comments/${comment.id}/reports`, remoteAddress: ip, payload: { reason } });
      assert.deepEqual((await report('spam')).body, { received: true });
      assert.equal((await report('spam again')).status, 202);
      assert.equal((await report('abuse', '10.3.0.2')).status, 202);
      assert.equal((await report('')).status, 422);
      const reported = await api.admin('GET', `/comments?status=reported&thread=${thread}`);
      assert.equal(reported.body.comments[0].reports, 2);
    });

    it('counts published comments per thread', async () => {
      const api = await makeApp(backend, { moderation: 'links' });
      const [a, b, empty] = [uniqueThread('a'), uniqueThread('b'), uniqueThread('empty')];
      const root = (await api.post(a)).body.comment;
      await api.post(a, { parentId: root.id });
      await api.post(a, { body: 'see www.example.com' });
      await api.post(b);
      const reply = await api.request({ method: 'GET', url: `/api/counts?thread=${a}&thread=${b}&thread=${empty}&thread=${a}` });
      assert.deepEqual(reply.body, { [a]: 2, [b]: 1, [empty]: 0 });
      assert.equal((await api.request({ method: 'GET', url: '/api/counts' })).status, 400);
      const many = Array.from({ length: 101 }, (_, i) => `thread=t${i}`).join('&');
      assert.equal((await api.request({ method: 'GET', url: `/api/counts?${many}` })).status, 400);
    });
  });

  describe('moderation', () => {
    it('holds links in links mode until approved', async () => {
      const api = await makeApp(backend, { moderation: 'links' });
      const thread = uniqueThread();
      const held = await api.post(thread, { body: 'Cheap pills at https://spam.example' });
      assert.equal(held.status, 202);
      assert.equal(held.body.comment.status, 'pending');
      assert.ok(held.body.editToken);
      assert.equal((await api.post(thread, { body: 'no links here' })).status, 201);
      assert.equal((await api.list(thread)).body.total, 1);
      assert.equal((await api.list(thread)).body.comments.length, 1);

      const id = held.body.comment.id;
      assert.equal((await api.request({ method: 'GET', url: `/api/comments/${id}` })).status, 404);
      const own = await api.request({ method: 'GET', url: `/api/comments/${id}`, headers: { authorization: `Bearer ${held.body.editToken}` } });
      assert.equal(own.body.comment.status, 'pending', 'the author sees their held comment');

      const queue = await api.admin('GET', `/comments?status=pending&thread=${thread}`);
      assert.equal(queue.status, 200);
      assert.equal(queue.headers['cache-control'], 'no-store');
      assert.deepEqual(
        queue.body.comments.map((c: Json) => [c.id, c.heldReason]),
        [[id, 'links']],
      );
      assert.equal(queue.body.total, 1);
      const approved = await api.approve(held.body.comment);
      assert.equal(approved.body.comment.status, 'published');
      assert.equal((await api.list(thread)).body.total, 2);
      assert.equal((await api.admin('GET', `/comments?status=all&thread=${thread}`)).body.total, 2);
    });

    it('publishes only the text the moderator reviewed', async () => {
      const api = await makeApp(backend, { moderation: 'links' });
      const thread = uniqueThread();
      const held = (await api.post(thread, { body: 'The minutes: https://council.example/minutes' })).body;
      const [reviewed] = (await api.admin('GET', `/comments?thread=${thread}`)).body.comments;
      assert.equal(typeof reviewed.revision, 'string');
      const edit = await api.edit(held.comment.id, held.editToken, 'Cheap pills: https://spam.example');
      assert.equal(edit.status, 200, 'a held comment can still be edited');

      const stale = await api.admin('POST', `/comments/${held.comment.id}/approve`, ADMIN_TOKEN, { revision: reviewed.revision });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'comment_changed');
      assert.equal((await api.list(thread)).body.total, 0, 'the unreviewed text is not published');
      const blind = await api.admin('POST', `/comments/${held.comment.id}/approve`);
      assert.equal(blind.status, 400, 'an approval must say which revision it approves');

      const [current] = (await api.admin('GET', `/comments?thread=${thread}`)).body.comments;
      assert.equal(current.body, 'Cheap pills: https://spam.example');
      assert.notEqual(current.revision, reviewed.revision);
      const approved = await api.admin('POST', `/comments/${held.comment.id}/approve`, ADMIN_TOKEN, { revision: current.revision });
      assert.equal(approved.status, 200);
      assert.equal(approved.body.comment.body, 'Cheap pills: https://spam.example');
      assert.equal((await api.list(thread)).body.total, 1);
    });

    it('holds first-time authors, then trusts them', async () => {
      const api = await makeApp(backend, { moderation: 'first-time' });
      const thread = uniqueThread();
      const name = `Newcomer ${randomUUID().slice(0, 8)}`;
      const first = await api.post(thread, { name }, { ip: '10.9.0.1' });
      assert.equal(first.status, 202);
      assert.equal((await api.post(thread, { name }, { ip: '10.9.0.1' })).status, 202, 'still unknown');
      await api.approve(first.body.comment);
      assert.equal((await api.post(thread, { name: name.toUpperCase() }, { ip: '10.9.0.1' })).status, 201);
      assert.equal((await api.post(thread, { name }, { ip: '10.9.0.2' })).status, 202, 'same name elsewhere is someone else');
    });

    it('holds everything in all mode and rejects out of sight', async () => {
      const api = await makeApp(backend, { moderation: 'all' });
      const thread = uniqueThread();
      const held = await api.post(thread);
      assert.equal(held.status, 202);
      const rejected = await api.admin('POST', `/comments/${held.body.comment.id}/reject`);
      assert.equal(rejected.body.comment.status, 'rejected');
      assert.equal((await api.list(thread)).body.total, 0);
      assert.equal((await api.admin('GET', `/comments?thread=${thread}`)).body.total, 0);
      assert.equal((await api.admin('GET', `/comments?status=all&thread=${thread}`)).body.comments[0].status, 'rejected');
    });

    it('holds banned words, the honeypot and posts without timing; refuses posts that come too fast', async () => {
      const api = await makeApp(backend, { bannedWords: ['casino', 'free money'] });
      const thread = uniqueThread();
      const cases: [Record<string, unknown>, string][] = [
        [{ body: 'Visit the CASINO now' }, 'banned-words'],
        [{ body: 'Get ＦＲＥＥ money' }, 'banned-words'],
        [{ name: 'casino king' }, 'banned-words'],
        [{ website: 'https://bot.example' }, 'honeypot'],
        [{ startedAt: undefined }, 'no-timing'],
      ];
      for (const [fields, reason] of cases) {
        const reply = await api.post(thread, fields);
        assert.equal(reply.status, 202, reason);
        const queued = await api.admin('GET', `/comments?thread=${thread}`);
        assert.equal(queued.body.comments[0].heldReason, reason);
      }
      assert.equal((await api.post(thread, { body: 'casinos are fine as a substring? no: casinoX' })).status, 201);
      const fast = await api.post(thread, { startedAt: Date.now() - 500 });
      assert.equal(fast.status, 422);
      assert.equal((fast.body as Json).error.code, 'too_fast');
      assert.match((fast.body as Json).error.message, /wait 3 seconds/);
    });

    it('keeps a placeholder when a moderator removes a comment with replies', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const parent = (await api.post(thread)).body.comment;
      await api.post(thread, { parentId: parent.id });
      const other = (await api.post(thread)).body.comment;
      assert.equal((await api.admin('POST', `/comments/${parent.id}/reject`)).body.comment.status, 'deleted');
      assert.equal((await api.admin('DELETE', `/comments/${other.id}`)).status, 200, 'answered with an undo id');
      assert.equal((await api.admin('DELETE', `/comments/${other.id}`)).status, 404);
      assert.equal((await api.admin('POST', `/comments/${other.id}/approve`, ADMIN_TOKEN, { revision: 'any' })).status, 409);
      const listed = (await api.list(thread)).body;
      assert.deepEqual(
        listed.comments.map((c) => c.status),
        ['deleted'],
      );
      assert.equal(listed.total, 1);
    });

    it('brings back a deleted parent as a placeholder when a held reply is approved', async () => {
      const api = await makeApp(backend, { moderation: 'links' });
      const thread = uniqueThread();
      const parent = (await api.post(thread, { body: 'question' })).body;
      const reply = (await api.post(thread, { body: 'answer: https://docs.example', parentId: parent.comment.id })).body;
      assert.equal(reply.comment.status, 'pending');
      const deleted = await api.request({
        method: 'DELETE',
        url: `/api/comments/${parent.comment.id}`,
        headers: { authorization: `Bearer ${parent.editToken}` },
      });
      assert.equal(deleted.status, 204);
      assert.equal((await api.list(thread)).body.comments.length, 0, 'no visible replies: the parent is gone');

      await api.approve(reply.comment);
      const [placeholder] = (await api.list(thread)).body.comments;
      assert.equal(placeholder!.status, 'deleted');
      assert.equal(placeholder!.body, '');
      assert.equal(placeholder!.replyCount, 1);
      assert.equal(placeholder!.replies![0]!.id, reply.comment.id);
    });

    it('guards admin routes with the token', async () => {
      const api = await makeApp(backend);
      assert.equal((await api.request({ method: 'GET', url: '/api/admin/comments' })).status, 401);
      const wrong = await api.admin('GET', '/comments', `${ADMIN_TOKEN}x`);
      assert.equal(wrong.status, 401);
      assert.equal(wrong.body.error.code, 'unauthorized');
      assert.equal((await api.admin('GET', '/comments?status=bogus')).status, 400);
      assert.equal((await api.admin('POST', '/comments/missing/approve', ADMIN_TOKEN, { revision: 'any' })).status, 404);
      const disabled = await makeApp(backend, { adminToken: null });
      const refused = await disabled.admin('GET', '/comments');
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'admin_disabled');
    });
  });

  describe('abuse controls', () => {
    it('rate-limits posts, votes and reports per client IP with 429 and Retry-After', async () => {
      const limit = { max: 2, windowMs: 60_000 };
      const api = await makeApp(backend, { rateLimits: { posts: limit, votes: limit, reports: limit } });
      const thread = uniqueThread();
      const ip = `10.${Math.floor(Math.random() * 250)}.7.7`;
      assert.equal((await api.post(thread, {}, { ip })).status, 201);
      const target = (await api.post(thread, {}, { ip })).body.comment;
      const limited = await api.post(thread, {}, { ip });
      assert.equal(limited.status, 429);
      assert.equal((limited.body as Json).error.code, 'rate_limited');
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.equal((await api.post(thread, {}, { ip: '10.250.0.1' })).status, 201, 'other clients are unaffected');

      const vote = () => api.request({ method: 'POST', url: `/api/comments/${target.id}/votes`, remoteAddress: ip, payload: { value: 1 } });
      assert.deepEqual([(await vote()).status, (await vote()).status, (await vote()).status], [200, 200, 429]);
      const report = () => api.request({ method: 'POST', url: `/api/comments/${target.id}/reports`, remoteAddress: ip, payload: { reason: 'x' } });
      assert.deepEqual([(await report()).status, (await report()).status, (await report()).status], [202, 202, 429]);
    });

    it('uses X-Forwarded-For only when trusted, and only as many hops as trusted', async () => {
      const limits = { posts: { max: 1, windowMs: 60_000 }, votes: null, reports: null };
      const thread = uniqueThread();
      const via = (chain: string[], ip = '127.0.0.9') => ({ headers: { 'x-forwarded-for': chain.join(', ') }, ip });
      const untrusted = await makeApp(backend, { rateLimits: limits });
      assert.equal((await untrusted.post(thread, {}, via([randomIp()]))).status, 201);
      assert.equal((await untrusted.post(thread, {}, via([randomIp()]))).status, 429, 'the header is ignored');

      // One proxy: the client is the address it appended, whatever the client wrote before it.
      const oneHop = await makeApp(backend, { trustProxy: 1, rateLimits: limits });
      const client = randomIp();
      assert.equal((await oneHop.post(thread, {}, via(['6.6.6.1', client]))).status, 201);
      assert.equal((await oneHop.post(thread, {}, via([randomIp()]))).status, 201, 'each forwarded client has its own limit');
      assert.equal((await oneHop.post(thread, {}, via(['6.6.6.2', client]))).status, 429, 'a forged leftmost address changes nothing');

      const twoHops = await makeApp(backend, { trustProxy: 2, rateLimits: limits });
      const behindTwo = randomIp();
      assert.equal((await twoHops.post(thread, {}, via(['6.6.6.3', behindTwo, '10.0.0.1']))).status, 201);
      assert.equal((await twoHops.post(thread, {}, via(['6.6.6.4', behindTwo, '10.0.0.2']))).status, 429);

      const listed = await makeApp(backend, { trustProxy: ['127.0.0.0/8', '10.0.0.0/8'], rateLimits: limits });
      const behindList = randomIp();
      assert.equal((await listed.post(thread, {}, via(['6.6.6.5', behindList, '10.0.0.1']))).status, 201);
      assert.equal((await listed.post(thread, {}, via(['6.6.6.6', behindList]))).status, 429);
      assert.equal((await listed.post(thread, {}, via([randomIp()], '192.0.2.1'))).status, 201, 'an untrusted peer is the client');
      assert.equal((await listed.post(thread, {}, via([randomIp()], '192.0.2.1'))).status, 429, 'whatever it forwards');
    });

    it('keys IPv6 clients by their /64: one network gets one rate limit, one vote, one report, one author', async () => {
      const net = `2001:db8:${randomHex()}:${randomHex()}`;
      const otherNet = `2001:db8:${randomHex()}:${randomHex()}`;
      const limited = await makeApp(backend, { rateLimits: { posts: { max: 1, windowMs: 60_000 }, votes: null, reports: null } });
      const thread = uniqueThread();
      assert.equal((await limited.post(thread, {}, { ip: `${net}::1` })).status, 201);
      assert.equal((await limited.post(thread, {}, { ip: `${net}:ffff:1:2:3` })).status, 429, 'another address of the same /64');
      assert.equal((await limited.post(thread, {}, { ip: `${otherNet}::1` })).status, 201, 'another /64');

      const api = await makeApp(backend, { moderation: 'first-time' });
      const name = `Six ${randomUUID().slice(0, 8)}`;
      const held = await api.post(thread, { name }, { ip: `${net}::1` });
      assert.equal(held.status, 202);
      await api.approve(held.body.comment);
      assert.equal((await api.post(thread, { name }, { ip: `${net}::abcd` })).status, 201, 'the same author on another address of the /64');
      assert.equal((await api.post(thread, { name }, { ip: `${otherNet}::1` })).status, 202);

      const { id } = held.body.comment;
      const vote = (ip: string) => api.request({ method: 'POST', url: `/api/comments/${id}/votes`, remoteAddress: ip, payload: { value: 1 } });
      const report = (ip: string) => api.request({ method: 'POST', url: `/api/comments/${id}/reports`, remoteAddress: ip, payload: { reason: 'spam' } });
      for (const ip of [`${net}::1`, `${net}::2`, `${net}:1:2:3:4`]) await vote(ip);
      assert.equal((await vote(`${otherNet}::1`)).body.score, 2, 'one vote per /64');
      const v4 = randomIp();
      await vote(v4);
      assert.equal((await vote(`::ffff:${v4}`)).body.score, 3, 'an IPv4-mapped address is that IPv4 address');
      for (const ip of [`${net}::1`, `${net}::2`, `${otherNet}::1`]) await report(ip);
      const reported = await api.admin('GET', `/comments?status=reported&thread=${thread}`);
      assert.equal(reported.body.comments.find((c: Json) => c.id === id).reports, 2, 'one report per /64');
    });

    it('allows browser writes from the allowed origins whatever Host says, and from its own origin only on a host that cannot be rebound', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const from = (origin: string, host: string) => api.post(thread, {}, { headers: { origin, host } });
      const evil = await from('https://evil.example', 'comments.news.example');
      assert.equal(evil.status, 403);
      assert.equal((evil.body as Json).error.code, 'origin_not_allowed');
      const allowed = await from('https://news.example', 'comments.news.example');
      assert.equal(allowed.status, 201);
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://news.example');
      assert.equal((await from('https://news.example', '127.0.0.1:8787')).status, 201, 'a proxy that rewrites Host changes nothing');
      for (const local of ['localhost:5173', '127.0.0.1:8787', '[::1]:8787', 'demo.localhost']) {
        assert.equal((await from(`http://${local}`, local)).status, 201, `same origin on ${local}`);
      }
      // DNS rebinding: a page on a name the attacker points at this server is "same origin" by Host.
      const rebound = await from('http://rebind.attacker.example:8787', 'rebind.attacker.example:8787');
      assert.equal(rebound.status, 403, 'same origin on a name nobody configured');
      assert.equal((rebound.body as Json).error.code, 'origin_not_allowed');
      const preflight = await api.request({
        method: 'OPTIONS',
        url: `/api/threads/${thread}/comments`,
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      assert.equal(preflight.status, 403);
      assert.equal(preflight.body.error.code, 'origin_not_allowed');
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
      const read = (origin: string) => api.request({ method: 'GET', url: `/api/threads/${thread}/comments`, headers: { origin } });
      assert.equal((await read('https://evil.example')).body.error.code, 'origin_not_allowed', 'reads are refused too');
      assert.equal((await read('https://news.example')).headers['access-control-allow-origin'], 'https://news.example');

      const listed = await makeApp(backend, { allowedOrigins: [], allowedHosts: ['comments.news.example'] });
      const sameOrigin = await listed.post(thread, {}, { headers: { origin: 'https://comments.news.example', host: 'comments.news.example' } });
      assert.equal(sameOrigin.status, 201, 'same origin on an allowed host');
    });

    it('answers only for allowed host names once LEDE_ALLOWED_HOSTS is set', async () => {
      const thread = uniqueThread();
      const read = (api: Api, host: string) => api.request({ method: 'GET', url: `/api/threads/${thread}/comments`, headers: { host } });
      const open = await makeApp(backend);
      assert.equal((await read(open, 'anything.example')).status, 200, 'any host by default');
      const api = await makeApp(backend, { allowedHosts: ['comments.news.example'] });
      for (const host of ['comments.news.example', 'Comments.News.Example:443', '127.0.0.1:8787', '[2001:db8::1]', 'localhost:8787']) {
        assert.equal((await read(api, host)).status, 200, host);
      }
      const refused = await read(api, 'rebind.attacker.example');
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'host_not_allowed');
      assert.ok(!JSON.stringify(refused.body).includes('attacker'));
      assert.equal((await api.post(thread, {}, { headers: { host: 'rebind.attacker.example' } })).status, 403);
    });

    it('reads only Bearer credentials as an edit token: the Basic auth of a site in front is ignored', async () => {
      const api = await makeApp(backend, { moderation: 'links' });
      const thread = uniqueThread();
      const basic = 'Basic ' + Buffer.from('reader:site-password').toString('base64');
      const get = (id: string, authorization: string) => api.request({ method: 'GET', url: `/api/comments/${id}`, headers: { authorization } });
      const published = (await api.post(thread)).body.comment;
      const held = (await api.post(thread, { body: 'see https://docs.example' })).body;
      assert.equal((await get(published.id, basic)).status, 200);
      assert.equal((await get(held.comment.id, basic)).status, 404, 'a held comment stays hidden');
      assert.equal((await get(held.comment.id, `Bearer ${held.editToken}`)).status, 200);
      const patch = await api.request({ method: 'PATCH', url: `/api/comments/${published.id}`, headers: { authorization: basic }, payload: { body: 'x' } });
      assert.equal(patch.status, 401, 'changing a comment still needs its token');
    });

    it('logs each refused origin once, with the setting that allows it', async () => {
      const lines: string[] = [];
      const config = testConfig(backend.config, { logLevel: 'warn' });
      const app = await buildApp(config, backend.database, { logTo: { write: (line: string) => void lines.push(line) } });
      after(() => app.close());
      const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/api/threads/${uniqueThread()}/comments`;
      const comment = JSON.stringify({ author: { name: 'Ann' }, body: 'Hello', ...formFields() });
      const replies = [
        await fetch(url, { headers: { origin: 'https://blog.example' } }),
        await fetch(url, { method: 'POST', headers: { origin: 'https://blog.example', 'content-type': 'application/json' }, body: comment }),
        await fetch(url, { method: 'OPTIONS', headers: { origin: 'null', 'access-control-request-method': 'POST' } }),
      ];
      for (const reply of replies) {
        assert.equal(reply.status, 403);
        assert.equal(((await reply.json()) as Json).error.code, 'origin_not_allowed');
      }
      const warnings = () =>
        lines
          .map((line) => JSON.parse(line) as Json)
          .filter((entry) => entry.level === 40)
          .map((entry) => entry.msg);
      assert.deepEqual(warnings(), [
        'origin https://blog.example refused: set LEDE_ALLOWED_ORIGINS=https://news.example,https://blog.example to allow it',
        'origin null refused: only LEDE_ALLOWED_ORIGINS=* would allow it',
      ]);
      // Memory stays bounded: after 500 other origins the first is forgotten, and logged again.
      await pool(500, 20, (n) => app.inject({ method: 'GET', url: '/api/health', headers: { origin: `https://site${n}.example` } }));
      await fetch(url, { headers: { origin: 'https://blog.example' } });
      assert.equal(warnings().length, 503);
      assert.match(warnings().at(-1), /^origin https:\/\/blog\.example refused/);
    });

    it('treats SQL injection attempts in every parameter as plain data', async () => {
      const api = await makeApp(backend);
      const thread = uniqueThread();
      const control = (await api.post(thread, { body: 'control' })).body.comment;
      const attacks = [
        "'; DROP TABLE comments; --",
        "' OR '1'='1",
        '1) OR (1=1',
        '" OR ""="',
        "x'); DELETE FROM comments WHERE ('1'='1",
        "\\'; SELECT pg_sleep(5); --",
      ];
      for (const attack of attacks) {
        const q = encodeURIComponent(attack);
        const posted = await api.post(attack, { name: attack, body: attack }, { key: `key-${attack}`.replace(/[^\x21-\x7e]/g, '_') });
        assert.equal(posted.status, 201);
        assert.equal(posted.body.comment.body, attack);
        assert.equal(posted.body.comment.threadId, attack);
        const listed = await api.list(attack);
        assert.equal(listed.body.total, 1, 'the attack thread holds only its own comment');
        const statuses = await Promise.all([
          api.list(thread, `?sort=${q}`),
          api.list(thread, `?limit=${q}`),
          api.list(thread, `?cursor=${q}`),
          api.list(thread, `?cursor=${Buffer.from(JSON.stringify(['newest', 0, attack, null])).toString('base64url')}`),
          api.request({ method: 'GET', url: `/api/comments/${q}` }),
          api.request({ method: 'GET', url: `/api/comments/${q}/replies` }),
          api.request({ method: 'POST', url: `/api/comments/${q}/votes`, payload: { value: 1 } }),
          api.request({ method: 'POST', url: `/api/comments/${q}/reports`, payload: { reason: attack } }),
          api.request({ method: 'POST', url: `/api/comments/${control.id}/reports`, payload: { reason: attack } }),
          api.request({ method: 'PATCH', url: `/api/comments/${q}`, headers: { authorization: `Bearer ${q}` }, payload: { body: attack } }),
          api.request({ method: 'DELETE', url: `/api/comments/${q}`, headers: { authorization: `Bearer ${q}` } }),
          api.post(thread, { parentId: attack }),
          api.request({ method: 'GET', url: `/api/counts?thread=${q}&thread=${thread}` }),
          api.admin('GET', `/comments?status=${q}`),
          api.admin('GET', `/comments?status=all&thread=${q}`),
          api.admin('GET', `/comments?cursor=${q}`),
          api.admin('POST', `/comments/${q}/approve`, ADMIN_TOKEN, { revision: attack }),
          api.admin('POST', `/comments/${q}/reject`),
          api.admin('DELETE', `/comments/${q}`),
          api.admin('GET', '/comments', attack.replace(/\s/g, '')),
        ]);
        for (const reply of statuses) assert.ok(reply.status < 500, `${attack}: ${reply.status} ${JSON.stringify(reply.body)}`);
        const counts = statuses[12]!.body;
        assert.deepEqual(counts, { [attack]: 1, [thread]: 1 });
      }
      const [survivor] = (await api.list(thread)).body.comments;
      assert.equal(survivor!.id, control.id, 'the table and its rows are intact');
      assert.equal((await api.admin('GET', `/comments?status=reported&thread=${thread}`)).body.comments[0].reports, 1);
    });
  });

  describe('load', () => {
    it('reads a busy thread while posts arrive', async () => {
      const api: Api = await makeApp(backend);
      const thread = uniqueThread();
      await pool(60, 10, (i) => api.post(thread, { body: `concurrent ${i}` }));
      const all = await api.listAll(thread, 'oldest', 25);
      assert.equal(all.length, 60);
      assert.equal(new Set(all.map((c) => c.body)).size, 60);
    });
  });
}
