import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import type { Config, DatabaseConfig } from '../src/config.js';
import { parseAuthConfig } from '../src/config/auth.js';
import { parseSsoConfig } from '../src/config/sso.js';
import { parseCacheConfig } from '../src/config/cache.js';
import { openDatabase, type OpenDatabase } from '../src/store/database.js';
import type { Comment } from 'lede-protocol';
import { freePort, startPostgres } from '../scripts/pg-cluster.js';

export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';

/** A database the suites run against, opened once per test file. */
export interface Backend {
  name: 'sqlite' | 'postgres';
  config: DatabaseConfig;
  database: OpenDatabase;
}

export async function sqliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'lede-sqlite-'));
  const config: DatabaseConfig = { kind: 'sqlite', path: join(dir, 'comments.sqlite') };
  const database = await openDatabase(config);
  after(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { name: 'sqlite', config, database };
}

/**
 * A Postgres backend, or the reason there is none. Locally the suite is skipped with that
 * reason; under CI (CI=true) a missing Postgres fails the run.
 */
export async function postgresBackend(): Promise<Backend | string> {
  let server;
  try {
    server = await startPostgres();
  } catch (error) {
    const problem = (error as Error).message;
    if (process.env.CI && process.env.CI !== 'false') throw new Error(`CI must run the PostgreSQL tests: ${problem}`);
    const reason = `PostgreSQL tests skipped: ${problem}`;
    console.log(reason);
    return reason;
  }
  const config: DatabaseConfig = { kind: 'postgres', url: server.url };
  const database = await openDatabase(config);
  after(async () => {
    await database.close();
    server.stop();
  });
  return { name: 'postgres', config, database };
}

/** An empty database of the backend's kind, removed when the test file ends. */
export async function freshDatabase(backend: Backend): Promise<DatabaseConfig> {
  if (backend.config.kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'lede-fresh-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    return { kind: 'sqlite', path: join(dir, 'comments.sqlite') };
  }
  const name = `lede_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: backend.config.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  after(async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return { kind: 'postgres', url: backend.config.url.replace(/\/[^/]*$/, `/${name}`) };
}

export function testConfig(database: DatabaseConfig, overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    database,
    adminToken: ADMIN_TOKEN,
    allowedOrigins: ['https://news.example'],
    allowedHosts: [],
    moderation: 'none',
    closeAfterMs: null,
    trustProxy: false,
    rateLimits: { posts: null, votes: null, reports: null },
    editWindowMs: 15 * 60_000,
    minSubmitMs: 3000,
    bannedWords: [],
    banMode: 'hold',
    rejectReasons: ['Spam', 'Off-topic'],
    secret: null,
    logLevel: 'silent',
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 30_000,
    keepAliveTimeoutMs: 5_000,
    maxConnections: 1000,
    logFormat: 'json',
    auth: parseAuthConfig({}),
    sso: parseSsoConfig({}),
    cache: parseCacheConfig({}),
    live: { maxStreams: 900, keepMs: 3_600_000, keepEvents: 10_000 },
    mail: null,
    ...overrides,
  };
}

/** An app on the backend's shared database; closed when the test file ends. */
export async function makeApp(backend: Backend, overrides: Partial<Config> = {}): Promise<Api> {
  return makeAppOn(backend.database, backend.config, overrides);
}

/** An app on a database of the test's own. */
export async function makeAppOn(database: OpenDatabase, config: DatabaseConfig, overrides: Partial<Config> = {}): Promise<Api> {
  const app = await buildApp(testConfig(config, overrides), database, { logTo: false });
  after(() => app.close());
  return new Api(app);
}

/** An app listening on a free loopback port, for tests that need real sockets; closed when the file ends. */
export async function listenApp(backend: Backend, overrides: Partial<Config> = {}): Promise<{ app: FastifyInstance; port: number; url: string }> {
  const app = await buildApp(testConfig(backend.config, overrides), backend.database, { logTo: false });
  after(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, port, url: `http://127.0.0.1:${port}` };
}

export const uniqueThread = (label = 'thread'): string => `${label}-${randomUUID()}`;

/** What the comment form sends besides the text: a form shown ten seconds ago. */
export const formFields = () => ({ startedAt: Date.now() - 10_000 });

