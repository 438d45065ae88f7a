import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { formFields, pool, startServerProcess, uniqueThread } from '../helpers.js';
import type { Comment } from 'lede-protocol';

const post = (base: string, threadId: string, body: string, key: string) =>
  fetch(`${base}/api/threads/${threadId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ author: { name: 'Burst' }, body, ...formFields() }),
  });

async function readThread(base: string, threadId: string): Promise<Comment[]> {
  const all: Comment[] = [];
  let cursor: string | null = null;
  do {
    const response = await fetch(`${base}/api/threads/${threadId}/comments?sort=oldest&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    const page = (await response.json()) as { comments: Comment[]; nextCursor: string | null };
    all.push(...page.comments);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** Real server processes: killed mid-write, and (on Postgres) several sharing one database. */
export function processSuite(name: 'sqlite' | 'postgres', databaseEnv: Record<string, string>): void {
  const env = { ...databaseEnv, LEDE_RATE_LIMITS: 'off' };

  describe(`${name}: durability`, () => {
    it('keeps every acknowledged comment, exactly once, when the server is SIGKILLed mid-burst', async () => {
      const threadId = uniqueThread('burst');
      const total = 200;
      const keys = Array.from({ length: total }, (_, i) => `burst-${i}-${randomUUID()}`);
      const first = await startServerProcess(env);
      const acknowledged = new Map<number, string>();
      let killed = false;

      await pool(total, 20, async (i) => {
        if (killed) return;
        try {
          const response = await post(first.url, threadId, `burst ${i}`, keys[i]!);
          if (response.status === 201 || response.status === 202) {
            acknowledged.set(i, ((await response.json()) as { comment: Comment }).comment.id);
          }
        } catch {
          // the connection died with the server: not acknowledged
        }
        if (acknowledged.size >= 60 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      });
      await first.stop('SIGKILL');
      assert.ok(acknowledged.size >= 60 && acknowledged.size < total, `killed mid-burst after ${acknowledged.size} acks`);

      const second = await startServerProcess(env);
      const stored = await readThread(second.url, threadId);
      const ids = stored.map((comment) => comment.id);
      assert.equal(new Set(ids).size, ids.length, 'no comment is stored twice');
      for (const [i, id] of acknowledged) {
        assert.equal(stored.filter((comment) => comment.body === `burst ${i}`).length, 1, `burst ${i} once`);
        assert.ok(ids.includes(id), `acknowledged comment ${i} survived`);
      }

      // Clients retry what was never acknowledged with the same keys: everything ends up stored once.
      await pool(total, 20, (i) => post(second.url, threadId, `burst ${i}`, keys[i]!).then((r) => assert.equal(r.status, 201)));
      const final = await readThread(second.url, threadId);
      assert.equal(final.length, total);
      assert.equal(new Set(final.map((comment) => comment.body)).size, total);
      await second.stop();
    });
  });

  if (name !== 'postgres') return;
  describe('postgres: several server processes', () => {
    it('see each other’s comments and share rate limits', async () => {
      const shared = { ...databaseEnv, LEDE_RATE_LIMITS: 'posts=3/min' };
      const [a, b] = await Promise.all([startServerProcess(shared), startServerProcess(shared)]);
      const threadId = uniqueThread('shared');
      const onA = await post(a!.url, threadId, 'written on A', randomUUID());
      assert.equal(onA.status, 201);
      const fromB = await readThread(b!.url, threadId);
      assert.deepEqual(
        fromB.map((c) => c.body),
        ['written on A'],
      );
      assert.equal((await post(b!.url, threadId, 'written on B', randomUUID())).status, 201);
      assert.deepEqual(
        (await readThread(a!.url, threadId)).map((c) => c.body),
        ['written on A', 'written on B'],
      );

      assert.equal((await post(a!.url, threadId, 'third', randomUUID())).status, 201);
      const limited = await post(b!.url, threadId, 'fourth', randomUUID());
      assert.equal(limited.status, 429, 'B counts what A accepted');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      assert.equal(((await limited.json()) as { error: { code: string } }).error.code, 'rate_limited');
      await Promise.all([a!.stop(), b!.stop()]);
    });
  });
}
