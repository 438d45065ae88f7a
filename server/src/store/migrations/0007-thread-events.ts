import { PostgresAdapter, type Kysely, type Migration } from 'kysely';

/** The live threads' event log (live/thread-log.ts): what readers were sent, in order, to resume from. */
export const threadEvents: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    await db.schema
      .createTable('thread_events')
      // SQLite's AUTOINCREMENT never hands out a number again, even after the newest rows are pruned.
      .addColumn('seq', postgres ? 'bigint' : 'integer', (col) =>
        postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
      )
      .addColumn('thread_id', 'text', (col) => col.notNull())
      .addColumn('comment_id', 'text', (col) => col.notNull())
      .addColumn('event', 'text', (col) => col.notNull())
      .addColumn('data', 'text', (col) => col.notNull())
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('thread_events_by_thread').on('thread_events').columns(['thread_id', 'seq']).execute();
    await db.schema.createIndex('thread_events_by_comment').on('thread_events').columns(['comment_id', 'seq']).execute();
    await db.schema.createIndex('thread_events_by_time').on('thread_events').column('created_at').execute();
  },
};
