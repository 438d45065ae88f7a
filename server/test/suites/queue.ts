import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { ADMIN_TOKEN, makeApp, uniqueThread, type Api, type Backend, type Json } from '../helpers.js';

/** The queue API: queues, filters, search, order, paging while the queue changes, context and author history. */
export function queueSuite(backend: Backend): void {
  const ids = (reply: Json): string[] => reply.body.comments.map((c: Json) => c.id);
  const queue = (api: Api, query: string) => api.admin('GET', `/comments?${query}`);

  describe('moderation queue', () => {
    it('lists each queue with its counts, filtered by thread, author, held reason and search', async () => {
      const api = await makeApp(backend, { moderation: 'links' });
      const thread = uniqueThread();
      const other = uniqueThread();
      const name = `Alice ${randomUUID().slice(0, 8)}`;
      const link = (await api.post(thread, { name, body: 'Cheap PILLS at https://spam.example' }, { ip: '10.20.0.1' })).body.comment;
      const words = (await api.post(thread, { body: 'a 100% honest_review www.shop.example' })).body.comment;
      const published = (await api.post(thread, { body: 'Plain and published' })).body.comment;
      const reported = (await api.post(thread, { name, body: 'Reported text' }, { ip: '10.20.0.1' })).body.comment;
      const rejected = (await api.post(thread, { body: 'to be rejected' })).body.comment;
      await api.post(other, { body: 'another thread entirely' });
      const report = (reason: string, ip: string) =>
        api.request({ method: 'POST', url: `/api/comments/${reported.id}/reports`, remoteAddress: ip, payload: { reason } });
      await report('spam', '10.21.0.1');
      await report('spam', '10.21.0.2');
      await report('rude', '10.21.0.3');
      assert.equal((await api.admin('POST', `/comments/${rejected.id}/reject`)).status, 200);

      const t = `thread=${encodeURIComponent(thread)}`;
      assert.deepEqual(ids(await queue(api, `status=pending&${t}`)), [words.id, link.id]);
      assert.deepEqual(ids(await queue(api, `status=pending&${t}&order=oldest`)), [link.id, words.id]);
      assert.deepEqual(ids(await queue(api, `status=published&${t}`)), [reported.id, published.id]);
      assert.deepEqual(ids(await queue(api, `status=rejected&${t}`)), [rejected.id]);
      assert.deepEqual(ids(await queue(api, `status=all&${t}`)), [rejected.id, reported.id, published.id, words.id, link.id]);
      const reportedQueue = await queue(api, `status=reported&${t}`);
      assert.deepEqual(ids(reportedQueue), [reported.id]);
      const [entry] = reportedQueue.body.comments;
      assert.equal(entry.reports, 3);
      assert.deepEqual(entry.reportReasons, [
        { reason: 'spam', count: 2 },
        { reason: 'rude', count: 1 },
      ]);
      assert.deepEqual(reportedQueue.body.counts, { pending: 2, reported: 1, published: 2, rejected: 1, all: 5 });
      assert.equal(reportedQueue.body.total, 1);
      assert.equal(reportedQueue.body.next, null);

      assert.deepEqual(ids(await queue(api, `status=all&${t}&author=${encodeURIComponent(entry.authorKey)}`)), [reported.id, link.id]);
      assert.deepEqual(ids(await queue(api, `status=all&author=${encodeURIComponent(entry.authorKey)}`)), [reported.id, link.id], 'across threads');
      assert.deepEqual(ids(await queue(api, `status=all&${t}&reason=links`)), [words.id, link.id]);
      assert.equal((await queue(api, 'reason=bogus')).status, 400);

      const search = (q: string) => queue(api, `status=all&${t}&q=${encodeURIComponent(q)}`);
      assert.deepEqual(ids(await search('pills')), [link.id], 'ignores case');
      assert.deepEqual(ids(await search(name.slice(0, 10).toLowerCase())), [reported.id, link.id], 'finds names');
      assert.deepEqual(ids(await search('100%')), [words.id]);
      assert.deepEqual(ids(await search('n%p')), [], '% is a character, not a wildcard');
      assert.deepEqual(ids(await search('a_d')), [], '_ is a character, not a wildcard');
      assert.deepEqual(ids(await search('honest_r')), [words.id]);
      assert.deepEqual((await search('pills')).body.counts, { pending: 1, reported: 0, published: 0, rejected: 0, all: 1 }, 'counts follow the filters');
      assert.equal((await search('x'.repeat(201))).status, 400, 'searches are bounded');
    });

    it('pages with a cursor that neither skips nor repeats while comments arrive and leave', async () => {
      const api = await makeApp(backend, { moderation: 'all' });
      const thread = uniqueThread();
      const posted: string[] = [];
      for (let i = 0; i < 7; i++) posted.push((await api.post(thread, { body: `held ${i}` })).body.comment.id);
      const t = `status=pending&thread=${encodeURIComponent(thread)}&limit=3`;
      for (const order of ['newest', 'oldest'] as const) {
        const seen: string[] = [];
        const arrived: string[] = [];
        let cursor: string | null = null;
        let round = 0;
        do {
          const page: Json = await queue(api, `${t}&order=${order}${cursor ? `&cursor=${cursor}` : ''}`);
          assert.equal(page.status, 200);
          seen.push(...ids(page));
          cursor = page.body.next;
          assert.equal(page.body.nextCursor, cursor);
          // Between pages: a new comment arrives, and one already seen leaves the queue.
          arrived.push((await api.post(thread, { body: `arrived ${order} ${round++}` })).body.comment.id);
          const leaving = seen.at(-1)!;
          assert.equal((await api.admin('POST', `/comments/${leaving}/reject`)).status, 200);
        } while (cursor);
        assert.equal(new Set(seen).size, seen.length, `${order}: nothing repeated`);
        assert.deepEqual(
          posted.filter((id) => !seen.includes(id)),
          [],
          `${order}: nothing skipped`,
        );
        if (order === 'oldest')
          assert.ok(
            arrived.slice(0, -1).every((id) => seen.includes(id)),
            'oldest first reaches the newcomers',
          );
        else
          assert.ok(
            arrived.every((id) => !seen.includes(id)),
            'newest first: newcomers are above the first page',
          );
        posted.splice(0, posted.length, ...ids(await queue(api, `status=pending&thread=${encodeURIComponent(thread)}&limit=100`)));
      }
      assert.equal((await queue(api, `${t}&order=oldest&cursor=${(await queue(api, t)).body.next}`)).status, 400, 'a cursor belongs to its order');
    });

    it('shows a comment in context: its parent, replies, why it was held, and its author’s history by key, never to readers', async () => {
      const api = await makeApp(backend, { moderation: 'links' });
      const thread = `https://news.example/2026/story-${randomUUID()}`;
      const name = `Bob ${randomUUID().slice(0, 8)}`;
      const ip = '10.30.0.1';
      const parent = (await api.post(thread, { name, body: 'The parent' }, { ip })).body.comment;
      await api.post(thread, { body: 'a reply', parentId: parent.id });
      const held = (await api.post(thread, { name: name.toUpperCase(), body: 'see https://x.example', parentId: parent.id }, { ip })).body.comment;
      const gone = (await api.post(thread, { name, body: 'later removed' }, { ip })).body.comment;
      const rejected = (await api.post(thread, { name, body: 'later rejected' }, { ip })).body.comment;
      await api.admin('DELETE', `/comments/${gone.id}`);
      await api.admin('POST', `/comments/${rejected.id}/reject`);
      await api.post(thread, { name }, { ip: '10.30.0.2' });

      const context = await api.admin('GET', `/comments/${held.id}`);
      assert.equal(context.status, 200);
      assert.equal(context.body.comment.heldReason, 'links');
      assert.equal(context.body.comment.threadId, thread);
      assert.equal(context.body.comment.pageUrl, thread, 'a thread id that is a web address links to the article');
      assert.equal(context.body.parent.id, parent.id);
      assert.equal(context.body.parent.replyCount, 1, 'visible replies');
      assert.deepEqual(context.body.comment.author, { name: name.toUpperCase(), trusted: false, banned: false });
      const key = context.body.comment.authorKey;
      assert.equal(context.body.parent.authorKey, key, 'one author: the same name in any case, from the same network');
      assert.ok(!key.includes(ip) && !key.includes('10.30'));
      assert.equal((await api.admin('GET', `/comments/${parent.id}`)).body.parent, null);
      assert.equal((await api.admin('GET', '/comments/missing')).status, 404);

      const history = await api.admin('GET', `/authors/${encodeURIComponent(key)}`);
      assert.equal(history.status, 200);
      assert.deepEqual(history.body.counts, { published: 1, pending: 1, rejected: 1, removed: 1 });
      assert.deepEqual(history.body.names.sort(), [name, name.toUpperCase()].sort());
      assert.deepEqual(
        history.body.comments.map((c: Json) => c.id),
        [rejected.id, gone.id, held.id, parent.id],
      );
      assert.equal(history.body.trusted, false);
      assert.equal((await api.admin('GET', '/authors/unknown-key')).status, 404);

      const reader = JSON.stringify((await api.list(thread)).body);
      assert.ok(!reader.includes(key) && !reader.includes('authorKey') && !reader.includes('heldReason'), 'readers never see author keys');
    });

    it('keeps the page a comment came from, only from an allowed origin', async () => {
      const api = await makeApp(backend, { moderation: 'all' });
      const thread = uniqueThread();
      const page = (pageUrl: string) => api.post(thread, { pageUrl } as Json).then((r) => r.body.comment.id as string);
      const context = async (id: string) => (await api.admin('GET', `/comments/${id}`)).body.comment.pageUrl;
      assert.equal(await context(await page('https://news.example/2026/a-story?x=1')), 'https://news.example/2026/a-story?x=1');
      assert.equal(await context(await page('https://evil.example/phish')), null);
      assert.equal(await context(await page('javascript:alert(1)')), null);
      assert.equal(await context(await page('not a url')), null);
      assert.equal((await api.post(thread, { pageUrl: `https://news.example/${'x'.repeat(2100)}` } as Json)).status, 400);
    });

    it('answers its settings: who is moderating and the reject reasons', async () => {
      const api = await makeApp(backend, { rejectReasons: ['Spam', 'Hors sujet'] });
      assert.deepEqual((await api.admin('GET', '/config')).body, { moderator: 'token', rejectReasons: ['Spam', 'Hors sujet'] });
      assert.equal((await api.admin('GET', '/config', `${ADMIN_TOKEN}x`)).status, 401);
    });
  });
}
