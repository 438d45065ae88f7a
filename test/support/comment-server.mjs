// The real reference comment server for the browser tests, behind a small fault-injecting proxy.
//
// Each test page picks a scope (a random name), so browsers running side by side never share a
// server, a fault or a client address: the first command for a scope starts its own `lede-server`
// (server/src/cli.ts, bundled once per run, SQLite in a temp dir) on a free loopback port. `commentServerPlugin()` stops
// them all when the run ends. `commentServerMiddleware()` serves, on the test page's own origin:
//   /comments-api/<scope>/*        proxied to that server's /api/*, through the current fault
//   POST /test-api/comments/<scope>/fault  { mode, count?, status?, delay?, method?, path?, body?, headers? }
//        sets the fault, for requests of `method` whose path contains `path` (any but the live
//        stream, /threads/:id/events, if unset):
//        status  answer `count` requests with `status` (a JSON error) without reaching the server
//        answer  answer `count` requests with `status`, `headers` and the JSON `body` as given: a
//                hostile or broken server, without reaching the real one
//        hang    never answer (until the browser gives up), `count` times
//        slow    forward after `delay` ms
//        late    forward at once, answer `delay` ms after the server did (read now, arrive later)
//        lost    forward, then cut the answer off: the server stored it, the browser never reads it
//        kill    forward a write, kill the server (SIGKILL) before it can answer, drop the connection
//        none    clear it
//   POST /test-api/comments/<scope>/faults         answers { mode, count }: the fault now, and how many
//        requests it has left to spoil
//   POST /test-api/comments/<scope>/requests       answers [{ method, path, authorization }]: every
//        request proxied since the last reset, oldest first
//   POST /test-api/comments/<scope>/stop | start   stop (SIGKILL) or start the server process
//   POST /test-api/comments/<scope>/reset          { editWindow?, moderation?, postgres?, mail?, sso? } clear faults and
//        the request log, start the server
//        if stopped, new client IP; `editWindow` (LEDE_EDIT_WINDOW, e.g. "3s") or `moderation` (LEDE_MODERATION,
//        e.g. "first-time") restarts it with that setting; `postgres: true` moves the scope to its own
//        database in a throwaway PostgreSQL cluster (server/scripts/pg-cluster.ts, one per run, started
//        when first asked for); `mail: true` turns on reply notifications (LEDE_SMTP_URL to a closed
//        loopback port: mail waits in the server's outbox; server/test/suites/mail.ts reads delivered mail);
//        `sso: true` (or `{ secret?, audience? }`, another key or audience than
//        SSO_TEST's, as when a site rotates them) restarts it checking site tokens (LEDE_SSO_*)
//   POST /test-api/comments/<scope>/token          { sub, name, roles?, secret?, audience?, expired? } answers
//        { token }: a site token (HS256, jose) for SSO_TEST's issuer, signed with SSO_TEST's secret
//        unless `secret` names another (a forged one), `expired: true` a minute past its expiry
//   POST /test-api/comments/<scope>/moderator      { name, password } adds a moderator account (the CLI);
//        the server's session cookie (Path=/api/admin) is rewritten to this scope's path
//   POST /test-api/comments/<scope>/seed           { thread, comments: [{ name, body, parent? }] } stores
//        comments straight on the server (each from its own client IP, beyond rate limits);
//        `parent` is the index of an earlier comment in the list, `token` a site token to post with. Answers { ids }.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SignJWT } from 'jose';
import pg from 'pg';
import { freePort } from '../../scripts/free-port.mjs';

export const ADMIN_TOKEN = 'lede-test-admin-token-0123456789';
/** Any comment containing this word is held for moderation. */
export const HOLD_WORD = 'holdforreview';
/** The site sign-in of `reset { sso }`: test-only, it never leaves this process (the page asks `token`). */
const SSO_TEST = { secret: 'lede-test-sso-secret-0123456789-abcdefghij', issuer: 'https://site.lede.test', audience: 'lede-test' };

const root = fileURLToPath(new URL('../..', import.meta.url));
const noFault = { mode: 'none', count: 0, status: 500, delay: 0, method: undefined, path: undefined, body: undefined, headers: {} };
let ipCounter = 1;
/** Where the servers keep their databases, made when the run starts. */
let dataDir = '';
/** The server as one script, bundled when the run starts: it starts in half the time tsx takes. */
let serverScript = '';
/** The PostgreSQL cluster, started for the first scope that asks for it. */
let postgres;

