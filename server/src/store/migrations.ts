import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { randomToken } from '../crypto.js';
import { moderation } from './migrations/0004-moderation.js';
import { ssoAuthors } from './migrations/0006-sso-authors.js';
import { threadEvents } from './migrations/0007-thread-events.js';
import { webhookDeliveries } from './migrations/0009-webhook-deliveries.js';
import { threadVersions } from './migrations/0010-thread-versions.js';
import { replySubscriptions } from './migrations/0008-reply-subscriptions.js';
import type { Database } from './schema.js';

/**
 * Versioned schema changes, applied in name order at start-up. Never edit a released
 * migration: add the next one. Postgres runs them under an advisory lock, so several
 * processes starting together apply each exactly once.
 */
const migrations: Record<string, Migration> = {
  '0001_initial': {
    // Migrations see the database as it was then, not as schema.ts describes it now.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('comments')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('thread_id', 'text', (col) => col.notNull())
        .addColumn('parent_id', 'text', (col) => col.references('comments.id'))
        .addColumn('author_name', 'text', (col) => col.notNull())
        .addColumn('author_key', 'text', (col) => col.notNull())
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('held_reason', 'text')
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .addColumn('edited_at', 'bigint')
        .addColumn('score', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('reply_count', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('report_count', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('edit_token_hash', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('comments_by_thread_time').on('comments').columns(['thread_id', 'parent_id', 'created_at', 'id']).execute();
      await db.schema.createIndex('comments_by_thread_score').on('comments').columns(['thread_id', 'parent_id', 'score', 'created_at', 'id']).execute();
      await db.schema
        // status is in the key so SQLite, which has no statistics, prefers this index over
        // comments_by_status_time when it gathers the first replies of a page.
        .createIndex('comments_by_parent')
        .on('comments')
        .columns(['parent_id', 'status', 'created_at', 'id'])
        .execute();
      await db.schema.createIndex('comments_by_thread_status').on('comments').columns(['thread_id', 'status']).execute();
      await db.schema.createIndex('comments_by_status_time').on('comments').columns(['status', 'created_at', 'id']).execute();

      await db.schema
        .createTable('votes')
        .addColumn('comment_id', 'text', (col) => col.notNull().references('comments.id'))
        .addColumn('voter_key', 'text', (col) => col.notNull())
        .addColumn('value', 'integer', (col) => col.notNull())
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .addPrimaryKeyConstraint('votes_pk', ['comment_id', 'voter_key'])
        .execute();

      await db.schema
        .createTable('reports')
        .addColumn('comment_id', 'text', (col) => col.notNull().references('comments.id'))
        .addColumn('reporter_key', 'text', (col) => col.notNull())
        .addColumn('reason', 'text', (col) => col.notNull())
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .addPrimaryKeyConstraint('reports_pk', ['comment_id', 'reporter_key'])
        .execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('key_hash', 'text', (col) => col.primaryKey())
        .addColumn('request_hash', 'text', (col) => col.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('response', 'text')
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('idempotency_keys_by_time').on('idempotency_keys').column('created_at').execute();

      await db.schema
        .createTable('approved_authors')
        .addColumn('author_key', 'text', (col) => col.primaryKey())
        .addColumn('approved_at', 'bigint', (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (col) => col.primaryKey())
        .addColumn('count', 'integer', (col) => col.notNull())
        .addColumn('reset_at', 'bigint', (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('meta')
        .addColumn('name', 'text', (col) => col.primaryKey())
        .addColumn('value', 'text', (col) => col.notNull())
        .execute();
      await sql`insert into meta (name, value) values (${'secret'}, ${randomToken(32)})`.execute(db);
    },
  },
  '0002_idempotency_keys_point_at_comments': {
    // Replays are answered from the comment as it is now, so a deleted comment's name and text
    // no longer live on in a stored response for 24 hours.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('idempotency_keys').addColumn('comment_id', 'text').execute();
      const { rows } = await sql<{ key_hash: string; response: string }>`
        select key_hash, response from idempotency_keys where response is not null`.execute(db);
      for (const row of rows) {
        const commentId = (JSON.parse(row.response) as { id: string }).id;
        await sql`update idempotency_keys set comment_id = ${commentId} where key_hash = ${row.key_hash}`.execute(db);
      }
      await db.schema.alterTable('idempotency_keys').dropColumn('response').execute();
      await db.schema.alterTable('idempotency_keys').dropColumn('status_code').execute();
      await db.schema.createIndex('idempotency_keys_by_comment').on('idempotency_keys').column('comment_id').execute();
    },
  },
  '0003_moderators': {
    // Moderator accounts and their sign-in sessions (issue 14); LEDE_ADMIN_TOKEN stays for scripts.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('moderators')
        .addColumn('name', 'text', (col) => col.primaryKey())
        .addColumn('password_hash', 'text', (col) => col.notNull())
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('admin_sessions')
        .addColumn('token_hash', 'text', (col) => col.primaryKey())
        .addColumn('moderator', 'text', (col) => col.notNull().references('moderators.name').onDelete('cascade'))
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .addColumn('expires_at', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('admin_sessions_by_moderator').on('admin_sessions').column('moderator').execute();
      await db.schema.createIndex('admin_sessions_by_expiry').on('admin_sessions').column('expires_at').execute();
    },
  },
  '0004_moderation': moderation,
  '0005_threads': {
    // Closing, auto-closing and pre-moderation per thread. Threads get a row with their next post
    // or setting; until then LEDE_CLOSE_AFTER counts from their first comment.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('threads')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('closed_at', 'bigint')
        .addColumn('premoderate', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('opens_at', 'bigint')
        .addColumn('reopened_at', 'bigint')
        .execute();
    },
  },
  '0006_sso_authors': ssoAuthors,
  '0007_thread_events': threadEvents,
  '0009_webhook_deliveries': webhookDeliveries,
  '0010_thread_versions': threadVersions,
  '0008_reply_subscriptions': replySubscriptions,
};

/**
 * Brings the schema up to date (or up to `last`, as an older release left it: for tests of
 * upgrades); throws with the failing migration's error.
 */
export async function migrate(db: Kysely<Database>, last?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = last ? await migrator.migrateTo(last) : await migrator.migrateToLatest();
  if (error) throw error;
}
