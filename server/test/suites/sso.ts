import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it, type TestContext } from 'node:test';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { parseSsoConfig } from '../../src/config/sso.js';
import type { Config } from '../../src/config.js';
import { formFields, listenApp, makeApp, uniqueThread, type Api, type Backend, type Json } from '../helpers.js';
import { freePort } from '../../scripts/pg-cluster.js';
import { openEvents } from './live.js';

const ISSUER = 'https://login.news.example';
const AUDIENCE = 'lede-comments';
const SECRET = 'a-shared-secret-of-the-site-login-0123456789';
const SITE = { LEDE_SSO_ISSUER: ISSUER, LEDE_SSO_AUDIENCE: AUDIENCE };

type Key = Parameters<SignJWT['sign']>[0];

/** A token as a site's login signs it: the reader's claims, for Lede's issuer and audience, valid five minutes. */
function sign(
  key: Key,
  claims: JWTPayload & { name?: string; roles?: string[]; picture?: string },
  options: { alg?: string; kid?: string; iss?: string; aud?: string; exp?: number | string } = {},
) {
  const { sub = 'reader-1', ...rest } = claims;
  return new SignJWT({ name: 'Ada Reader', ...rest })
    .setProtectedHeader({ alg: options.alg ?? 'HS256', ...(options.kid ? { kid: options.kid } : {}) })
    .setSubject(sub)
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '5m')
    .sign(key);
}

const secretKey = new TextEncoder().encode(SECRET);
const hs = (claims: Parameters<typeof sign>[1] = {}, options: Parameters<typeof sign>[2] = {}) => sign(secretKey, claims, options);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const code = (reply: { body: Json }) => reply.body?.error?.code;

