import { describe } from 'node:test';
import { postgresBackend } from './helpers.js';
import { processSuite } from './suites/processes.js';
import { routeSuite } from './suites/routes.js';

const backend = await postgresBackend();

describe('PostgreSQL', { skip: typeof backend === 'string' ? backend : false }, () => {
  if (typeof backend === 'string' || backend.config.kind !== 'postgres') return;
  routeSuite(backend);
  processSuite('postgres', { DATABASE_URL: backend.config.url });
});
