import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { hashPassword } from '../../src/auth/passwords.js';
import { ModeratorStore } from '../../src/auth/store.js';
import type { Config } from '../../src/config.js';
import { sha256 } from '../../src/crypto.js';
import { openDatabase, type OpenDatabase } from '../../src/store/database.js';
import { ADMIN_TOKEN, freshDatabase, makeAppOn, uniqueThread, type Api, type Backend, type Reply } from '../helpers.js';

export const PASSWORD = 'correct horse battery staple';
/** The server's own origin as `app.inject` requests it (Host: localhost). */
const OWN = { host: 'localhost', origin: 'http://localhost' };

/** A database of the backend's kind with moderators `alice`, `bob`, `guessed` and `neighbour` (one hash for all: it is slow); call in a describe body, closed when it ends. */
export async function moderatedDatabase(backend: Backend): Promise<{ database: OpenDatabase; store: ModeratorStore; config: Backend['config'] }> {
  const config = await freshDatabase(backend);
  const database = await openDatabase(config);
  after(() => database.close());
  const store = new ModeratorStore(database.db);
  const hash = await hashPassword(PASSWORD);
  for (const name of ['alice', 'bob', 'guessed', 'neighbour']) assert.equal(await store.add(name, hash, Date.now()), true);
  return { database, store, config };
}

export function signIn(api: Api, name: string, password = PASSWORD, options: Partial<InjectOptions> = {}): Promise<Reply> {
  return api.request({ method: 'POST', url: '/api/admin/session', remoteAddress: '203.0.113.5', ...options, payload: { name, password } });
}

/** The `name=value` of the session cookie a reply set. */
export function cookieOf(reply: Reply): string {
  const header = String(reply.headers['set-cookie']);
  const match = /^(lede_admin=[^;]*)/.exec(header);
  assert.ok(match, `a session cookie in ${header}`);
  return match[1]!;
}

/** Every route registered under /api/admin with its methods, read from Fastify's route tree (so routes added later count too). */
export function adminRoutes(app: FastifyInstance): { method: string; url: string }[] {
  const paths: string[] = [];
  const routes: { method: string; url: string }[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    paths.length = depth;
    const path = `${paths[depth - 1] ?? ''}${match[2]}`;
    paths.push(path);
    if (!path.startsWith('/api/admin/') || !match[3]) continue;
    for (const method of match[3].split(', ')) routes.push({ method, url: path.replace(/:\w+/g, 'x') });
  }
  return routes;
}

