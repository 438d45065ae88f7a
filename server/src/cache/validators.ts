import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { VISIBLE } from '../store/rows.js';
import { isClosed } from '../store/threads.js';

/**
 * What a public read's validator is made of, each from one indexed lookup: the version of every
 * thread the answer shows (moved by triggers with every change, migration 0010), and what can
 * change without a write (a thread closing by itself after LEDE_CLOSE_AFTER). Null when there is
 * no answer to validate: the route will say 404.
 */
export type Seed = unknown[] | null;

/** A thread's page: its version and whether it is closed now. A thread without a row has no comments yet. */
export async function threadSeed(db: Kysely<Database>, threadId: string, closeAfterMs: number | null, now: number): Promise<Seed> {
  const found = await db.selectFrom('threads').selectAll().where('id', '=', threadId).executeTakeFirst();
  return found ? [Number(found.version), isClosed(found, closeAfterMs, now)] : [0, false];
}

/** A comment, or the replies under it: its thread's version, if readers may see it at all. */
export async function commentSeed(db: Kysely<Database>, id: string): Promise<Seed> {
  const found = await db
    .selectFrom('comments')
    .leftJoin('threads', 'threads.id', 'comments.thread_id')
    .select(['comments.status', 'threads.version'])
    .where('comments.id', '=', id)
    .executeTakeFirst();
  return found && VISIBLE.includes(found.status) ? [Number(found.version ?? 0)] : null;
}

/** Comment counts: the version of each thread asked for, in the order asked. */
export async function countsSeed(db: Kysely<Database>, threadIds: string[]): Promise<Seed> {
  const rows = threadIds.length === 0 ? [] : await db.selectFrom('threads').select(['id', 'version']).where('id', 'in', threadIds).execute();
  const versions = new Map(rows.map((found) => [found.id, Number(found.version)]));
  return threadIds.map((id) => versions.get(id) ?? 0);
}
