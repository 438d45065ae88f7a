// The real reference comment server for the browser tests, behind a small fault-injecting proxy.
//
// `commentServerPlugin()` starts `lede-server` (server/src/cli.ts, SQLite in a temp dir) on a free
// loopback port when the test run starts and stops it at the end. `commentServerMiddleware()`
// serves, on the test page's own origin:
//   /comments-api/*              proxied to the server's /api/*, through the current fault
//   POST /test-api/comments/fault  { mode, count?, status?, delay? } sets the fault:
//        status  answer `count` requests with `status` (a JSON error) without reaching the server
//        hang    never answer (until the browser gives up), `count` times
//        slow    forward after `delay` ms
//        lost    forward, then cut the answer off: the server stored it, the browser never reads it
//        kill    forward a write, kill the server (SIGKILL) before it can answer, drop the connection
//        none    clear it
//   POST /test-api/comments/stop | /start   stop (SIGKILL) or start the server process
//   POST /test-api/comments/reset          clear faults, start the server if stopped, new client IP
//   POST /test-api/comments/seed           { thread, comments: [{ name, body, parent? }] } stores
//        comments straight on the server (each from its own client IP, beyond rate limits);
//        `parent` is the index of an earlier comment in the list. Answers { ids }.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const ADMIN_TOKEN = 'lede-test-admin-token-0123456789';
/** Any comment containing this word is held for moderation. */
export const HOLD_WORD = 'holdforreview';

const root = fileURLToPath(new URL('../..', import.meta.url));
const state = {
  /** @type {import('node:child_process').ChildProcess | undefined} */ child: undefined,
  port: 0,
  dir: '',
  fault: { mode: 'none', count: 0, status: 500, delay: 0 },
  clientIp: '10.0.0.1',
  ipCounter: 1,
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function nextIp() {
  state.ipCounter += 1;
  return `10.${(state.ipCounter >> 16) & 255}.${(state.ipCounter >> 8) & 255}.${state.ipCounter & 255}`;
}

/** Sends one request to the server; resolves with status and body text. */
function call(method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port: state.port, method, path, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function startServer() {
  if (state.child) return;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', '--port', String(state.port), '--db', join(state.dir, 'comments.sqlite')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      LEDE_LOG: 'silent',
      LEDE_ADMIN_TOKEN: ADMIN_TOKEN,
      LEDE_TRUST_PROXY: 'true',
      LEDE_MIN_SUBMIT_SECONDS: '0',
      LEDE_BANNED_WORDS: HOLD_WORD,
    },
  });
  state.child = child;
  child.on('exit', () => {
    if (state.child === child) state.child = undefined;
  });
  for (let tries = 0; tries < 200; tries += 1) {
    try {
      if ((await call('GET', '/api/health')).status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (!state.child) throw new Error('lede-server exited during start-up');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('lede-server did not start');
}

async function stopServer() {
  const child = state.child;
  if (!child) return;
  state.child = undefined;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGKILL');
  });
}

export function commentServerPlugin() {
  return {
    name: 'lede-comment-server',
    async serverStart() {
      state.dir = mkdtempSync(join(tmpdir(), 'lede-comments-test-'));
      state.port = await freePort();
      await startServer();
    },
    async serverStop() {
      await stopServer();
      rmSync(state.dir, { recursive: true, force: true });
    },
  };
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Forwards the browser's request to the server; resolves with the server's response, or rejects. */
function forward(context, path, body) {
  return new Promise((resolve, reject) => {
    const headers = { ...context.req.headers, 'x-forwarded-for': state.clientIp };
    delete headers.connection;
    const upstream = request({ host: '127.0.0.1', port: state.port, method: context.method, path, headers }, (res) => {
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

async function proxy(context) {
  const path = `/api${context.url.slice('/comments-api'.length)}`;
  const body = await readBody(context.req);
  const fault = state.fault;
  const write = context.method !== 'GET';
  const active = fault.mode !== 'none' && (fault.mode !== 'kill' || write);
  if (active && fault.count > 0 && --fault.count === 0) state.fault = { ...fault, mode: 'none' };
  if (active && fault.mode === 'status') {
    context.status = fault.status;
    context.body = { error: { code: 'internal', message: `Injected ${fault.status}.` } };
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
    const forwarded = forward(context, path, body);
    if (active && fault.mode === 'kill') {
      // The request is on its way; the process dies before it can answer (or just after committing).
      await new Promise((resolve) => setTimeout(resolve, 5));
      await stopServer();
    }
    response = await forwarded;
  } catch {
    // The server is down: the browser sees what it would see, a failed connection.
    return drop(context);
  }
  if (active && fault.mode === 'kill') return drop(context);
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
    if (!['content-length', 'connection', 'transfer-encoding', 'keep-alive'].includes(name) && value !== undefined) context.set(name, value);
  }
  context.body = response.data;
}

async function seed({ thread, comments }) {
  const ids = [];
  for (const { name, body, parent } of comments) {
    const response = await call(
      'POST',
      `/api/threads/${encodeURIComponent(thread)}/comments`,
      { author: { name }, body, parentId: parent === undefined ? null : ids[parent], startedAt: 0 },
      { 'x-forwarded-for': nextIp() },
    );
    if (response.status >= 300) throw new Error(`seed failed: ${response.status} ${response.text}`);
    ids.push(JSON.parse(response.text).comment.id);
  }
  return { ids };
}

export function commentServerMiddleware() {
  return async (context, next) => {
    if (context.path.startsWith('/comments-api/')) return proxy(context);
    const command = /^\/test-api\/comments\/([a-z]+)$/.exec(context.path)?.[1];
    if (!command || context.method !== 'POST') return next();
    const input = JSON.parse((await readBody(context.req)).toString() || '{}');
    switch (command) {
      case 'fault':
        state.fault = { mode: 'status', count: 0, status: 500, delay: 0, ...input };
        break;
      case 'stop':
        await stopServer();
        break;
      case 'start':
        await startServer();
        break;
      case 'reset':
        state.fault = { mode: 'none', count: 0, status: 500, delay: 0 };
        state.clientIp = nextIp();
        await startServer();
        break;
      case 'seed':
        context.body = await seed(input);
        return;
      default:
        return next();
    }
    context.body = { ok: true };
  };
}
