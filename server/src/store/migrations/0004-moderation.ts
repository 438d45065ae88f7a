import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/** Featured comments, open reports, the page a comment came from, author standing, the audit log and undo records. */
export const moderation: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('comments').addColumn('featured_at', 'bigint').execute();
    await db.schema
      .alterTable('comments')
      .addColumn('open_reports', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('comments').addColumn('page_url', 'text').execute();
    // Reports received so far have not been reviewed.
    await sql`update comments set open_reports = report_count`.execute(db);
    await db.schema.createIndex('comments_by_author').on('comments').columns(['author_key', 'created_at', 'id']).execute();
    await db.schema.createIndex('comments_by_time').on('comments').columns(['created_at', 'id']).execute();

    await db.schema
      .createTable('authors')
      .addColumn('author_key', 'text', (col) => col.primaryKey())
      .addColumn('trusted_at', 'bigint')
      .addColumn('banned_at', 'bigint')
      .execute();

    // A sequence, not the time: actions in the same millisecond keep their order.
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    await db.schema
      .createTable('audit_log')
      .addColumn('seq', postgres ? 'bigint' : 'integer', (col) => (postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey()))
      .addColumn('at', 'bigint', (col) => col.notNull())
      .addColumn('actor', 'text', (col) => col.notNull())
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('comment_id', 'text')
      .addColumn('author_key', 'text')
      .addColumn('thread_id', 'text')
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('audit_log_by_comment').on('audit_log').columns(['comment_id', 'seq']).execute();

    await db.schema
      .createTable('undo_actions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('comment_id', 'text')
      .addColumn('author_key', 'text')
      .addColumn('before', 'text', (col) => col.notNull())
      .addColumn('after', 'text', (col) => col.notNull())
      .addColumn('expires_at', 'bigint', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('undo_actions_by_expiry').on('undo_actions').column('expires_at').execute();
  },
};
