import type { Kysely, Migration } from 'kysely';

/**
 * Comments written by readers signed in with the site's login: their `author.id` (opaque unless
 * LEDE_SSO_ID=sub) and staff role. A comment is verified exactly when it has an id, so no third
 * column says so. Threads may take signed-in readers only.
 */
export const ssoAuthors: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('comments').addColumn('author_id', 'text').execute();
    await db.schema.alterTable('comments').addColumn('author_role', 'text').execute();
    await db.schema
      .alterTable('threads')
      .addColumn('anonymous', 'integer', (col) => col.notNull().defaultTo(1))
      .execute();
  },
};