/** Bundles a server TypeScript entry into one Node script, its packages left as imports. */
const bundleForNode = (entry, outfile) =>
  build({ entryPoints: [entry], outfile, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });

/** A new database for a scope in the run's cluster; answers its URL. */
async function postgresDatabase(name) {
  postgres ??= (async () => {
    const script = join(root, 'server', 'node_modules', '.cache', `lede-pg-cluster-${process.pid}.mjs`);
    await bundleForNode(join(root, 'server', 'scripts', 'pg-cluster.ts'), script);
    const { startPostgres } = await import(pathToFileURL(script).href);
    rmSync(script, { force: true });
    return startPostgres();
  })();
  const { url } = await postgres;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create database "${name}"`);
  await client.end();
  return Object.assign(new URL(url), { pathname: `/${name}` }).href;
}

/**
 * @typedef {object} Scope
 * @property {import('node:child_process').ChildProcess | undefined} child
 * @property {Promise<void> | undefined} started  the start of `child`, settled once it answers
 * @property {number} port
 * @property {string} db
 * @property {{ mode: string, count: number, status: number, delay: number, method?: string, path?: string, body?: unknown, headers: Record<string, string> }} fault
 * @property {{ method: string, path: string, authorization: string | undefined }[]} requests
 * @property {string} clientIp
 * @property {string | undefined} editWindow
 * @property {string | undefined} moderation
 * @property {boolean | undefined} mail  reply notifications on (`reset { mail: true }`)
 * @property {string | undefined} sso  the `reset` sso option as JSON, when the server checks site tokens
 * @property {string | undefined} databaseUrl  PostgreSQL instead of the SQLite file `db`
 */
/** @type {Map<string, Scope>} */
const scopes = new Map();

async function scopeNamed(name) {
  let scope = scopes.get(name);
  if (!scope) {
    scope = {
      child: undefined,
      started: undefined,
      port: await freePort(),
      db: join(dataDir, `${name}.sqlite`),
      fault: noFault,
      requests: [],
      clientIp: nextIp(),
      editWindow: undefined,
      moderation: undefined,
      mail: undefined,
      sso: undefined,
      databaseUrl: undefined,
    };
    scopes.set(name, scope);
  }
  return scope;
}

function nextIp() {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

/** Sends one request to a scope's server; resolves with status and body text. */
function call(state, method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port: state.port, method, path, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } },
      (res) => {
        let text = '';
        res.on('error', reject);
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Servers start one at a time: two starting together once made one of them fail. */
let starting = Promise.resolve();

/**
 * A scope whose server runs (or is starting) waits for no other scope's start: under three
 * browsers, a `reset` that changed nothing queued behind others' restarts past a hook's timeout.
 * @param {Scope} state
 */
function startServer(state) {
  if (state.child && state.started) return state.started;
  const started = (starting = starting.catch(() => {}).then(() => startNow(state)));
  // A failed start is tried again by the next reset.
  started.catch(() => state.started === started && (state.started = undefined));
  return (state.started = started);
}

/** @param {Scope} state */
async function startNow(state) {
  if (state.child) return;
  const child = spawn(process.execPath, [serverScript, '--port', String(state.port), '--db', state.db], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      LEDE_LOG: 'silent',
      LEDE_ADMIN_TOKEN: ADMIN_TOKEN,
      // This proxy is the one hop in front; it sets X-Forwarded-For to the scope's client.
      LEDE_TRUST_PROXY: '1',
      LEDE_MIN_SUBMIT_SECONDS: '0',
      LEDE_BANNED_WORDS: HOLD_WORD,
      ...(state.editWindow ? { LEDE_EDIT_WINDOW: state.editWindow } : {}),
      ...(state.moderation ? { LEDE_MODERATION: state.moderation } : {}),
      ...(state.mail ? { LEDE_SMTP_URL: 'smtp://127.0.0.1:9', LEDE_MAIL_FROM: 'comments@news.example', LEDE_PUBLIC_URL: 'http://127.0.0.1' } : {}),
      ...(state.databaseUrl ? { DATABASE_URL: state.databaseUrl } : {}),
      ...(state.sso ? ssoEnv(JSON.parse(state.sso)) : {}),
    },
  });
  state.child = child;
  let exit = '';
  child.on('exit', (code, signal) => {
    exit = `code ${code}, signal ${signal}`;
    if (state.child === child) state.child = undefined;
  });
  for (let tries = 0; tries < 200; tries += 1) {
    try {
      if ((await call(state, 'GET', '/api/health')).status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (!state.child) throw new Error(`lede-server on port ${state.port} exited during start-up (${exit})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('lede-server did not start');
}

