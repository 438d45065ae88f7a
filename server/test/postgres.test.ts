import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/store/database.js';
import { postgresBackend } from './helpers.js';
import { authSuite } from './suites/auth.js';
import { cacheSuite } from './suites/cache.js';
import { consoleSuite } from './suites/console.js';
import { networkSuite } from './suites/network.js';
import { actionSuite } from './suites/actions.js';
import { liveSuite } from './suites/live.js';
import { liveThreadSuite } from './suites/live-threads.js';
import { mailSuite } from './suites/mail.js';
import { processSuite } from './suites/processes.js';
import { queueSuite } from './suites/queue.js';
import { routeSuite } from './suites/routes.js';
import { ssoSuite } from './suites/sso.js';
import { storageSuite } from './suites/storage.js';
import { threadSuite } from './suites/threads.js';
import { webhookSuite } from './suites/webhooks.js';

const backend = await postgresBackend();

describe('PostgreSQL', { skip: typeof backend === 'string' ? backend : false }, () => {
  if (typeof backend === 'string' || backend.config.kind !== 'postgres') return;
  const { url } = backend.config;
  routeSuite(backend);
  queueSuite(backend);
  actionSuite(backend);
  liveSuite(backend);
  liveThreadSuite(backend);
  authSuite(backend);
  consoleSuite(backend);
  networkSuite(backend);
  storageSuite(backend);
  threadSuite(backend);
  webhookSuite(backend);
  ssoSuite(backend);
  cacheSuite(backend);
  mailSuite(backend);
  processSuite('postgres', { DATABASE_URL: backend.config.url });

  it('survives its connection being cut mid-query (a restart, a failover): that query fails, then queries work again', async () => {
    const { db, close } = await openDatabase(backend.config);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const slow = sql`select pg_sleep(30)`.execute(db).then(
        () => 'finished',
        (error: unknown) => error,
      );
      let terminated = 0;
      while (terminated === 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const { rows } = await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity where query = 'select pg_sleep(30)' and pid <> pg_backend_pid()`,
        );
        terminated = rows.length;
      }
      assert.match(String(await slow), /terminat/);
      // The dropped connection may serve one more query before its socket's close is seen;
      // after that the pool has replaced it.
      let answer: unknown;
      for (let attempt = 0; attempt < 3 && !answer; attempt++) {
        answer = await sql<{ one: number }>`select 1 as one`.execute(db).then(
          ({ rows }) => rows,
          () => undefined,
        );
      }
      assert.deepEqual(answer, [{ one: 1 }]);
    } finally {
      await admin.end();
      await close();
    }
  });
});
