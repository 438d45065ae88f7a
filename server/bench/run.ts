/**
 * Throughput and p99 latency of lede-server, beside a bare Fastify route measured in the
 * same run, so the figures compare across machines as ratios.
 *
 *   npm run bench --prefix server            # SQLite, and PostgreSQL when one can be started
 *   BENCH_SECONDS=10 npm run bench --prefix server
 *
 * Every server runs in its own process on 127.0.0.1; autocannon runs in this one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort, startPostgres, type PostgresServer } from '../scripts/pg-cluster.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const TSX = import.meta.resolve('tsx');
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

interface Figure {
  name: string;
  requestsPerSecond: number;
  p99: number;
  errors: number;
}

async function startProcess(args: string[], env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', TSX, ...args, String(port)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      await fetch(url);
      return { url, child };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${args[0]} did not start`);
}

async function measure(name: string, options: autocannon.Options): Promise<Figure> {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function post(url: string, body: object): Promise<{ comment: { id: string } }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { comment: { id: string } };
}

/** 50 top-level comments with 3 replies each: 200 comments, all on one page of 50. */
async function seedThread(base: string): Promise<void> {
  const url = `${base}/api/threads/bench-read/comments`;
  for (let i = 0; i < 50; i++) {
    const { comment } = await post(url, { author: { name: `Reader ${i}` }, body: `Top-level comment ${i} `.repeat(8) });
    for (let j = 0; j < 3; j++) {
      await post(url, { author: { name: `Replier ${j}` }, body: `Reply ${j} to ${i} `.repeat(6), parentId: comment.id });
    }
  }
  const page = (await (await fetch(`${url}?limit=50`)).json()) as { total: number };
  if (page.total !== 200) throw new Error(`expected 200 comments, found ${page.total}`);
}

async function benchServer(label: string, env: Record<string, string>): Promise<Figure[]> {
  const server = await startProcess([here('../src/cli.ts'), '--port'], {
    ...env,
    LEDE_RATE_LIMITS: 'off',
    LEDE_MIN_SUBMIT_SECONDS: '0',
    LEDE_LOG: 'warn',
  });
  try {
    await seedThread(server.url);
    const read = await measure(`${label}: GET a 200-comment thread page`, {
      url: `${server.url}/api/threads/bench-read/comments?limit=50`,
    });
    const write = await measure(`${label}: POST a comment`, {
      url: `${server.url}/api/threads/bench-write/comments`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ author: { name: 'Bench' }, body: 'A comment of ordinary length, posted over and over.' }),
    });
    return [read, write];
  } finally {
    // Gone before its database is stopped, so the bench ends without a server complaining about it.
    if (server.child.exitCode === null && server.child.signalCode === null) {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    }
  }
}

const figures: Figure[] = [];
const bare = await startProcess([here('bare-server.ts')], {});
figures.push(await measure('bare Fastify GET /', { url: bare.url }));
bare.child.kill('SIGTERM');

const dir = mkdtempSync(join(tmpdir(), 'lede-bench-'));
try {
  figures.push(...(await benchServer('SQLite', { LEDE_DB: join(dir, 'bench.sqlite') })));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

let postgres: PostgresServer | null = null;
try {
  postgres = await startPostgres();
} catch (error) {
  console.log(`(PostgreSQL skipped: ${(error as Error).message})`);
}
if (postgres) {
  try {
    figures.push(...(await benchServer('PostgreSQL', { DATABASE_URL: postgres.url })));
  } finally {
    postgres.stop();
  }
}

const baseline = figures[0]!.requestsPerSecond;
console.log(`\n${SECONDS} s per measurement, ${CONNECTIONS} connections, loopback\n`);
console.log(`${'measurement'.padEnd(46)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(7)} ${'vs bare'.padStart(8)} ${'errors'.padStart(6)}`);
for (const figure of figures) {
  console.log(
    `${figure.name.padEnd(46)} ${figure.requestsPerSecond.toFixed(0).padStart(8)} ${String(figure.p99).padStart(7)} ${(figure.requestsPerSecond / baseline).toFixed(3).padStart(8)} ${String(figure.errors).padStart(6)}`,
  );
}
