import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * A version per thread that the database itself moves whenever anything readers could see of
 * the thread changes: any insert, update or delete of one of its comments, and any change of
 * its settings. Triggers, not the routes, move it: in the writer's own transaction (so a reader
 * never sees new comments under an old version, from any process on the same database), and
 * for every write path, present and future. Public reads use it as their validator (cache/).
 *
 * Every thread with comments gets a row here, as the first post would have made it: readers
 * check one row of `threads` and nothing else.
 */
export const threadVersions: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    await db.schema
      .alterTable('threads')
      .addColumn('version', 'bigint', (col) => col.notNull().defaultTo(0))
      .execute();
    await sql`
      insert into threads (id, opens_at)
      select thread_id, min(created_at) from comments where thread_id not in (select id from threads) group by thread_id`.execute(db);
    if (postgres) await postgresTriggers(db);
    else await sqliteTriggers(db);
  },
};

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  // The thread's row is made (as its first post would) if a comment ever arrives without one.
  await sql`
    create function lede_comment_changed() returns trigger language plpgsql as $$
    declare
      target text := case when tg_op = 'DELETE' then old.thread_id else new.thread_id end;
    begin
      update threads set version = version + 1 where id = target;
      if not found then
        insert into threads (id, opens_at, version)
        values (target, (select min(created_at) from comments where thread_id = target), 1)
        on conflict (id) do update set version = threads.version + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger comments_move_thread_version after insert or update or delete on comments
    for each row execute function lede_comment_changed()`.execute(db);
  // Settings (closed, pre-moderation, ...) change the page too; a change that moved the version already is left alone.
  await sql`
    create function lede_thread_changed() returns trigger language plpgsql as $$
    begin
      new.version := old.version + 1;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger threads_move_version before update on threads
    for each row when (new.version = old.version) execute function lede_thread_changed()`.execute(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const bump = (ref: 'new' | 'old') =>
    sql.raw(`
    insert into threads (id, opens_at)
      select ${ref}.thread_id, (select min(created_at) from comments where thread_id = ${ref}.thread_id)
      where not exists (select 1 from threads where id = ${ref}.thread_id);
    update threads set version = version + 1 where id = ${ref}.thread_id;`);
  await sql`create trigger comments_inserted_version after insert on comments begin ${bump('new')} end`.execute(db);
  await sql`create trigger comments_updated_version after update on comments begin ${bump('new')} end`.execute(db);
  await sql`create trigger comments_deleted_version after delete on comments begin ${bump('old')} end`.execute(db);
  // SQLite triggers do not recurse by default; the WHEN keeps it so if recursive_triggers is ever on.
  await sql`
    create trigger threads_move_version after update on threads when new.version = old.version
    begin update threads set version = old.version + 1 where id = new.id; end`.execute(db);
}
