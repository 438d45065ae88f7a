import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { DatabaseUnavailable } from '../errors.js';
import { migrate } from './migrations.js';
import type { Database } from './schema.js';

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: DatabaseConfig['kind'];
  /**
   * Throws `DatabaseUnavailable` when a write now would not be kept. SQLite writes on into a
   * file that was moved or deleted while open, and that is lost at the next start, so the file
   * at the configured path must still be the one open, and writable. (PostgreSQL refuses what
   * it cannot keep by itself.) Two system calls: cheap enough for every write.
   */
  checkStorage(): void;
  /**
   * PostgreSQL only: calls `onMessage` with every NOTIFY on `channel`, from any process, on a
   * connection of its own (see listen.ts). Answers the function that stops listening.
   */
  listen?: (channel: string, onMessage: (payload: string) => void) => Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const INT8_OID = 20;

/** Opens SQLite or PostgreSQL and applies pending migrations (up to `lastMigration`, if given). */
export async function openDatabase(config: DatabaseConfig, lastMigration?: string): Promise<OpenDatabase> {
  // pg (and listen.ts, which needs it) only where it is used: SQLite deployments never load it.
  const pool = config.kind === 'postgres' ? postgresPool((await import('pg')).default, config.url) : null;
  const { db, checkStorage } =
    config.kind === 'postgres'
      ? { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool! }) }), checkStorage: () => {} }
      : openSqlite(config.path);
  try {
    await migrate(db, lastMigration);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    kind: config.kind,
    checkStorage,
    ...(pool
      ? { listen: async (channel: string, onMessage: (payload: string) => void) => (await import('./listen.js')).listen(pool, channel, onMessage) }
      : {}),
    close: () => db.destroy(),
  };
}

const writable = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

function openSqlite(path: string): Pick<OpenDatabase, 'db' | 'checkStorage'> {
  if (path === ':memory:') return { db: sqliteKysely(new SQLite(path)), checkStorage: () => {} };
  mkdirSync(dirname(resolve(path)), { recursive: true });
  // SQLite quietly opens a file it may not write read-only; saying so makes that visible.
  const readonly = statSync(path, { throwIfNoEntry: false }) !== undefined && !writable(path);
  const database = new SQLite(path, { readonly });
  const opened = statSync(path);
  const checkStorage = () => {
    if (database.readonly) throw new DatabaseUnavailable(`${path} was read-only when the server started; make it writable and restart`);
    const current = statSync(path, { throwIfNoEntry: false });
    if (current?.dev !== opened.dev || current.ino !== opened.ino) {
      throw new DatabaseUnavailable(`${path} is no longer the file the server opened: it was moved, replaced or deleted`);
    }
    // access() is what the kernel would answer a write: a read-only mount refuses even root.
    if (!writable(path)) throw new DatabaseUnavailable(`${path} is not writable`);
  };
  return { db: sqliteKysely(database), checkStorage };
}

function sqliteKysely(database: SQLite.Database): Kysely<Database> {
  // WAL with synchronous=FULL: a commit is fsynced before the 201 goes out, so an
  // acknowledged comment survives a killed process and a power cut alike.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

function postgresPool(pg: typeof import('pg').default, url: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // BIGINT columns hold millisecond times and counts, all well inside 2^53.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A connection dropped by the server (a Postgres restart, a failover) must not end the
  // process: idle ones are replaced by the pool on next use ('error' on the pool); one in use
  // fails its query, and the pool discards it on release. Kysely does not listen on the
  // connections it checks out, so every new one gets a listener here.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/** Throws `DatabaseUnavailable` unless the database answers and would keep a write. */
export async function checkHealth(database: OpenDatabase): Promise<void> {
  database.checkStorage();
  // A PostgreSQL standby after a failover (or default_transaction_read_only) answers reads only.
  const query =
    database.kind === 'postgres'
      ? sql<{ readonly: string }>`select current_setting('transaction_read_only') as readonly`
      : sql<{ readonly: string }>`select 'off' as readonly`;
  const rows = await query.execute(database.db).then(
    (result) => result.rows,
    (error: Error) => {
      throw new DatabaseUnavailable(`the database does not answer: ${error.message}`);
    },
  );
  if (rows[0]?.readonly === 'on') throw new DatabaseUnavailable('PostgreSQL is read-only');
}

// SQLite result codes and PostgreSQL SQLSTATEs (and classes) that mean "cannot store now":
// read-only, disk or I/O failure, full, locked, shutting down, unreachable.
const SQLITE_UNAVAILABLE = /^SQLITE_(READONLY|IOERR|FULL|CANTOPEN|BUSY|LOCKED)/;
const POSTGRES_UNAVAILABLE = /^(25006|53|57P|08)/;
const NETWORK_UNAVAILABLE = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'];

/** Whether a database error means the database cannot store anything right now (503, not 500). */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  return SQLITE_UNAVAILABLE.test(code) || NETWORK_UNAVAILABLE.includes(code) || (/^[0-9A-Z]{5}$/.test(code) && POSTGRES_UNAVAILABLE.test(code));
}
