import type { Kysely, Migration } from 'kysely';

/**
 * Reply notifications: addresses apart from comments (encrypted, found by a keyed hash), which
 * comments notify which address, and the mail outbox the worker sends from.
 */
export const replySubscriptions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('mail_addresses')
      .addColumn('address_hash', 'text', (col) => col.primaryKey())
      .addColumn('address_sealed', 'text', (col) => col.notNull())
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .addColumn('confirmed_at', 'bigint')
      .execute();
    await db.schema
      .createTable('reply_subscriptions')
      .addColumn('comment_id', 'text', (col) => col.primaryKey().references('comments.id'))
      .addColumn('address_hash', 'text', (col) => col.notNull().references('mail_addresses.address_hash').onDelete('cascade'))
      .addColumn('client_key', 'text', (col) => col.notNull())
      .addColumn('locale', 'text', (col) => col.notNull())
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('reply_subscriptions_by_client').on('reply_subscriptions').columns(['client_key', 'created_at']).execute();
    await db.schema.createIndex('reply_subscriptions_by_address').on('reply_subscriptions').column('address_hash').execute();
    await db.schema
      .createTable('mail_outbox')
      .addColumn('id', 'text', (col) => col.primaryKey())
      // `confirm:<address hash>:<time>` or `reply:<reply id>`: a reply is mailed once however often it is approved.
      .addColumn('dedupe_key', 'text', (col) => col.notNull().unique())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('address_hash', 'text', (col) => col.notNull())
      .addColumn('payload', 'text', (col) => col.notNull())
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint', (col) => col.notNull())
      .addColumn('locked_until', 'bigint', (col) => col.notNull().defaultTo(0))
      .addColumn('sent_at', 'bigint')
      .addColumn('failed_at', 'bigint')
      .addColumn('last_error', 'text')
      .execute();
    await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['sent_at', 'failed_at', 'next_attempt_at']).execute();
    await db.schema.createIndex('mail_outbox_by_address').on('mail_outbox').columns(['address_hash', 'kind', 'created_at']).execute();
  },
};
