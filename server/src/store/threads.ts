import type { Selectable } from 'kysely';
import type { AuditAction, ThreadSettings } from 'lede-protocol';
import { ApiError } from '../errors.js';
import { audit } from './audit.js';
import { write, type Db, type StoreContext } from './rows.js';
import type { ThreadsTable } from './schema.js';

/**
 * Thread controls: closed (by a moderator, or LEDE_CLOSE_AFTER days after the thread opened) and
 * per-thread pre-moderation. `closeAfterMs` is that setting, null when threads never close by themselves.
 */

type ThreadRow = Selectable<ThreadsTable>;

/** What a post needs to know of its thread: it throws `thread_closed`, or says whether to hold the comment. */
export interface PostThread {
  threadId: string;
  /** The date the page gave (ms), for a thread's first post. */
  opened: number | null;
  now: number;
  closeAfterMs: number | null;
}

/** When LEDE_CLOSE_AFTER closes the thread, or null if it never will (off, or reopened by a moderator). */
function closesAt(found: Pick<ThreadRow, 'opens_at' | 'reopened_at'>, closeAfterMs: number | null): number | null {
  if (closeAfterMs === null || found.opens_at === null || found.reopened_at !== null) return null;
  return Number(found.opens_at) + closeAfterMs;
}

export function isClosed(found: Pick<ThreadRow, 'closed_at' | 'opens_at' | 'reopened_at'>, closeAfterMs: number | null, now: number): boolean {
  const auto = closesAt(found, closeAfterMs);
  return found.closed_at !== null || (auto !== null && auto <= now);
}

/** The thread's row, or what it would be: open, and opened with its first comment (if any). */
async function threadRow(db: Db, threadId: string, lock = false, kind?: StoreContext['kind']): Promise<ThreadRow> {
  const found = await db
    .selectFrom('threads')
    .selectAll()
    .where('id', '=', threadId)
    .$if(lock && kind === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (found) return found;
  const first = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.min<number | null>('created_at').as('at'))
    .where('thread_id', '=', threadId)
    .executeTakeFirst();
  const at = first?.at ?? null;
  return { id: threadId, closed_at: null, premoderate: 0, opens_at: at === null ? null : Number(at), reopened_at: null, anonymous: 1, version: 0 };
}

/** Creates the thread's row unless it exists (of concurrent first posts, one creates it), then locks and reads it. */
async function ensureRow(store: StoreContext, trx: Db, threadId: string): Promise<ThreadRow> {
  const virtual = await threadRow(trx, threadId, true, store.kind);
  await trx
    .insertInto('threads')
    .values(virtual)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return threadRow(trx, threadId, true, store.kind);
}

/**
 * Inside a post's transaction: refuses a post to a closed thread, starts the auto-close clock with
 * the thread's first post (at the page's date if it gave one), and answers whether to hold the comment.
 */
export async function admitPost(store: StoreContext, trx: Db, post: PostThread): Promise<{ premoderate: boolean; anonymous: boolean }> {
  const found = await ensureRow(store, trx, post.threadId);
  if (found.opens_at === null) {
    found.opens_at = post.opened ?? post.now;
    await trx.updateTable('threads').set({ opens_at: found.opens_at }).where('id', '=', post.threadId).execute();
  }
  if (isClosed(found, post.closeAfterMs, post.now)) throw new ApiError(403, 'thread_closed', 'Comments are closed on this thread.');
  return { premoderate: found.premoderate === 1, anonymous: found.anonymous === 1 };
}

/** Whether readers may post: what a thread's pages say as `closed`. */
export async function closed(store: StoreContext, threadId: string, closeAfterMs: number | null, now: number): Promise<boolean> {
  return isClosed(await threadRow(store.db, threadId), closeAfterMs, now);
}

/** Whether the thread takes anonymous comments, by its own setting (LEDE_ANONYMOUS is the routes'). */
export async function anonymous(store: StoreContext, threadId: string): Promise<boolean> {
  return (await threadRow(store.db, threadId)).anonymous === 1;
}

function settings(found: ThreadRow, closeAfterMs: number | null, now: number): ThreadSettings {
  const closes = closesAt(found, closeAfterMs);
  const isShut = isClosed(found, closeAfterMs, now);
  return {
    id: found.id,
    closed: isShut,
    premoderation: found.premoderate === 1,
    closesAt: isShut || closes === null ? null : new Date(closes).toISOString(),
    ...(found.anonymous === 1 ? {} : { anonymous: false }),
  };
}

export async function getSettings(store: StoreContext, threadId: string, closeAfterMs: number | null, now: number): Promise<ThreadSettings> {
  return settings(await threadRow(store.db, threadId), closeAfterMs, now);
}

/**
 * A moderator's change, audited under `actor` (one entry per setting that changed). Closing is at
 * once; reopening also stops LEDE_CLOSE_AFTER from closing the thread again.
 */
export function updateSettings(
  store: StoreContext,
  threadId: string,
  change: { closed?: boolean; premoderation?: boolean; anonymous?: boolean },
  closeAfterMs: number | null,
  { actor, now }: { actor: string; now: number },
): Promise<ThreadSettings> {
  return write(store, async (trx) => {
    const found = await ensureRow(store, trx, threadId);
    const next: Partial<ThreadRow> = {};
    const actions: AuditAction[] = [];
    const shut = isClosed(found, closeAfterMs, now);
    if (change.premoderation !== undefined && Number(change.premoderation) !== found.premoderate) {
      next.premoderate = change.premoderation ? 1 : 0;
      actions.push(change.premoderation ? 'premoderate' : 'unpremoderate');
    }
    if (change.anonymous !== undefined && Number(change.anonymous) !== found.anonymous) {
      next.anonymous = change.anonymous ? 1 : 0;
      actions.push(change.anonymous ? 'allow-anonymous' : 'require-sign-in');
    }
    if (change.closed === true && !shut) {
      next.closed_at = now;
      actions.push('close');
    }
    if (change.closed === false && shut) {
      Object.assign(next, { closed_at: null, reopened_at: now });
      actions.push('reopen');
    }
    if (actions.length > 0) await trx.updateTable('threads').set(next).where('id', '=', threadId).execute();
    for (const action of actions) await audit(trx, { actor, action, threadId }, now);
    return settings({ ...found, ...next }, closeAfterMs, now);
  });
}
