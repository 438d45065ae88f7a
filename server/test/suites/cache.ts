import assert from 'node:assert/strict';
import { after, describe, it, type TestContext } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../src/store/database.js';
import { freshDatabase, makeApp, makeAppOn, uniqueThread, type Api, type Backend, type Reply } from '../helpers.js';

const DAY = 86_400_000;
const PUBLIC = 'public, max-age=5, s-maxage=10, stale-while-revalidate=60';

/** Validators and Cache-Control on the public reads: docs/caching.md. */
export function cacheSuite(backend: Backend): void {
  const get = (api: Api, url: string, headers: Record<string, string> = {}) => api.request({ method: 'GET', url, headers });
  const etagOf = (reply: Reply) => {
    assert.equal(reply.status, 200);
    assert.match(String(reply.headers.etag), /^W\/"[\w-]+"$/);
    return String(reply.headers.etag);
  };
  const threadUrl = (thread: string, query = '') => `/api/threads/${encodeURIComponent(thread)}/comments${query}`;

  /** A thread with a comment and a reply to it, and the four public reads of it. */
  async function seeded(api: Api) {
    const thread = uniqueThread('cache');
    const top = (await api.post(thread)).body;
    const reply = (await api.post(thread, { parentId: top.comment.id })).body;
    const urls = {
      thread: threadUrl(thread),
      replies: `/api/comments/${top.comment.id}/replies`,
      comment: `/api/comments/${top.comment.id}`,
      counts: `/api/counts?thread=${encodeURIComponent(thread)}`,
    };
    return { thread, top, reply, urls };
  }

  /** The ETag of each URL now. */
  const tags = async (api: Api, urls: Record<string, string>) =>
    Object.fromEntries(await Promise.all(Object.entries(urls).map(async ([name, url]) => [name, etagOf(await get(api, url))] as const)));

  describe('caching of public reads', () => {
    it('every public read carries a weak ETag, public Cache-Control and Vary: Authorization; If-None-Match with it answers 304 without a body', async () => {
      const api = await makeApp(backend);
      const { urls } = await seeded(api);
      for (const url of Object.values(urls)) {
        for (const method of ['GET', 'HEAD'] as const) {
          const first = await api.request({ method, url });
          assert.equal(first.status, 200, url);
          assert.equal(first.headers['cache-control'], PUBLIC, url);
          assert.match(String(first.headers.vary), /Authorization/, url);
          const etag = String(first.headers.etag);
          const again = await api.app.inject({ method, url, headers: { 'if-none-match': etag } });
          assert.equal(again.statusCode, 304, `${method} ${url}`);
          assert.equal(again.body, '');
          assert.equal(again.headers.etag, etag);
          assert.equal(again.headers['cache-control'], PUBLIC);
          assert.match(String(again.headers.vary), /Authorization/);
        }
      }
    });

    it('takes its max-age, s-maxage and stale-while-revalidate from the configuration', async () => {
      const api = await makeApp(backend, { cache: { maxAge: 0, sharedMaxAge: 30, staleWhileRevalidate: 300 } });
      const { urls } = await seeded(api);
      assert.equal((await get(api, urls.thread)).headers['cache-control'], 'public, max-age=0, s-maxage=30, stale-while-revalidate=300');
    });

    it('If-None-Match per RFC 9110: weak comparison either way round, lists, *, and nothing for a malformed or foreign tag', async () => {
      const api = await makeApp(backend);
      const { urls } = await seeded(api);
      const etag = etagOf(await get(api, urls.thread));
      const strong = etag.slice(2);
      const status = async (header: string) => (await get(api, urls.thread, { 'if-none-match': header })).status;
      assert.equal(await status(strong), 304, 'the strong form of a weak tag matches weakly');
      assert.equal(await status(`"elsewhere", W/"other",${etag}`), 304, 'a list with the tag');
      assert.equal(await status(`"elsewhere" , ${strong}`), 304);
      assert.equal(await status('*'), 304, '* matches any current representation');
      assert.equal(await status('"elsewhere", W/"other"'), 200);
      assert.equal(await status(strong.slice(1, -1)), 200, 'an unquoted tag is no entity tag');
      assert.equal(await status(''), 200);
      // No representation, no match: * on a comment that is not there is still a 404.
      const missing = await get(api, '/api/comments/not-a-comment-0000', { 'if-none-match': '*' });
      assert.equal(missing.status, 404);
      assert.equal(missing.headers['cache-control'], 'no-store');
      assert.equal(missing.headers.etag, undefined);
    });

    it('sort, cursor and limit each give their own tag', async () => {
      const api = await makeApp(backend);
      const { thread } = await seeded(api);
      await api.post(thread);
      const page = await get(api, threadUrl(thread, '?limit=1'));
      const seen = new Set([
        etagOf(await get(api, threadUrl(thread))),
        etagOf(await get(api, threadUrl(thread, '?sort=oldest'))),
        etagOf(await get(api, threadUrl(thread, '?sort=top'))),
        etagOf(page),
        etagOf(await get(api, threadUrl(thread, `?limit=1&cursor=${page.body.nextCursor}`))),
      ]);
      assert.equal(seen.size, 5);
      // Defaults and order of parameters are the same request.
      assert.equal(etagOf(await get(api, threadUrl(thread, '?sort=newest&limit=1'))), etagOf(await get(api, threadUrl(thread, '?limit=1&sort=newest'))));
    });

    it('a post, an edit, a vote, a deletion and each moderation action give the pages that show it a new tag, and the old tag no longer answers 304', async () => {
      const api = await makeApp(backend);
      const { thread, top, reply, urls } = await seeded(api);
      const other = await seeded(api);
      let before = await tags(api, urls);
      const untouched = await tags(api, other.urls);
      /** After `change`: these reads have new tags (the old one answers 200), the others keep theirs. */
      const changes = async (label: string, change: () => Promise<Reply>, moved: (keyof typeof urls)[]) => {
        const result = await change();
        assert.ok(result.status < 300, `${label}: ${result.status} ${JSON.stringify(result.body)}`);
        const after = await tags(api, urls);
        for (const name of moved) {
          assert.notEqual(after[name], before[name], `${label} moves ${name}`);
          assert.equal((await get(api, urls[name], { 'if-none-match': before[name]! })).status, 200, `${label}: old ${name} tag`);
        }
        before = after;
      };
      const admin = (path: string, body?: object) => () => api.admin('POST', path, undefined, body);

      await changes('post', () => api.post(thread, { parentId: top.comment.id }), ['thread', 'replies', 'comment', 'counts']);
      await changes(
        'edit',
        () =>
          api.request({
            method: 'PATCH',
            url: `/api/comments/${reply.comment.id}`,
            headers: { authorization: `Bearer ${reply.editToken}` },
            payload: { body: 'edited' },
          }),
        ['thread', 'replies', 'comment'],
      );
      await changes('vote', () => api.request({ method: 'POST', url: `/api/comments/${top.comment.id}/votes`, payload: { value: 1 } }), ['thread', 'comment']);
      await changes('feature', admin(`/comments/${top.comment.id}/feature`), ['thread', 'comment']);
      await changes('unfeature', admin(`/comments/${top.comment.id}/unfeature`), ['thread', 'comment']);
      await changes('reject', admin(`/comments/${reply.comment.id}/reject`), ['thread', 'replies', 'counts']);
      await changes('approve', () => api.approve(reply.comment), ['thread', 'replies', 'counts']);
      await changes('moderator delete', () => api.admin('DELETE', `/comments/${reply.comment.id}`), ['thread', 'replies', 'counts']);
      const own = (await api.post(thread)).body;
      before = await tags(api, urls);
      await changes(
        'author delete',
        () => api.request({ method: 'DELETE', url: `/api/comments/${own.comment.id}`, headers: { authorization: `Bearer ${own.editToken}` } }),
        ['thread', 'counts'],
      );
      await changes('close', () => api.admin('PUT', `/threads/${encodeURIComponent(thread)}`, undefined, { closed: true }), ['thread']);
      assert.equal((await get(api, urls.thread)).body.closed, true);
      await changes('reopen', () => api.admin('PUT', `/threads/${encodeURIComponent(thread)}`, undefined, { closed: false }), ['thread']);
      await changes('pre-moderation', () => api.admin('PUT', `/threads/${encodeURIComponent(thread)}`, undefined, { premoderation: true }), ['thread']);

      assert.deepEqual(await tags(api, other.urls), untouched, "another thread's tags stay");
    });

    it('a thread that closes by itself (LEDE_CLOSE_AFTER) gets a new tag with no write at all', async (t: TestContext) => {
      const api = await makeApp(backend, { closeAfterMs: 2 * DAY });
      const start = Date.now();
      t.mock.timers.enable({ apis: ['Date'], now: start });
      const { urls } = await seeded(api);
      const open = await get(api, urls.thread);
      assert.equal(open.body.closed, false);
      t.mock.timers.setTime(start + 3 * DAY);
      const closed = await get(api, urls.thread, { 'if-none-match': etagOf(open) });
      assert.equal(closed.status, 200);
      assert.equal(closed.body.closed, true);
    });

    it('another app on the same database sees the new tag at once: the version lives in the database', async () => {
      const writer = await makeApp(backend);
      const reader = await makeApp(backend);
      const { thread, urls } = await seeded(writer);
      const before = etagOf(await get(reader, urls.thread));
      await writer.post(thread);
      assert.equal((await get(reader, urls.thread, { 'if-none-match': before })).status, 200);
    });

    it('a database from before thread versions gets a row for every thread with comments, opened at its first, and its tags move', async () => {
      const config = await freshDatabase(backend);
      const older = await openDatabase(config, '0005_threads');
      // A thread without a row, as every thread was before migration 0005.
      await sql`insert into comments (id, thread_id, parent_id, author_name, author_key, body, status, created_at, edit_token_hash)
        values ('old-comment-1', 'old-thread', null, 'Ann', 'key', 'Before.', 'published', 1000, 'hash'),
               ('old-comment-2', 'old-thread', null, 'Bo', 'key', 'Also.', 'published', 2000, 'hash')`.execute(older.db);
      await older.close();
      const database = await openDatabase(config);
      after(() => database.close());
      const row = await database.db.selectFrom('threads').select(['opens_at', 'closed_at']).where('id', '=', 'old-thread').executeTakeFirstOrThrow();
      assert.deepEqual({ opensAt: Number(row.opens_at), closedAt: row.closed_at }, { opensAt: 1000, closedAt: null });
      const api = await makeAppOn(database, config);
      const before = etagOf(await get(api, threadUrl('old-thread')));
      assert.equal((await api.request({ method: 'POST', url: '/api/comments/old-comment-1/votes', payload: { value: 1 } })).status, 200);
      assert.equal((await get(api, threadUrl('old-thread'), { 'if-none-match': before })).status, 200);
    });

    it('a request with Authorization is never public: private, no-store, no tag, no 304, whatever it carries', async () => {
      const api = await makeApp(backend);
      const { top, urls } = await seeded(api);
      const publicTags = await tags(api, urls);
      for (const authorization of [`Bearer ${top.editToken}`, 'Bearer a.b.c', 'Basic dXNlcjpwYXNz']) {
        for (const [name, url] of Object.entries(urls)) {
          const answer = await get(api, url, { authorization, 'if-none-match': publicTags[name]! });
          assert.equal(answer.status, 200, `${name} with ${authorization}`);
          assert.equal(answer.headers['cache-control'], 'private, no-store');
          assert.match(String(answer.headers.vary), /Authorization/);
          assert.equal(answer.headers.etag, undefined);
        }
      }
    });

    it('admin routes, writes and errors are never cacheable', async () => {
      const api = await makeApp(backend);
      const { thread, urls } = await seeded(api);
      const answers = [
        await api.admin('GET', '/comments?status=all'),
        await api.admin('GET', `/threads/${encodeURIComponent(thread)}`),
        await api.post(thread),
        await get(api, '/api/health'),
        await get(api, '/api/comments/not-a-comment-0000'),
        await get(api, '/api/comments/not-a-comment-0000/replies'),
        await get(api, `${urls.thread}?sort=sideways`),
        await get(api, '/api/no-such-route'),
        await get(api, `/api/threads/${'x'.repeat(500)}/comments`),
      ];
      for (const answer of answers) {
        assert.equal(answer.headers['cache-control'], 'no-store', `${answer.status} ${JSON.stringify(answer.body)}`);
        assert.equal(answer.headers.etag, undefined);
      }
    });
  });
}
