import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it, type TestContext } from 'node:test';
import { freePort } from '../../scripts/pg-cluster.js';
import { ConfigError, parseConfig } from '../../src/config.js';
import { parseMailConfig } from '../../src/config/mail.js';
import { parseWebhookConfig, type WebhookConfig } from '../../src/config/webhooks.js';
import { signWebhook, verifyWebhook } from '../../src/webhooks/signature.js';
import { KEEP_FINISHED_MS } from '../../src/webhooks/worker.js';
import type { Config } from '../../src/config.js';
import { formFields, makeApp, startServerProcess, uniqueThread, type Backend, type Json } from '../helpers.js';

const SECRET = 'webhook-secret-for-tests-0123456789abcdef';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A real HTTP receiver on loopback; `answer` decides each response by its 0-based number. */
async function receiver(answer: (n: number, response: ServerResponse) => void = (_n, response) => response.end(), port = 0) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body, at: Date.now() });
      answer(received.length - 1, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  after(close);
  return { received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, close };
}

const status =
  (code: number, headers: Record<string, string> = {}) =>
  (_n: number, response: ServerResponse) =>
    response.writeHead(code, headers).end();

function webhookConfig(urls: string, env: Record<string, string> = {}): WebhookConfig {
  return parseWebhookConfig({
    LEDE_WEBHOOK_URLS: urls,
    LEDE_WEBHOOK_SECRET: SECRET,
    LEDE_WEBHOOK_RETRIES: '50ms,50ms,50ms',
    LEDE_WEBHOOK_TIMEOUT: '2s',
    ...env,
  })!;
}