/** The server's sign-in settings (server/src/config/sso.ts) for a `reset { sso }`. */
function ssoEnv({ secret = SSO_TEST.secret, audience = SSO_TEST.audience }) {
  return { LEDE_SSO_SECRET: secret, LEDE_SSO_ISSUER: SSO_TEST.issuer, LEDE_SSO_AUDIENCE: audience };
}

/** A site token as the site's login would sign it; a random `jti` makes each one different. */
function signToken({ sub, name, roles = [], secret = SSO_TEST.secret, audience = SSO_TEST.audience, expired = false }) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name, roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(SSO_TEST.issuer)
    .setAudience(audience)
    .setJti(Math.random().toString(36).slice(2))
    .setIssuedAt(expired ? now - 600 : now)
    .setExpirationTime(expired ? now - 60 : now + 600)
    .sign(new TextEncoder().encode(secret));
}

/** @param {Scope} state */
async function stopServer(state) {
  const child = state.child;
  if (!child) return;
  state.child = undefined;
  state.started = undefined;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGKILL');
  });
}

export function commentServerPlugin() {
  return {
    name: 'lede-comment-server',
    async serverStart() {
      dataDir = mkdtempSync(join(tmpdir(), 'lede-comments-test-'));
      // Inside server/, so the script's package imports resolve as they do from server/src.
      serverScript = join(root, 'server', 'node_modules', '.cache', `lede-comments-test-${process.pid}.mjs`);
      await bundleForNode(join(root, 'server', 'src', 'cli.ts'), serverScript);
    },
    async serverStop() {
      await Promise.all([...scopes.values()].map(stopServer));
      if (postgres) (await postgres.catch(() => undefined))?.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(serverScript, { force: true });
    },
  };
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Forwards the browser's request to the scope's server; resolves with its response, or rejects. */
function forward(state, context, path, body) {
  return new Promise((resolve, reject) => {
    const headers = { ...context.req.headers, 'x-forwarded-for': state.clientIp };
    delete headers.connection;
    const upstream = request({ host: '127.0.0.1', port: state.port, method: context.method, path, headers }, (res) => {
      // An event stream is passed on as it comes (the live moderation queue); it never ends by itself.
      if (String(res.headers['content-type']).startsWith('text/event-stream'))
        return resolve({ status: res.statusCode ?? 502, headers: res.headers, stream: res });
      readBody(res).then((data) => resolve({ status: res.statusCode ?? 502, headers: res.headers, data }), reject);
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
}

const drop = (context) => {
  context.req.socket.destroy();
  context.respond = false;
};

/** @param {Scope} state */
async function proxy(state, context, path) {
  const body = await readBody(context.req);
  state.requests.push({ method: context.method, path, authorization: context.get('authorization') || undefined });
  const fault = state.fault;
  const write = context.method !== 'GET';
  // The element's live stream opens on its own schedule: a fault spoils it only when its path names it.
  const live = /^\/api\/threads\/[^/]+\/events/.test(path);
  const chosen = (!fault.method || fault.method === context.method) && (fault.path ? path.includes(fault.path) : !live);
  const active = fault.mode !== 'none' && chosen && (fault.mode !== 'kill' || write);
  if (active && fault.count > 0 && --fault.count === 0) state.fault = { ...fault, mode: 'none' };
  if (active && fault.mode === 'status') {
    context.status = fault.status;
    context.body = { error: { code: 'internal', message: `Injected ${fault.status}.` } };
    return;
  }
  if (active && fault.mode === 'answer') {
    context.status = fault.status;
    context.set(fault.headers);
    context.body = JSON.stringify(fault.body);
    context.type = 'application/json';
    return;
  }
  if (active && fault.mode === 'hang') {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 30000);
      context.req.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return drop(context);
  }
  if (active && fault.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delay));
  let response;
  try {
    const forwarded = forward(state, context, path, body);
    // Killing the server rejects the request before it is awaited below: that must not count as unhandled.
    forwarded.catch(() => {});
    if (active && fault.mode === 'kill') {
      // The request is on its way; the process dies before it can answer (or just after committing).
      await new Promise((resolve) => setTimeout(resolve, 5));
      await stopServer(state);
    }
    response = await forwarded;
  } catch {
    // The server is down: the browser sees what it would see, a failed connection.
    return drop(context);
  }
  if (active && fault.mode === 'kill') return drop(context);
  if (active && fault.mode === 'late') await new Promise((resolve) => setTimeout(resolve, fault.delay));
  if (active && fault.mode === 'lost') {
    // Headers and a few bytes, then the connection drops: the browser cannot mistake it for an answer
    // (a connection closed before any byte may be retried by the browser itself).
    context.respond = false;
    context.res.writeHead(response.status, { 'content-type': 'application/json', 'content-length': String(response.data.length + 100) });
    context.res.write(response.data.subarray(0, 10));
    setTimeout(() => context.req.socket.destroy(), 20);
    return;
  }
  context.status = response.status;
  for (const [name, value] of Object.entries(response.headers)) {
    if (!['content-length', 'connection', 'transfer-encoding', 'keep-alive', 'set-cookie'].includes(name) && value !== undefined) context.set(name, value);
  }
  if (response.stream) {
    context.req.on('close', () => response.stream.destroy());
    context.body = response.stream;
    return;
  }
  // The server's cookies are for its /api; the browser reaches it under this scope's path.
  const cookies = response.headers['set-cookie'];
  if (cookies)
    context.set(
      'set-cookie',
      cookies.map((cookie) => cookie.replace(/Path=\/api\b/i, `Path=${/^\/comments-api\/[\w-]+/.exec(context.path)[0]}`)),
    );
  context.body = response.data;
}

async function seed(state, { thread, comments }) {
  const ids = [];
  for (const { name, body, parent, token } of comments) {
    const response = await call(
      state,
      'POST',
      `/api/threads/${encodeURIComponent(thread)}/comments`,
      { author: { name }, body, parentId: parent === undefined ? null : ids[parent], startedAt: 0 },
      { 'x-forwarded-for': nextIp(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    );
    if (response.status >= 300) throw new Error(`seed failed: ${response.status} ${response.text}`);
    ids.push(JSON.parse(response.text).comment.id);
  }
  return { ids };
}

/** Adds a moderator account with the server's own CLI, the password on standard input. */
function addModerator(state, { name, password }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serverScript, 'moderators', 'add', name, '--db', state.db], {
      cwd: root,
      stdio: ['pipe', 'ignore', 'inherit'],
      env: { ...process.env, ...(state.databaseUrl ? { DATABASE_URL: state.databaseUrl } : {}) },
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`moderators add exited with ${code}`))));
    child.stdin.end(`${password}\n`);
  });
}

