import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, chownSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/store/database.js';
import { Api, formFields, freshDatabase, startServerProcess, testConfig, uniqueThread, type Backend, type Json, type Reply } from '../helpers.js';

const unavailable = (reply: Reply<Json>, what: string) => {
  assert.equal(reply.status, 503, what);
  assert.deepEqual(Object.keys(reply.body), ['error'], what);
  assert.equal(reply.body.error.code, 'database_unavailable', what);
};

/** A SQLite file of its own, in a directory of its own, and an app on it. */
async function sqliteApp() {
  const dir = mkdtempSync(join(tmpdir(), 'lede-storage-'));
  const path = join(dir, 'comments.sqlite');
  const database = await openDatabase({ kind: 'sqlite', path });
  const app = await buildApp(testConfig({ kind: 'sqlite', path }), database, { logTo: false });
  after(async () => {
    await app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { api: new Api(app), dir, path, database };
}

// Root may write to files whatever their mode, so as root the server under test runs as nobody.
const nobody = () => {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
};
const serverUser = process.getuid?.() === 0 ? nobody() : undefined;

const postOver = (base: string, threadId: string, body: string, key: string) =>
  fetch(`${base}/api/threads/${threadId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ author: { name: 'Reader' }, body, ...formFields() }),
  });

/** The database going away, moving or turning read-only under a running server. */
export function storageSuite(backend: Backend): void {
  describe('storage faults', () => {
    if (backend.name === 'sqlite') {
      it('refuses writes and reports unhealthy while its database file is moved away, and recovers when it is back', async () => {
        const { api, path } = await sqliteApp();
        const thread = uniqueThread();
        const kept = await api.post(thread, { body: 'kept' }, { key: `kept-${randomUUID()}` });
        assert.equal(kept.status, 201);
        renameSync(path, `${path}.moved`);

        const retryKey = `retry-${randomUUID()}`;
        unavailable(await api.post(thread, { body: 'while moved' }, { key: retryKey }), 'post');
        unavailable(await api.request({ method: 'GET', url: '/api/health' }), 'health');
        const patch = await api.request({
          method: 'PATCH',
          url: `/api/comments/${kept.body.comment.id}`,
          headers: { authorization: `Bearer ${kept.body.editToken}` },
          payload: { body: 'edited while moved' },
        });
        unavailable(patch, 'edit');
        unavailable(await api.request({ method: 'POST', url: `/api/comments/${kept.body.comment.id}/votes`, payload: { value: 1 } }), 'vote');

        renameSync(`${path}.moved`, path);
        assert.equal((await api.request({ method: 'GET', url: '/api/health' })).status, 200);
        assert.equal((await api.post(thread, { body: 'while moved' }, { key: retryKey })).status, 201, 'the retry stores it');
        const reopened = await openDatabase({ kind: 'sqlite', path });
        const rows = await reopened.db.selectFrom('comments').select(['body']).where('thread_id', '=', thread).orderBy('created_at').execute();
        await reopened.close();
        assert.deepEqual(
          rows.map((row) => row.body),
          ['kept', 'while moved'],
        );
      });

      it('refuses writes once its data directory is removed, instead of acknowledging comments a restart loses', async () => {
        const { api, dir } = await sqliteApp();
        const thread = uniqueThread();
        assert.equal((await api.post(thread)).status, 201);
        rmSync(dir, { recursive: true, force: true });
        unavailable(await api.post(thread), 'post');
        unavailable(await api.request({ method: 'GET', url: '/api/health' }), 'health');
      });

      it('reports a read-only database file as unavailable, at start-up and while running', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'lede-readonly-'));
        after(() => rmSync(dir, { recursive: true, force: true }));
        const path = join(dir, 'comments.sqlite');
        await (await openDatabase({ kind: 'sqlite', path })).close();
        if (serverUser) for (const file of [dir, ...readdirSync(dir).map((name) => join(dir, name))]) chownSync(file, serverUser.uid, serverUser.gid);
        const env = { LEDE_DB: path, LEDE_RATE_LIMITS: 'off' };
        const thread = uniqueThread();
        const health = async (base: string) => (await fetch(`${base}/api/health`)).status;
        const post = async (base: string) => {
          const response = await postOver(base, thread, 'hello', randomUUID());
          return [response.status, ((await response.json()) as { error?: { code: string } }).error?.code];
        };

        // The database is three files (with -wal and -shm); SQLite makes the others like the first.
        const setMode = (mode: number) => {
          for (const name of readdirSync(dir)) chmodSync(join(dir, name), mode);
        };
        setMode(0o444);
        const readOnly = await startServerProcess(env, undefined, serverUser).catch((error: Error) => error);
        assert.ok(!(readOnly instanceof Error), `the server starts to serve reads: ${readOnly}`);
        assert.equal(await health(readOnly.url), 503);
        assert.deepEqual(await post(readOnly.url), [503, 'database_unavailable']);
        await readOnly.stop();

        setMode(0o644);
        const server = await startServerProcess(env, undefined, serverUser);
        assert.deepEqual(await post(server.url), [201, undefined]);
        setMode(0o444);
        assert.equal(await health(server.url), 503);
        assert.deepEqual(await post(server.url), [503, 'database_unavailable']);
        setMode(0o644);
        assert.equal(await health(server.url), 200);
        assert.deepEqual(await post(server.url), [201, undefined]);
        await server.stop();
      });
    }

    if (backend.name === 'postgres') {
      it('reports a read-only database (a standby after failover) as unavailable instead of answering 500', async () => {
        const config = await freshDatabase(backend);
        assert.ok(config.kind === 'postgres');
        await (await openDatabase(config)).close();
        const admin = new pg.Client({ connectionString: config.url });
        await admin.connect();
        await admin.query(`alter database ${config.url.split('/').at(-1)} set default_transaction_read_only = on`);
        await admin.end();

        const database = await openDatabase(config);
        const app = await buildApp(testConfig(config), database, { logTo: false });
        after(async () => {
          await app.close();
          await database.close();
        });
        const { rows } = await sql<{ transaction_read_only: string }>`show transaction_read_only`.execute(database.db);
        assert.equal(rows[0]!.transaction_read_only, 'on');
        const api = new Api(app);
        unavailable(await api.request({ method: 'GET', url: '/api/health' }), 'health');
        unavailable(await api.post(uniqueThread()), 'post');
      });
    }
  });
}
