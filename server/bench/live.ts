/**
 * Live threads: N readers connected to one thread on one server process (SQLite, loopback), a
 * burst of 100 posts; how long until every reader has every event (p50/p99/max over readers,
 * from the burst's start), and the server's resident memory per connection. The same burst
 * with one reader, in the same run, is the baseline: what is left is the cost of fanning out.
 *
 *   npm run bench:live -w lede-server                 # 1,000 readers
 *   BENCH_READERS=2000 npm run bench:live -w lede-server
 *
 * Readers are plain sockets in this process that count `event: created` lines; Linux only
 * (the server's RSS is read from /proc).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../scripts/pg-cluster.js';

const READERS = Number(process.env.BENCH_READERS ?? 1000);
const POSTS = 100;
const CONCURRENT_POSTS = 10;
/** Budgets this machine class should meet; printed beside the figures, never asserted. */
const BUDGET = { p99Ms: 5000, kbPerConnection: 64 };
const TSX = import.meta.resolve('tsx');
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

const rssKb = (pid: number): number => Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A reader: resolves `done` with the time it counted `POSTS` created events. */
function connect(url: string, thread: string): Promise<{ done: Promise<number>; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/threads/${thread}/events`, { agent: false }, (response: IncomingMessage) => {
      if (response.statusCode !== 200) return reject(new Error(`events: ${response.statusCode}`));
      response.setEncoding('utf8');
      let seen = 0;
      let carry = '';
      const done = new Promise<number>((finish) => {
        response.on('data', (chunk: string) => {
          // Counts whole lines only: a chunk may end mid-line.
          const text = carry + chunk;
          const cut = text.lastIndexOf('\n') + 1;
          carry = text.slice(cut);
          seen += text.slice(0, cut).split('\nevent: created\n').length - 1;
          if (seen >= POSTS) finish(performance.now());
        });
      });
      resolve({ done, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Answers when the burst started and how long its posts took (all answered 201). */
async function burst(url: string, thread: string): Promise<{ started: number; postedMs: number }> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENT_POSTS }, async () => {
      while (next < POSTS) {
        const i = next++;
        const response = await fetch(`${url}/api/threads/${thread}/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ author: { name: `Burst ${i}` }, body: `Comment ${i} of a burst, of ordinary length.` }),
        });
        if (response.status !== 201) throw new Error(`post: ${response.status} ${await response.text()}`);
      }
    }),
  );
  return { started, postedMs: performance.now() - started };
}

/** Connects `count` readers to a fresh thread, bursts, and answers each reader's time to all events (ms). */
async function run(url: string, pid: number, count: number, label: string): Promise<{ times: number[]; postedMs: number; kbPerConnection: number }> {
  const thread = `bench-live-${label}`;
  await sleep(500);
  const before = rssKb(pid);
  const readers = [];
  for (let i = 0; i < count; i += 50) readers.push(...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, () => connect(url, thread)))));
  await sleep(1000);
  const kbPerConnection = (rssKb(pid) - before) / count;
  const { started, postedMs } = await burst(url, thread);
  const times = (await Promise.all(readers.map((reader) => reader.done))).map((at) => at - started).sort((a, b) => a - b);
  for (const reader of readers) reader.close();
  return { times, postedMs, kbPerConnection };
}

const port = await freePort();
const dir = mkdtempSync(join(tmpdir(), 'lede-bench-live-'));
const server = spawn(process.execPath, ['--import', TSX, CLI, '--port', String(port)], {
  env: {
    ...process.env,
    LEDE_DB: join(dir, 'live.sqlite'),
    LEDE_RATE_LIMITS: 'off',
    LEDE_MIN_SUBMIT_SECONDS: '0',
    LEDE_LOG: 'warn',
    LEDE_MAX_CONNECTIONS: String(READERS + 100),
    LEDE_LIVE_STREAMS: String(READERS + 10),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const url = `http://127.0.0.1:${port}`;
try {
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(`${url}/api/health`);
      break;
    } catch {
      if (attempt > 600) throw new Error('lede-server did not start');
      await sleep(100);
    }
  }
  // A warm-up burst, so neither run pays for the first compilations.
  await run(url, server.pid!, 1, 'warm-up');
  const baseline = await run(url, server.pid!, 1, 'one');
  const many = await run(url, server.pid!, READERS, 'many');
  const at = (times: number[], p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
  const row = (name: string, { times, postedMs }: { times: number[]; postedMs: number }, budget: string) =>
    console.log(
      `${name.padEnd(36)} ${postedMs.toFixed(0).padStart(7)} ${at(times, 50).toFixed(0).padStart(7)} ${at(times, 99).toFixed(0).padStart(7)} ${times.at(-1)!.toFixed(0).padStart(7)} ${budget.padStart(8)}`,
    );
  console.log(
    `\n${POSTS} posts (${CONCURRENT_POSTS} at a time), SQLite, one process, loopback; ms from the burst's start\n(posted: until every post was answered; p50/p99/max over readers: until a reader had all ${POSTS} events)\n`,
  );
  console.log(
    `${'readers on one thread'.padEnd(36)} ${'posted'.padStart(7)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)} ${'budget'.padStart(8)}`,
  );
  row('1 (baseline: the burst itself)', baseline, '');
  row(`${READERS}`, many, `${BUDGET.p99Ms}`);
  console.log(`${'fan-out cost (p99 minus baseline)'.padEnd(36)} ${''.padStart(15)} ${(at(many.times, 99) - at(baseline.times, 99)).toFixed(0).padStart(7)}`);
  // The figures scale with the machine: a busy one (load above its core count) slows every row alike.
  console.log(`\n${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end`);
  console.log(
    `server RSS per connection: ${many.kbPerConnection.toFixed(1)} KB (budget ${BUDGET.kbPerConnection} KB; ${READERS} connections, RSS delta / ${READERS})`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
