import { describe } from 'node:test';
import { sqliteBackend } from './helpers.js';
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

const backend = await sqliteBackend();

describe('SQLite', () => {
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
  if (backend.config.kind === 'sqlite') processSuite('sqlite', { LEDE_DB: backend.config.path });
});