/** Response JSON as tests read it: any property may be probed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions check the shapes
export type Json = any;

export interface Reply<T = Json> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** Thin `app.inject` wrappers that speak the protocol. */
export class Api {
  constructor(readonly app: FastifyInstance) {}

  async request<T = Json>(options: InjectOptions): Promise<Reply<T>> {
    const response = await this.app.inject(options);
    return {
      status: response.statusCode,
      body: (response.body ? response.json() : undefined) as T,
      headers: response.headers,
    };
  }

  post(
    threadId: string,
    fields: { name?: string; body?: string; parentId?: string | null; website?: string; startedAt?: number; notifyEmail?: string } = {},
    options: { key?: string; ip?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply<{ comment: Comment; editToken: string; editableUntil: string; notification?: string }>> {
    const { name = 'Reader', body = `A comment ${randomUUID()}`, ...rest } = fields;
    return this.request({
      method: 'POST',
      url: `/api/threads/${encodeURIComponent(threadId)}/comments`,
      headers: { ...(options.key ? { 'idempotency-key': options.key } : {}), ...options.headers },
      remoteAddress: options.ip ?? '127.0.0.1',
      payload: { author: { name }, body, ...formFields(), ...rest },
    });
  }

  /** PATCH /api/comments/:id with the edit token `post` answered. */
  edit(id: string, editToken: string, body: string): Promise<Reply> {
    return this.request({ method: 'PATCH', url: `/api/comments/${id}`, headers: { authorization: `Bearer ${editToken}` }, payload: { body } });
  }

  list(
    threadId: string,
    query = '',
  ): Promise<Reply<{ comments: Comment[]; nextCursor: string | null; total: number; closed?: boolean; anonymous?: false; lastEventId?: string }>> {
    return this.request({ method: 'GET', url: `/api/threads/${encodeURIComponent(threadId)}/comments${query}` });
  }

  admin(method: InjectOptions['method'], url: string, token = ADMIN_TOKEN, payload?: object): Promise<Reply> {
    return this.request({ method, url: `/api/admin${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  }

  /** Approves a comment as a moderator would: the revision they saw in the queue. */
  async approve(comment: Pick<Comment, 'id' | 'threadId'>): Promise<Reply> {
    const queue = await this.admin('GET', `/comments?status=all&limit=100&thread=${encodeURIComponent(comment.threadId)}`);
    const { revision } = queue.body.comments.find((c: Json) => c.id === comment.id);
    return this.admin('POST', `/comments/${comment.id}/approve`, ADMIN_TOKEN, { revision });
  }

  /** Every top-level comment of a thread, following cursors. */
  async listAll(threadId: string, sort = 'newest', limit = 100): Promise<Comment[]> {
    const all: Comment[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await this.list(threadId, query);
      all.push(...page.body.comments);
      cursor = page.body.nextCursor;
    } while (cursor);
    return all;
  }
}

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** A real `lede-server` process on a free loopback port. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startServerProcess(env: Record<string, string>, port?: number, user?: { uid: number; gid: number }): Promise<ServerProcess> {
  const chosenPort = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', TSX, CLI, '--port', String(chosenPort)], {
    env: { ...process.env, LEDE_LOG: 'warn', LEDE_ADMIN_TOKEN: ADMIN_TOKEN, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    ...user,
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  // Before waiting for it: a server that fails to start in time must not outlive the tests.
  after(() => stop('SIGKILL'));
  const url = `http://127.0.0.1:${chosenPort}`;
  // Generous: a first start as another user (see the storage suite) compiles every file afresh.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`lede-server exited with ${child.exitCode}: ${stderr}`);
    try {
      // Any answer will do: a server whose database is unavailable still serves, with a 503.
      await fetch(`${url}/api/health`);
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`lede-server did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, child, stop };
}

/** Runs `tasks` with at most `concurrency` in flight. */
export async function pool<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

/** Reads a Server-Sent Events body block by block (up to each blank line) until it ends or is aborted. */
export async function readSseBlocks(body: AsyncIterable<unknown>, onBlock: (block: string) => void): Promise<void> {
  let buffer = '';
  const decoder = new TextDecoder();
  try {
    for await (const chunk of body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        onBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch {
    // aborted by the reader's close()
  }
}