export function commentServerMiddleware() {
  return async (context, next) => {
    const api = /^\/comments-api\/([\w-]+)(\/.*)$/.exec(context.url);
    if (api) return proxy(await scopeNamed(api[1]), context, `/api${api[2]}`);
    const [, name, command] = /^\/test-api\/comments\/([\w-]+)\/([a-z]+)$/.exec(context.path) ?? [];
    if (!name || !command || context.method !== 'POST') return next();
    const state = await scopeNamed(name);
    const input = JSON.parse((await readBody(context.req)).toString() || '{}');
    switch (command) {
      case 'fault':
        state.fault = { ...noFault, mode: 'status', ...input };
        break;
      case 'faults':
        context.body = { mode: state.fault.mode, count: state.fault.count };
        return;
      case 'token':
        context.body = { token: await signToken(input) };
        return;
      case 'requests':
        context.body = state.requests;
        return;
      case 'stop':
        await stopServer(state);
        break;
      case 'start':
        await startServer(state);
        break;
      case 'reset': {
        state.fault = noFault;
        state.requests = [];
        state.clientIp = nextIp();
        const sso = input.sso ? JSON.stringify(input.sso === true ? {} : input.sso) : undefined;
        if (
          input.editWindow !== state.editWindow ||
          input.moderation !== state.moderation ||
          input.mail !== state.mail ||
          sso !== state.sso ||
          (input.postgres && !state.databaseUrl)
        ) {
          await stopServer(state);
          state.editWindow = input.editWindow;
          state.moderation = input.moderation;
          state.mail = input.mail;
          state.sso = sso;
          if (input.postgres) state.databaseUrl ??= await postgresDatabase(name);
        }
        await startServer(state);
        break;
      }
      case 'seed':
        context.body = await seed(state, input);
        return;
      case 'moderator':
        await addModerator(state, input);
        break;
      default:
        return next();
    }
    context.body = { ok: true };
  };
}
