/**
 * Throughput and p99 latency of lede-server, beside a bare Fastify route and a bare route in
 * the server itself measured in the same run, so the figures compare across machines as
 * ratios; each read beside its budget, and the server's resident memory after the reads.
 *
 *   npm run bench --prefix server            # SQLite, and PostgreSQL when one can be started
 *   BENCH_SECONDS=10 npm run bench --prefix server
 *   BENCH_NODE_FLAGS=--max-semi-space-size=2 npm run bench --prefix server   # node flags for the server
 *
 * The server is built first and run from dist/ as in production (bench/server.mjs). Every
 * server runs in its own process on 127.0.0.1; autocannon runs in this one.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
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
  /** What the figure must meet, against the server's bare route: a share of its requests/s, a multiple of its p99. */
  budget?: { share: number; p99: number; floor: Figure };
}

/**
 * Budgets of the reads, against the bare route in the same server and run (ratios hold across
 * machines; milliseconds do not). A 304 costs one indexed query (for PostgreSQL a round trip); a
 * 200-comment page reads 50 comments with their replies and serialises some 100 kB.
 */
const BUDGETS = {
  notModified: { share: 0.3, p99: 3 },
  page: { share: 0.02, p99: 20 },
};
/** Resident memory after the read runs, in MB (issue 16: 111–124 MB before; Isso 48–53 MB on the same work). */
const RSS_BUDGET_MB = 100;

async function startProcess(args: string[], env: Record<string, string>, loader = ['--import', TSX]): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...loader, ...args, String(port)], {
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

/** `expected`: the status class every answer must have (a 304 is not an error where it is the point). */
async function measure(name: string, options: autocannon.Options, expected: '2xx' | '3xx' = '2xx'): Promise<Figure> {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + (result.requests.total - result[expected]),
  };
}

const MB = 1024 * 1024;

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
  const server = await startProcess(
    [here('server.mjs'), '--port'],
    {
      ...env,
      LEDE_RATE_LIMITS: 'off',
      LEDE_MIN_SUBMIT_SECONDS: '0',
      LEDE_LOG: 'warn',
    },
    // Node flags for the server alone (e.g. --max-semi-space-size=2; server/README.md, memory).
    (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
  );
  try {
    await seedThread(server.url);
    const floor = await measure(`${label}: bare route in the server`, { url: `${server.url}/bench/bare` });
    const within = (budget: { share: number; p99: number }) => ({ ...budget, floor });
    const pageUrl = `${server.url}/api/threads/bench-read/comments?limit=50`;
    const read = await measure(`${label}: GET a 200-comment thread page`, { url: pageUrl });
    read.budget = within(BUDGETS.page);
    const etag = (await fetch(pageUrl)).headers.get('etag')!;
    const notModified = await measure(`${label}: the same page, 304`, { url: pageUrl, headers: { 'if-none-match': etag } }, '3xx');
    notModified.budget = within(BUDGETS.notModified);
    const memory = (await (await fetch(`${server.url}/bench/memory`)).json()) as NodeJS.MemoryUsage;
    memoryLines.push(
      `${label}: resident memory after the reads ${(memory.rss / MB).toFixed(1)} MB (budget ${RSS_BUDGET_MB} MB${memory.rss / MB > RSS_BUDGET_MB ? ', OVER' : ''}); ` +
        `heap ${(memory.heapUsed / MB).toFixed(1)} of ${(memory.heapTotal / MB).toFixed(1)} MB, external ${(memory.external / MB).toFixed(1)} MB`,
    );
    const write = await measure(`${label}: POST a comment`, {
      url: `${server.url}/api/threads/bench-write/comments`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ author: { name: 'Bench' }, body: 'A comment of ordinary length, posted over and over.' }),
    });
    return [floor, read, notModified, write];
  } finally {
    // Gone before its database is stopped, so the bench ends without a server complaining about it.
    if (server.child.exitCode === null && server.child.signalCode === null) {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    }
  }
}

execFileSync('npm', ['run', 'build'], { cwd: here('..'), stdio: ['ignore', 'ignore', 'inherit'] });
const figures: Figure[] = [];
const memoryLines: string[] = [];
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
console.log(`${'measurement'.padEnd(46)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(7)} ${'vs bare'.padStart(8)} ${'errors'.padStart(6)}  budget`);
for (const figure of figures) {
  console.log(
    `${figure.name.padEnd(46)} ${figure.requestsPerSecond.toFixed(0).padStart(8)} ${String(figure.p99).padStart(7)} ${(figure.requestsPerSecond / baseline).toFixed(3).padStart(8)} ${String(figure.errors).padStart(6)}  ${verdict(figure)}`,
  );
}
console.log(`\n${memoryLines.join('\n')}`);

/** The budget beside the figure: at least a share of the bare route's requests/s, at most a multiple of its p99. */
function verdict({ budget, requestsPerSecond, p99 }: Figure): string {
  if (!budget) return '';
  const share = requestsPerSecond / budget.floor.requestsPerSecond;
  const latency = p99 / Math.max(1, budget.floor.p99);
  const met = share >= budget.share && latency <= budget.p99;
  return `${met ? 'ok' : 'OVER'}: ${share.toFixed(2)} of the bare route's req/s (>= ${budget.share}), ${latency.toFixed(1)}x its p99 (<= ${budget.p99}x)`;
}