/** Sign-in with the site's own login: tokens checked with each kind of key, identities, anonymous policy, readers' moderation. */
export function ssoSuite(backend: Backend): void {
  const appWith = (env: Record<string, string>, overrides: Partial<Config> = {}) =>
    makeApp(backend, { sso: parseSsoConfig({ ...SITE, ...env }), ...overrides });
  const me = (api: Api, token: string) => api.request({ method: 'GET', url: '/api/me', headers: bearer(token) });
  const change = (api: Api, method: 'PATCH' | 'DELETE', id: string, token: string) =>
    api.request({ method, url: `/api/comments/${id}`, headers: bearer(token), ...(method === 'PATCH' ? { payload: { body: 'changed by its author' } } : {}) });
  const moderate = (api: Api, id: string, action: string, token?: string) =>
    api.request({ method: 'POST', url: `/api/comments/${id}/moderate`, headers: token ? bearer(token) : {}, payload: { action } });

  describe('sign-in tokens', () => {
    it('a good HS256 token signs the comment: the name comes from the token, with a stable opaque id, verified, and the highest staff role', async () => {
      const api = await appWith({ LEDE_SSO_SECRET: SECRET });
      const thread = uniqueThread();
      const token = await hs({
        sub: 'user-42',
        name: 'Ada Lovelace',
        roles: ['subscriber', 'staff', 'journalist'],
        picture: 'https://cdn.news.example/ada.png',
      });
      const posted = await api.post(thread, { name: 'Someone Else', body: 'signed' }, { headers: bearer(token) });
      assert.equal(posted.status, 201);
      const { author } = posted.body.comment;
      assert.equal(author.name, 'Ada Lovelace');
      assert.equal(author.verified, true);
      assert.equal(author.role, 'journalist');
      assert.match(author.id!, /^[\w-]{22}$/);
      assert.doesNotMatch(author.id!, /user-42/, 'the site’s own id stays private');

      const again = await hs({ sub: 'user-42', name: 'Ada L.' });
      assert.deepEqual((await me(api, again)).body, { id: author.id, name: 'Ada L.', moderator: false, editWindowSeconds: 900 });
      const reader = (await me(api, token)).body;
      assert.deepEqual(reader, {
        id: author.id,
        name: 'Ada Lovelace',
        picture: 'https://cdn.news.example/ada.png',
        role: 'journalist',
        moderator: false,
        editWindowSeconds: 900,
      });
      const listed = (await api.list(thread)).body.comments[0]!;
      assert.deepEqual(listed.author, { name: 'Ada Lovelace', id: author.id, verified: true, role: 'journalist' });

      const anonymous = await api.post(thread, { name: 'Guest' });
      assert.deepEqual(anonymous.body.comment.author, { name: 'Guest' }, 'no id, no badge without a token');
    });

    it('refuses expired, forged, alg none, wrong audience and wrong issuer tokens with their codes, and stores nothing', async () => {
      const api = await appWith({ LEDE_SSO_SECRET: SECRET });
      const thread = uniqueThread();
      const now = Math.floor(Date.now() / 1000);
      const refused: [string, string, string][] = [
        [await hs({}, { exp: now - 120 }), 'token_expired', 'expired'],
        [await sign(new TextEncoder().encode('another-secret-that-is-long-enough-000'), {}), 'token_invalid', 'signature'],
        [
          new UnsecuredJWT({ name: 'Mallory', roles: ['moderator'] }).setSubject('x').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m').encode(),
          'token_invalid',
          'algorithm',
        ],
        [await hs({}, { aud: 'another-service' }), 'token_audience', 'audience'],
        [await hs({}, { iss: 'https://evil.example' }), 'token_invalid', 'issuer'],
        ['not.a.token', 'token_invalid', 'cannot be read'],
      ];
      for (const [token, expected, words] of refused) {
        const answer = await me(api, token);
        assert.equal(answer.status, 401, expected);
        assert.equal(code(answer), expected);
        assert.match(answer.body.error.message, new RegExp(words));
        const post = await api.post(thread, { body: 'keep me' }, { headers: bearer(token) });
        assert.equal(post.status, 401);
        assert.equal(code(post), expected);
      }
      assert.equal((await api.list(thread)).body.total, 0);
      assert.equal(code(await api.request({ method: 'GET', url: '/api/me' })), 'unauthorized');
    });

    it('a name-less or role-less token: a name is required, roles must be strings, a javascript: picture is dropped', async () => {
      const api = await appWith({ LEDE_SSO_SECRET: SECRET });
      assert.equal(code(await me(api, await hs({ name: '  ' }))), 'token_invalid');
      assert.equal(code(await me(api, await hs({ roles: 'moderator' as unknown as string[] }))), 'token_invalid');
      const reader = (await me(api, await hs({ picture: 'javascript:alert(1)' }))).body;
      assert.equal(reader.picture, undefined);
    });

    it('LEDE_SSO_ID=sub puts the site’s own id on the wire', async () => {
      const api = await appWith({ LEDE_SSO_SECRET: SECRET, LEDE_SSO_ID: 'sub' });
      assert.equal((await me(api, await hs({ sub: 'user-7' }))).body.id, 'user-7');
    });

    it('RS256 against a PEM key file; an HS256 token signed with that public key is refused', async (t: TestContext) => {
      const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
      const dir = mkdtempSync(join(tmpdir(), 'lede-sso-'));
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      const pem = await exportSPKI(publicKey);
      writeFileSync(join(dir, 'login.pem'), pem);
      const api = await appWith({ LEDE_SSO_PUBLIC_KEY_FILE: join(dir, 'login.pem') });
      assert.equal((await me(api, await sign(privateKey, { name: 'Rsa Reader' }, { alg: 'RS256' }))).body.name, 'Rsa Reader');
      const confused = await me(api, await sign(new TextEncoder().encode(pem), {}, { alg: 'HS256' }));
      assert.equal(code(confused), 'token_invalid');
      assert.match(confused.body.error.message, /algorithm/);
    });

    it('ES256 and EdDSA against a JWKS served over HTTP; a key the set lacks is refused', async () => {
      const es = await generateKeyPair('ES256', { extractable: true });
      const ed = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
      const keys = [
        { ...(await exportJWK(es.publicKey)), kid: 'es-1', alg: 'ES256' },
        { ...(await exportJWK(ed.publicKey)), kid: 'ed-1', alg: 'EdDSA' },
      ];
      let fetched = 0;
      const jwks = createServer((_request, response) => {
        fetched++;
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
      });
      await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
      after(() => new Promise<void>((resolve) => jwks.close(() => resolve())));
      const { port } = jwks.address() as AddressInfo;
      const api = await appWith({ LEDE_SSO_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json` });

      assert.equal((await me(api, await sign(es.privateKey, { name: 'Ec Reader' }, { alg: 'ES256', kid: 'es-1' }))).body.name, 'Ec Reader');
      assert.equal((await me(api, await sign(ed.privateKey, { name: 'Ed Reader' }, { alg: 'EdDSA', kid: 'ed-1' }))).body.name, 'Ed Reader');
      assert.ok(fetched >= 1);
      const stranger = await generateKeyPair('ES256');
      const unknown = await me(api, await sign(stranger.privateKey, {}, { alg: 'ES256', kid: 'es-2' }));
      assert.equal(code(unknown), 'token_invalid');
      const wrongKey = await me(api, await sign(stranger.privateKey, {}, { alg: 'ES256', kid: 'es-1' }));
      assert.equal(code(wrongKey), 'token_invalid', 'forged with a known kid');
    });
  });

  describe('sign-in checks that cannot be made', () => {
    it('answers 503 when the site’s JWKS cannot be fetched: not the reader’s fault', async () => {
      const port = await freePort();
      const api = await appWith({ LEDE_SSO_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` });
      const { privateKey } = await generateKeyPair('ES256');
      const answer = await me(api, await sign(privateKey, {}, { alg: 'ES256', kid: 'es-1' }));
      assert.equal(answer.status, 503);
      assert.match(answer.body.error.message, /key set is unavailable/);
    });
  });

  describe('anonymous policy', () => {
    it('LEDE_ANONYMOUS=deny refuses anonymous posts with sign_in_required; pages say anonymous: false; signed-in readers post', async () => {
      const api = await appWith({ LEDE_SSO_SECRET: SECRET, LEDE_ANONYMOUS: 'deny' });
      const thread = uniqueThread();
      const refused = await api.post(thread, { name: 'Guest' });
      assert.equal(refused.status, 401);
      assert.equal(code(refused), 'sign_in_required');
      assert.equal((await api.list(thread)).body.anonymous, false);
      assert.equal((await api.post(thread, {}, { headers: bearer(await hs()) })).status, 201);
      assert.equal((await api.admin('GET', `/threads/${thread}`)).body.anonymous, false);
    });

    it('a thread set to signed-in readers only refuses anonymous posts, audited; set back, it takes them again', async () => {
      const api = await appWith({ LEDE_SSO_SECRET: SECRET });
      const thread = uniqueThread();
      assert.equal((await api.list(thread)).body.anonymous, undefined);
      const updated = await api.admin('PUT', `/threads/${thread}`, undefined, { anonymous: false });
      assert.equal(updated.status, 200);
      assert.equal(updated.body.anonymous, false);
      const refused = await api.post(thread, { name: 'Guest' });
      assert.equal(code(refused), 'sign_in_required');
      assert.equal((await api.list(thread)).body.anonymous, false);
      assert.equal((await api.post(thread, {}, { headers: bearer(await hs()) })).status, 201);

      assert.equal((await api.admin('PUT', `/threads/${thread}`, undefined, { anonymous: true })).body.anonymous, undefined);
      assert.equal((await api.post(thread, { name: 'Guest' })).status, 201);
      const actions = (await api.admin('GET', '/audit?limit=100')).body.entries.filter((e: Json) => e.threadId === thread).map((e: Json) => e.action);
      assert.deepEqual(actions, ['allow-anonymous', 'require-sign-in']);
    });
  });

  describe('edits and deletions by identity', () => {
    it('the author edits and deletes with their token, under any name the site gives them; someone else is refused', async () => {
      const api = await appWith({ LEDE_SSO_SECRET: SECRET });
      const thread = uniqueThread();
      const alice = await hs({ sub: 'alice', name: 'Alice' });
      const bob = await hs({ sub: 'bob', name: 'Bob' });
      const posted = (await api.post(thread, {}, { headers: bearer(alice) })).body.comment;

      for (const method of ['PATCH', 'DELETE'] as const) {
        const refused = await change(api, method, posted.id, bob);
        assert.equal(refused.status, 403);
        assert.equal(code(refused), 'forbidden');
        assert.match(refused.body.error.message, /someone else/);
      }
      const renamed = await hs({ sub: 'alice', name: 'Alice Renamed' });
      const edited = await change(api, 'PATCH', posted.id, renamed);
      assert.equal(edited.status, 200);
      assert.equal(edited.body.comment.body, 'changed by its author');
      assert.equal(code(await change(api, 'PATCH', posted.id, await hs({}, { exp: Math.floor(Date.now() / 1000) - 120 }))), 'token_expired');
      assert.equal((await change(api, 'DELETE', posted.id, alice)).status, 204);
      assert.equal((await api.list(thread)).body.total, 0);

      const anonymous = (await api.post(thread)).body.comment;
      assert.equal(code(await change(api, 'PATCH', anonymous.id, alice)), 'forbidden', 'an anonymous comment is its edit token’s only');
    });

    it('after the edit window the author is refused with edit_window_closed', async (t: TestContext) => {
      const api = await appWith({ LEDE_SSO_SECRET: SECRET });
      const alice = await hs({ sub: 'alice-late' });
      const posted = (await api.post(uniqueThread(), {}, { headers: bearer(alice) })).body.comment;
      t.mock.timers.enable({ apis: ['Date'], now: Date.now() + 16 * 60_000 });
      // The token was signed before the clock moved: sign another for the later time.
      const later = await hs({ sub: 'alice-late' });
      assert.equal(code(await change(api, 'PATCH', posted.id, later)), 'edit_window_closed');
    });

    it('a signed-in reader votes once wherever they vote from', async () => {
      const api = await appWith({ LEDE_SSO_SECRET: SECRET });
      const posted = (await api.post(uniqueThread())).body.comment;
      const token = await hs({ sub: 'voter' });
      const vote = (ip: string) =>
        api.request({ method: 'POST', url: `/api/comments/${posted.id}/votes`, headers: bearer(token), remoteAddress: ip, payload: { value: 1 } });
      assert.equal((await vote('10.0.0.1')).body.score, 1);
      assert.equal((await vote('10.0.0.2')).body.score, 1);
    });
  });

  describe('moderators from the reader’s element', () => {
    it('a reader’s moderation reports its change: the moderators’ live queue hears of it', async () => {
      const { app, url } = await listenApp(backend, { moderation: 'all', sso: parseSsoConfig({ ...SITE, LEDE_SSO_SECRET: SECRET }) });
      const posted = await app.inject({
        method: 'POST',
        url: `/api/threads/${uniqueThread()}/comments`,
        payload: { author: { name: 'Held' }, body: 'held', ...formFields() },
      });
      const { id } = posted.json().comment;
      const events = await openEvents(url);
      await events.next((event) => event.name === 'counts');
      const moderator = await hs({ sub: 'mod-live', name: 'Live Mod', roles: ['moderator'] });
      await app.inject({ method: 'POST', url: `/api/comments/${id}/moderate`, headers: bearer(moderator), payload: { action: 'approve' } });
      // With PostgreSQL the post's own event may arrive after the stream opened: wait for the approval's.
      const changed = await events.next((event) => event.name === 'comment' && event.data.id === id && event.data.status === 'published');
      assert.equal(changed.data.heldReason, null);
      events.close();
    });

    it('a moderator sees held comments in lists and approves, features and rejects them, audited as sso:<name>; others are refused', async () => {
      const api = await appWith({ LEDE_SSO_SECRET: SECRET }, { moderation: 'all' });
      const thread = uniqueThread();
      const held = (await api.post(thread, { body: 'waiting' })).body.comment;
      const moderator = await hs({ sub: 'mod', name: 'Maria Mod', roles: ['moderator'] });
      const reader = await hs({ sub: 'reader' });
      const own = (await api.post(thread, { body: 'mine, waiting' }, { headers: bearer(reader) })).body.comment;
      const getAs = async (id: string, token?: string) =>
        (await api.request({ method: 'GET', url: `/api/comments/${id}`, headers: token ? bearer(token) : {} })).status;
      assert.deepEqual([await getAs(own.id), await getAs(own.id, reader), await getAs(held.id, reader), await getAs(held.id, moderator)], [404, 200, 404, 200]);
      assert.equal((await moderate(api, own.id, 'reject', moderator)).status, 200);

      assert.deepEqual((await api.list(thread)).body.comments, []);
      assert.deepEqual((await api.request({ method: 'GET', url: `/api/threads/${thread}/comments`, headers: bearer(reader) })).body.comments, []);
      const seen = (await api.request({ method: 'GET', url: `/api/threads/${thread}/comments`, headers: bearer(moderator) })).body.comments;
      assert.deepEqual(
        seen.map((c: Json) => [c.id, c.status]),
        [[held.id, 'pending']],
      );
      assert.equal((await me(api, moderator)).body.moderator, true);

      assert.equal(code(await moderate(api, held.id, 'approve')), 'unauthorized');
      const refused = await moderate(api, held.id, 'approve', reader);
      assert.equal(refused.status, 403);
      assert.equal(code(refused), 'forbidden');

      const approved = await moderate(api, held.id, 'approve', moderator);
      assert.equal(approved.status, 200);
      assert.equal(approved.body.comment.status, 'published');
      assert.equal((await moderate(api, held.id, 'feature', moderator)).body.comment.featured, true);
      assert.equal((await moderate(api, held.id, 'unfeature', moderator)).body.comment.featured, undefined);
      assert.deepEqual(
        (await api.list(thread)).body.comments.map((c: Json) => c.id),
        [held.id],
      );
      assert.deepEqual((await moderate(api, held.id, 'reject', moderator)).body, {}, 'gone');
      assert.deepEqual((await api.list(thread)).body.comments, []);

      const entries = (await api.admin('GET', `/audit?comment=${held.id}`)).body.entries;
      assert.deepEqual(
        entries.map((e: Json) => [e.actor, e.action]),
        [
          ['sso:Maria Mod', 'reject'],
          ['sso:Maria Mod', 'unfeature'],
          ['sso:Maria Mod', 'feature'],
          ['sso:Maria Mod', 'approve'],
        ],
      );
    });
  });
}