async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signed webhooks with a real receiver on loopback (docs/webhooks.md). */
export function webhookSuite(backend: Backend): void {
  const rows = (ids: string[]) =>
    backend.database.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('id', 'in', ids.length > 0 ? ids : [''])
      .execute();
  const deliveryIds = (received: Received[]) => [...new Set(received.map((r) => String(r.headers['lede-delivery'])))];

  // Closed when each test ends: an open app's worker would send (and retry by its own settings) the next test's deliveries.
  const app = async (t: TestContext, overrides: Partial<Config>) => {
    const api = await makeApp(backend, overrides);
    t.after(() => api.app.close());
    return api;
  };

  describe(`${backend.name}: webhooks`, () => {
    it('sends comment.created, comment.held and comment.moderated, each signed, with the comment as moderators see it', async (t) => {
      const hook = await receiver();
      const api = await app(t, { moderation: 'links', webhooks: webhookConfig(hook.url) });
      const thread = uniqueThread('hooks');
      const published = (await api.post(thread, { name: 'Ana', body: 'Plain words' })).body.comment;
      await until('comment.created', () => hook.received.length === 1);
      const held = (await api.post(thread, { name: 'Bo', body: 'See https://held.example' })).body.comment;
      await until('comment.held', () => hook.received.length === 2);
      assert.equal((await api.approve(held)).status, 200);
      await until('comment.moderated', () => hook.received.length === 3);

      const payloads = hook.received.map((r) => JSON.parse(r.body) as Json);
      assert.deepEqual(
        payloads.map((p) => [p.type, p.data.comment.id, p.data.action]),
        [
          ['comment.created', published.id, undefined],
          ['comment.held', held.id, undefined],
          ['comment.moderated', held.id, 'approve'],
        ],
      );
      for (const [i, { headers, body }] of hook.received.entries()) {
        assert.ok(verifyWebhook(SECRET, headers['lede-signature'] as string, body, 60), `delivery ${i} verifies`);
        assert.match(String(headers['lede-signature']), /^t=\d+,v1=[0-9a-f]{64}$/);
        assert.equal(headers['lede-event'], payloads[i].type);
        assert.equal(headers['content-type'], 'application/json');
        assert.match(String(headers['user-agent']), /^lede-server-webhooks\//);
        assert.ok(Math.abs(Date.parse(payloads[i].createdAt) - Date.now()) < 60_000);
      }
      assert.equal(deliveryIds(hook.received).length, 3, 'each delivery has its own Lede-Delivery');
      assert.equal(new Set(payloads.map((p) => p.id)).size, 3);
      assert.equal(payloads[1].data.comment.status, 'pending');
      assert.equal(payloads[1].data.comment.heldReason, 'links');
      assert.equal(payloads[2].data.comment.status, 'published');
      assert.deepEqual(payloads[0].data.comment.author, { name: 'Ana', trusted: false, banned: false });
      assert.equal(payloads[0].data.comment.body, 'Plain words');
    });

    it('carries no IP address, email address or author key', async (t) => {
      const hook = await receiver();
      // Reply mail on, so the address is taken and stored (its mail waits: nothing listens on port 9).
      const mail = parseMailConfig({ LEDE_SMTP_URL: 'smtp://127.0.0.1:9', LEDE_MAIL_FROM: 'comments@news.example', LEDE_PUBLIC_URL: 'https://news.example' });
      const api = await app(t, { webhooks: webhookConfig(hook.url), mail });
      const ip = '203.0.113.77';
      const posted = await api.request({
        method: 'POST',
        url: `/api/threads/${uniqueThread('private')}/comments`,
        remoteAddress: ip,
        payload: { author: { name: 'Private' }, body: 'Mail me', notifyEmail: 'reader@mail.example', ...formFields() },
      });
      assert.equal(posted.status, 201);
      await until('the delivery', () => hook.received.length === 1);
      const { author_key } = await backend.database.db
        .selectFrom('comments')
        .select('author_key')
        .where('id', '=', posted.body.comment.id)
        .executeTakeFirstOrThrow();
      const { body } = hook.received[0]!;
      for (const secret of [ip, 'reader@mail.example', '@', author_key, 'authorKey', 'editToken']) assert.ok(!body.includes(secret), `no ${secret}`);
    });

    it('retries 5xx with backoff until the receiver takes it, with the same Lede-Delivery, and honours Retry-After', async (t) => {
      const hook = await receiver((n, response) => {
        if (n < 2) response.writeHead(503).end();
        else if (n === 2) response.writeHead(429, { 'Retry-After': '1' }).end();
        else response.writeHead(204).end();
      });
      const api = await app(t, { webhooks: webhookConfig(hook.url, { LEDE_WEBHOOK_RETRIES: '100ms,100ms,100ms,100ms' }) });
      await api.post(uniqueThread('retry'));
      await until('the fourth attempt', () => hook.received.length === 4);
      const [first, second, third, fourth] = hook.received.map((r) => r.at) as [number, number, number, number];
      assert.equal(deliveryIds(hook.received).length, 1, 'one delivery, four attempts');
      for (const { headers, body } of hook.received) assert.ok(verifyWebhook(SECRET, headers['lede-signature'] as string, body));
      // The configured 100 ms, less at most 20% jitter; then the second Retry-After asked for.
      assert.ok(second - first >= 80 && third - second >= 80, `backoff waited ${second - first} and ${third - second} ms`);
      assert.ok(fourth - third >= 950, `Retry-After honoured: ${fourth - third} ms`);
      await until('the row is delivered', async () => (await rows(deliveryIds(hook.received)))[0]?.status === 'delivered');
      assert.equal((await rows(deliveryIds(hook.received)))[0]!.attempts, 4);
      await pause(300);
      assert.equal(hook.received.length, 4, 'nothing is sent after success');
    });

    it('does not retry a 4xx, and gives up after the last retry', async (t) => {
      const refused = await receiver(status(400));
      const down = await receiver(status(500));
      const api = await app(t, { webhooks: webhookConfig(`${refused.url},${down.url}`, { LEDE_WEBHOOK_RETRIES: '30ms,30ms' }) });
      await api.post(uniqueThread('give-up'));
      await until('three attempts at the failing receiver', () => down.received.length === 3);
      await pause(400);
      assert.equal(refused.received.length, 1, '400 is final');
      assert.equal(down.received.length, 3, 'one attempt and two retries');
      const ids = [...deliveryIds(refused.received), ...deliveryIds(down.received)];
      await until('both rows are finished', async () => (await rows(ids)).every((row) => row.status === 'failed'));
      const finished = await rows(ids);
      assert.deepEqual(finished.map((row) => [row.attempts, row.last_error]).sort(), [
        [1, 'HTTP 400'],
        [3, 'HTTP 500'],
      ]);
    });

    it('sends what was written before a restart once the receiver is back', async (t) => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}/hook`;
      const config = webhookConfig(url, { LEDE_WEBHOOK_RETRIES: '200ms' });
      const first = await app(t, { webhooks: config });
      const comment = (await first.post(uniqueThread('restart'))).body.comment;
      const pending = () => backend.database.db.selectFrom('webhook_deliveries').selectAll().where('payload', 'like', `%"id":"${comment.id}"%`).execute();
      await until('the first attempt failed', async () => (await pending())[0]?.last_error != null);
      await first.app.close();
      assert.equal((await pending())[0]!.status, 'pending');

      const hook = await receiver(undefined, port);
      await app(t, { webhooks: config }).then((api) => api.app.ready());
      await until('the delivery after the restart', () => hook.received.length === 1);
      assert.equal((JSON.parse(hook.received[0]!.body) as Json).data.comment.id, comment.id);
      assert.equal(hook.received[0]!.headers['lede-delivery'], (await pending())[0]!.id);
    });

    it('forgets finished deliveries after 30 days, and keeps pending ones', async (t) => {
      const old = Date.now() - KEEP_FINISHED_MS - 60_000;
      const row = (id: string, status: 'pending' | 'delivered' | 'failed', finished: number | null) => ({
        id,
        url: 'https://gone.example/hook',
        event: 'comment.created',
        payload: '{}',
        status,
        attempts: 1,
        // Pending ones are due far ahead, so that no worker sends them meanwhile.
        next_attempt_at: Date.now() + 3_600_000,
        created_at: old,
        finished_at: finished,
        last_error: null,
      });
      const ids = [`old-${randomUUID()}`, `failed-${randomUUID()}`, `recent-${randomUUID()}`, `pending-${randomUUID()}`];
      await backend.database.db
        .insertInto('webhook_deliveries')
        .values([row(ids[0]!, 'delivered', old), row(ids[1]!, 'failed', old), row(ids[2]!, 'delivered', Date.now()), row(ids[3]!, 'pending', null)])
        .execute();
      const api = await app(t, { webhooks: webhookConfig('https://gone.example/hook') });
      await api.app.ready();
      await until('the purge', async () => (await rows(ids)).length === 2);
      assert.deepEqual((await rows(ids)).map((found) => found.id).sort(), [ids[2], ids[3]].sort());
      await backend.database.db.deleteFrom('webhook_deliveries').where('id', 'in', ids).execute();
    });

    it('only sends the events LEDE_WEBHOOK_EVENTS names', async (t) => {
      const hook = await receiver();
      const api = await app(t, { moderation: 'links', webhooks: webhookConfig(hook.url, { LEDE_WEBHOOK_EVENTS: 'comment.held' }) });
      const thread = uniqueThread('filter');
      await api.post(thread, { body: 'published, not sent' });
      const held = (await api.post(thread, { body: 'https://held.example' })).body.comment;
      await until('comment.held', () => hook.received.length === 1);
      await pause(200);
      assert.deepEqual(
        hook.received.map((r) => [r.headers['lede-event'], (JSON.parse(r.body) as Json).data.comment.id]),
        [['comment.held', held.id]],
      );
    });

    it('posts Slack a readable, escaped line with links to the page and the console', async (t) => {
      const slack = await receiver();
      const api = await app(t, { webhooks: webhookConfig(`slack:${slack.url}`, { LEDE_PUBLIC_URL: 'https://comments.news.example/' }) });
      await api.post('https://news.example/story', { name: 'Ana <b>', body: 'Tom & Jerry <!channel>' });
      await until('the Slack message', () => slack.received.length === 1);
      assert.deepEqual(JSON.parse(slack.received[0]!.body), {
        text: 'New comment by *Ana &lt;b&gt;* on <https://news.example/story|https://news.example/story>\n> Tom &amp; Jerry &lt;!channel&gt;\n<https://comments.news.example/admin/|Open the moderation console>',
      });
    });

    it('verifies signatures: a tampered body, another secret, an old or missing timestamp are refused', () => {
      const body = '{"id":"1","type":"comment.created"}';
      const now = Math.floor(Date.now() / 1000);
      assert.equal(verifyWebhook(SECRET, signWebhook(SECRET, body), body), true);
      assert.equal(verifyWebhook(SECRET, signWebhook(SECRET, body), body.replace('1', '2')), false, 'tampered body');
      assert.equal(verifyWebhook(SECRET, signWebhook('another-secret', body), body), false, 'another secret');
      assert.equal(verifyWebhook(SECRET, signWebhook(SECRET, body, now - 301), body, 300), false, 'older than the tolerance');
      assert.equal(verifyWebhook(SECRET, signWebhook(SECRET, body, now - 200), body, 300), true, 'inside the tolerance');
      assert.equal(verifyWebhook(SECRET, signWebhook(SECRET, body, now + 301), body, 300), false, 'from the future');
      const v1 = signWebhook(SECRET, body).split(',')[1]!;
      assert.equal(verifyWebhook(SECRET, v1, body), false, 'no timestamp');
      assert.equal(verifyWebhook(SECRET, `t=${now + 1000},${v1}`, body), false, 'the signature does not cover another timestamp');
      assert.equal(verifyWebhook(SECRET, `t=${now},v1=${'0'.repeat(63)}`, body), false, 'malformed signature');
      assert.equal(verifyWebhook(SECRET, undefined, body), false);
    });

    it('refuses to start without a secret, with plain HTTP beyond loopback, or with unknown events', () => {
      const env = { LEDE_WEBHOOK_URLS: 'https://cms.example/hook', LEDE_WEBHOOK_SECRET: SECRET };
      assert.deepEqual(parseConfig([], env).webhooks?.urls, ['https://cms.example/hook']);
      assert.equal(parseConfig([], {}).webhooks, undefined);
      assert.throws(
        () => parseConfig([], { ...env, LEDE_WEBHOOK_SECRET: '' }),
        (e) => e instanceof ConfigError && /LEDE_WEBHOOK_SECRET must be set/.test(e.message),
      );
      assert.throws(() => parseConfig([], { ...env, LEDE_WEBHOOK_URLS: 'http://cms.example/hook' }), /must be https/);
      assert.throws(() => parseConfig([], { ...env, LEDE_WEBHOOK_URLS: 'slack:http://hooks.example/x' }), /must be https/);
      assert.doesNotThrow(() =>
        parseConfig([], { ...env, LEDE_WEBHOOK_URLS: 'http://localhost:9000/a,http://[::1]/b,slack:https://hooks.slack.com/services/T/B/X' }),
      );
      assert.throws(() => parseConfig([], { ...env, LEDE_WEBHOOK_EVENTS: 'comment.voted' }), /unknown event "comment.voted"/);
      assert.throws(() => parseConfig([], { ...env, LEDE_WEBHOOK_RETRIES: 'soon' }), /LEDE_WEBHOOK_RETRIES/);
      // LEDE_PUBLIC_URL by the same rules as for reply mail (one parser, config/values.ts).
      assert.equal(parseConfig([], { ...env, LEDE_PUBLIC_URL: 'https://c.news.example/' }).webhooks?.publicUrl, 'https://c.news.example');
      assert.equal(parseConfig([], env).webhooks?.publicUrl, null);
      assert.throws(() => parseConfig([], { ...env, LEDE_PUBLIC_URL: 'ftp://x' }), /LEDE_PUBLIC_URL must be an http\(s\) URL/);
      assert.deepEqual(parseConfig([], env).webhooks?.retryDelaysMs, [10_000, 60_000, 300_000, 1_800_000, 7_200_000, 21_600_000]);
    });

    if (backend.config.kind !== 'postgres') return;
    const databaseUrl = backend.config.url;
    it('two processes on one PostgreSQL database deliver each event once', async () => {
      // A slow receiver keeps the writing process busy, so the other claims deliveries too.
      const hook = await receiver((_n, response) => setTimeout(() => response.end(), 150));
      const env = {
        DATABASE_URL: databaseUrl,
        LEDE_RATE_LIMITS: 'off',
        LEDE_WEBHOOK_URLS: hook.url,
        LEDE_WEBHOOK_SECRET: SECRET,
        LEDE_WEBHOOK_RETRIES: '100ms',
      };
      const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
      const thread = uniqueThread('two-processes');
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) {
        const response = await fetch(`${(i % 4 === 0 ? b! : a!).url}/api/threads/${thread}/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ author: { name: 'Burst' }, body: `burst ${i}`, ...formFields() }),
        });
        ids.push(((await response.json()) as Json).comment.id);
      }
      const ours = () => hook.received.filter((r) => ids.includes((JSON.parse(r.body) as Json).data.comment.id));
      await until('every delivery', () => ours().length >= ids.length, 30_000);
      await pause(1500);
      const received = ours();
      assert.equal(received.length, ids.length, 'no event is sent twice');
      assert.deepEqual(received.map((r) => (JSON.parse(r.body) as Json).data.comment.id).sort(), [...ids].sort());
      const stored = await rows(deliveryIds(received));
      assert.ok(
        stored.every((row) => row.status === 'delivered' && row.attempts === 1),
        'each claimed once',
      );
      await Promise.all([a!.stop(), b!.stop()]);
    });
  });
}