/** Moderators' sessions: sign-in, cookies, expiry, sign-out, CSRF, and the admin routes' guard. */
export function authSuite(backend: Backend): void {
  describe('moderator sessions', async () => {
    const shared = await moderatedDatabase(backend);
    const app = (overrides: Partial<Config> = {}) => makeAppOn(shared.database, shared.config, overrides);
    const as = (api: Api, cookie: string, options: InjectOptions) =>
      api.request({ ...options, headers: { cookie, ...(options.headers as Record<string, string>) } });

    it('signs a moderator in with a hardened session cookie, of which the database keeps only a hash', async () => {
      const api = await app();
      const before = Date.now();
      const reply = await signIn(api, 'ALICE');
      assert.equal(reply.status, 200);
      assert.deepEqual(Object.keys(reply.body).sort(), ['csrfToken', 'expiresAt', 'moderator']);
      assert.equal(reply.body.moderator, 'alice');
      const expiresAt = Date.parse(reply.body.expiresAt);
      assert.ok(expiresAt >= before + 60 * 60_000 && expiresAt <= Date.now() + 60 * 60_000, 'the default idle limit is an hour');
      const setCookie = String(reply.headers['set-cookie']);
      assert.match(setCookie, /; HttpOnly/i);
      assert.match(setCookie, /; SameSite=Strict/i);
      assert.match(setCookie, /; Path=\/api\/admin(;|$)/);
      assert.doesNotMatch(setCookie, /Secure/i, 'plain HTTP: a Secure cookie would never come back');
      assert.equal(reply.headers['cache-control'], 'no-store');

      const cookie = cookieOf(reply);
      const token = cookie.slice('lede_admin='.length);
      const rows = await shared.database.db.selectFrom('admin_sessions').selectAll().where('moderator', '=', 'alice').execute();
      assert.ok(rows.some((row) => row.token_hash === sha256(token)));
      assert.ok(rows.every((row) => row.token_hash !== token && !JSON.stringify(row).includes(token)));

      const session = await as(api, cookie, { method: 'GET', url: '/api/admin/session' });
      assert.equal(session.status, 200);
      assert.equal(session.body.moderator, 'alice');
      assert.equal(session.body.csrfToken, reply.body.csrfToken, 'a reloaded console gets the same CSRF token');
      const queue = await as(api, cookie, { method: 'GET', url: '/api/admin/comments?status=all' });
      assert.equal(queue.status, 200, 'reads need no CSRF token');

      const again = await signIn(api, 'alice', PASSWORD, { headers: { cookie } });
      assert.notEqual(cookieOf(again), cookie, 'a new session, never the one the browser brought');
      assert.equal((await as(api, cookie, { method: 'GET', url: '/api/admin/session' })).status, 401, 'signing in again ends the previous session');
    });

    it('marks the cookie Secure when the client came over HTTPS through a trusted proxy, and only then', async () => {
      const https = { 'x-forwarded-proto': 'https' };
      const trusted = await signIn(await app({ trustProxy: 1 }), 'alice', PASSWORD, { headers: https });
      assert.match(String(trusted.headers['set-cookie']), /; Secure/i);
      const untrusted = await signIn(await app(), 'alice', PASSWORD, { headers: https });
      assert.doesNotMatch(String(untrusted.headers['set-cookie']), /Secure/i, 'anyone can write X-Forwarded-Proto');
    });

    it('answers an unknown name and a wrong password alike', async () => {
      const api = await app();
      const unknown = await signIn(api, 'mallory', PASSWORD, { remoteAddress: '203.0.113.20' });
      const wrong = await signIn(api, 'alice', `${PASSWORD}!`, { remoteAddress: '203.0.113.21' });
      assert.equal(unknown.status, 401);
      assert.deepEqual(unknown.body, wrong.body);
      assert.equal(wrong.status, 401);
      assert.equal(wrong.body.error.code, 'bad_credentials');
      assert.equal(wrong.headers['set-cookie'], undefined);
    });

    it('limits failed sign-ins per name and per client, even when guesses arrive together, with 429 and Retry-After', async () => {
      const limits = { name: { max: 2, windowMs: 60_000 }, client: { max: 3, windowMs: 60_000 } };
      const api = await app({ auth: { sessionIdleMs: 3_600_000, sessionMaxMs: 7_200_000, signInLimits: limits } });
      const guesses = await Promise.all(
        Array.from({ length: 6 }, (_, i) => signIn(api, 'guessed', `guess ${i} wrong`, { remoteAddress: `198.51.100.${i + 1}` })),
      );
      assert.deepEqual(guesses.map((reply) => reply.status).sort(), [401, 401, 429, 429, 429, 429]);
      const limited = guesses.find((reply) => reply.status === 429)!;
      assert.equal(limited.body.error.code, 'too_many_attempts');
      const retryAfter = Number(limited.headers['retry-after']);
      assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      const right = await signIn(api, 'guessed', PASSWORD, { remoteAddress: '198.51.100.99' });
      assert.equal(right.status, 429, 'while the name is limited, even the right password is refused: guessing stays blocked');

      // Per client: three wrong names from one address, then that address is refused for anyone.
      for (const name of ['carol', 'dave', 'erin']) assert.equal((await signIn(api, name, 'nope', { remoteAddress: '192.0.2.77' })).status, 401);
      assert.equal((await signIn(api, 'neighbour', PASSWORD, { remoteAddress: '192.0.2.77' })).status, 429);
      assert.equal((await signIn(api, 'neighbour', PASSWORD, { remoteAddress: '192.0.2.78' })).status, 200, 'other clients go on');

      const keys = (await shared.database.db.selectFrom('rate_limits').select('key').where('key', 'like', 'signin-%').execute()).map((row) => row.key);
      assert.ok(keys.length >= 4);
      assert.ok(
        keys.every((key) => !/guessed|carol|192\.0\.2|198\.51/.test(key)),
        `no name or address in clear: ${keys.join(' ')}`,
      );
    });

    it('ends a session after the idle time, and a busy one at the absolute limit', async () => {
      const api = await app({
        auth: { sessionIdleMs: 1500, sessionMaxMs: 2500, signInLimits: { name: { max: 99, windowMs: 1000 }, client: { max: 99, windowMs: 1000 } } },
      });
      const idle = await signIn(api, 'alice');
      const idleEnd = Date.parse(idle.body.expiresAt);
      await delay(Math.max(0, idleEnd - Date.now()) + 100);
      const ended = await api.request({ method: 'GET', url: '/api/admin/comments', headers: { cookie: cookieOf(idle) } });
      assert.equal(ended.status, 401);
      assert.match(ended.body.error.message, /session has ended/);

      const busy = await signIn(api, 'alice');
      const signedIn = Date.now();
      const cookie = cookieOf(busy);
      let last = Date.parse(busy.body.expiresAt);
      let status = 200;
      while (status === 200) {
        await delay(400);
        const reply = await as(api, cookie, { method: 'GET', url: '/api/admin/session' });
        status = reply.status;
        if (status === 200) {
          assert.ok(Date.now() < last, 'answered only before the end it announced');
          last = Date.parse(reply.body.expiresAt);
          assert.ok(last <= signedIn + 2500, 'never past the absolute limit');
        }
      }
      assert.equal(status, 401);
      assert.ok(Date.now() >= last, 'ended no earlier than it said');
      assert.ok(last > Date.parse(busy.body.expiresAt), 'use moved the end on');
    });

    it('signs out: the session is deleted and the cookie cleared; sign-out itself needs the CSRF token', async () => {
      const api = await app();
      const reply = await signIn(api, 'alice');
      const cookie = cookieOf(reply);
      const out = { method: 'DELETE', url: '/api/admin/session' } as const;
      const refused = await as(api, cookie, { ...out, headers: OWN });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'csrf');
      const done = await as(api, cookie, { ...out, headers: { ...OWN, 'x-csrf-token': reply.body.csrfToken } });
      assert.equal(done.status, 204);
      assert.match(String(done.headers['set-cookie']), /^lede_admin=; Max-Age=0;.*Path=\/api\/admin/);
      assert.equal((await as(api, cookie, { method: 'GET', url: '/api/admin/session' })).status, 401);
      const token = cookie.slice('lede_admin='.length);
      const row = await shared.database.db.selectFrom('admin_sessions').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
      assert.equal(row, undefined);
      assert.equal((await as(api, cookie, out)).status, 204, 'signing out twice is fine');
    });

    it('refuses cookie writes without the CSRF token or from another site, even a site allowed to post comments', async () => {
      const api = await app({ moderation: 'all' });
      const reply = await signIn(api, 'bob');
      const cookie = cookieOf(reply);
      const csrf = reply.body.csrfToken as string;
      const held = await api.post(uniqueThread('csrf'));
      assert.equal(held.status, 202);
      const reject = (headers: Record<string, string>) =>
        as(api, cookie, { method: 'POST', url: `/api/admin/comments/${held.body.comment.id}/reject`, headers });
      const cases: [string, Record<string, string>][] = [
        ['no token', OWN],
        ['a wrong token', { ...OWN, 'x-csrf-token': `${csrf}x` }],
        ['another session’s token', { ...OWN, 'x-csrf-token': (await signIn(api, 'alice')).body.csrfToken }],
        ['an allowed comments origin', { host: 'localhost', origin: 'https://news.example', 'x-csrf-token': csrf }],
        ['a cross-site fetch', { host: 'localhost', 'sec-fetch-site': 'cross-site', 'x-csrf-token': csrf }],
        ['a same-site fetch from another origin', { ...OWN, 'sec-fetch-site': 'same-site', 'x-csrf-token': csrf }],
        ['neither Origin nor Sec-Fetch-Site', { host: 'localhost', 'x-csrf-token': csrf }],
      ];
      for (const [what, headers] of cases) {
        const refused = await reject(headers);
        assert.equal(refused.status, 403, what);
        assert.equal(refused.body.error.code, 'csrf', what);
      }
      const pending = await api.admin('GET', `/comments?thread=${encodeURIComponent(held.body.comment.threadId)}`);
      assert.equal(pending.body.comments[0].status, 'pending', 'nothing refused changed anything');
      const done = await reject({ ...OWN, 'sec-fetch-site': 'same-origin', 'x-csrf-token': csrf });
      assert.equal(done.status, 200);
      assert.equal(done.body.comment.status, 'rejected');
    });

    it('keeps LEDE_ADMIN_TOKEN for scripts; without it, moderators alone turn moderation on', async () => {
      const api = await app();
      assert.equal((await api.admin('GET', '/comments')).status, 200);
      assert.equal((await api.admin('GET', '/comments', `${ADMIN_TOKEN}x`)).status, 401);
      const tokenless = await app({ adminToken: null });
      const bearer = await tokenless.admin('GET', '/comments');
      assert.equal(bearer.status, 401);
      assert.match(bearer.body.error.message, /LEDE_ADMIN_TOKEN is not set/);
      const reply = await signIn(tokenless, 'alice');
      assert.equal(reply.status, 200);
      assert.equal((await as(tokenless, cookieOf(reply), { method: 'GET', url: '/api/admin/comments' })).status, 200);
    });

    it('ends every session of a removed moderator', async () => {
      const api = await app();
      await shared.store.add('frank', await hashPassword(PASSWORD), Date.now());
      const cookies = [cookieOf(await signIn(api, 'frank')), cookieOf(await signIn(api, 'frank'))];
      assert.equal(await shared.store.remove('frank'), true);
      for (const cookie of cookies) assert.equal((await as(api, cookie, { method: 'GET', url: '/api/admin/comments' })).status, 401);
      assert.equal((await signIn(api, 'frank')).status, 401);
    });

    it('lets no admin route through without the token or a session, nor a cookie write without CSRF', async () => {
      const api = await app();
      const routes = adminRoutes(api.app).filter(({ url }) => url !== '/api/admin/session');
      assert.ok(routes.length >= 5, routes.map((r) => `${r.method} ${r.url}`).join(', '));
      const reply = await signIn(api, 'alice');
      const cookie = cookieOf(reply);
      const other = await signIn(api, 'alice');
      const ended = cookieOf(other);
      const out = await api.request({ method: 'DELETE', url: '/api/admin/session', headers: { ...OWN, cookie: ended, 'x-csrf-token': other.body.csrfToken } });
      assert.equal(out.status, 204);
      for (const { method, url } of routes) {
        const what = `${method} ${url}`;
        const payload = ['GET', 'HEAD'].includes(method) ? {} : { payload: {} };
        const request = { method: method as InjectOptions['method'], url, ...payload };
        for (const [why, headers] of [
          ['nothing', {}],
          ['an ended session', { cookie: ended }],
          ['a made-up cookie', { cookie: 'lede_admin=made-up' }],
          ['a wrong bearer token', { authorization: 'Bearer wrong-token-0123456789' }],
        ] as const) {
          const refused = await api.request({ ...request, headers });
          assert.equal(refused.status, 401, `${what} with ${why}`);
          if (method !== 'HEAD') assert.equal(refused.body.error.code, 'unauthorized', `${what} with ${why}`);
        }
        if (['GET', 'HEAD'].includes(method)) continue;
        const csrf = await api.request({ ...request, headers: { ...OWN, cookie } });
        assert.equal(csrf.status, 403, `${what} with a cookie but no CSRF token`);
        assert.equal(csrf.body.error.code, 'csrf', what);
        const crossSite = await api.request({
          ...request,
          headers: { host: 'localhost', origin: 'https://news.example', cookie, 'x-csrf-token': reply.body.csrfToken },
        });
        assert.equal(crossSite.status, 403, `${what} from another site with cookie and token`);
      }
    });
  });

  describe('moderation switched off', () => {
    it('answers 403 admin_disabled on every admin route, sign-in included, while there is neither a token nor a moderator', async () => {
      const config = await freshDatabase(backend);
      const database = await openDatabase(config);
      after(() => database.close());
      const api = await makeAppOn(database, config, { adminToken: null });
      for (const { method, url } of adminRoutes(api.app).filter((route) => route.method !== 'HEAD')) {
        const refused = await api.request({
          method: method as InjectOptions['method'],
          url,
          ...(method === 'GET' ? {} : { payload: { name: 'a', password: 'b' } }),
        });
        assert.equal(refused.status, 403, `${method} ${url}`);
        assert.equal(refused.body.error.code, 'admin_disabled', `${method} ${url}`);
        assert.match(refused.body.error.message, /lede-server moderators add/);
      }
    });
  });
}
