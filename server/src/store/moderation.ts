import type { AdminComment, AdminCommentPage, AdminFilter } from 'lede-protocol';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { ApiError, notFound } from '../errors.js';
import { adjustReplyCount, requireModeratable, revisionOf, row, toAdminComment, VISIBLE, withComment, type Db, type Row, type StoreContext } from './rows.js';
import { erase } from './writes.js';

export async function isApprovedAuthor(store: StoreContext, authorKey: string): Promise<boolean> {
  const found = await store.db.selectFrom('approved_authors').select('author_key').where('author_key', '=', authorKey).executeTakeFirst();
  return found !== undefined;
}

/** Comments as moderators see them, newest first. */
export async function adminList(
  store: StoreContext,
  filter: AdminFilter,
  threadId: string | undefined,
  limit: number,
  cursor: string | undefined,
): Promise<AdminCommentPage> {
  const after = cursor ? decodeCursor(cursor, 'admin') : null;
  let query = store.db.selectFrom('comments');
  if (filter === 'pending' || filter === 'published') query = query.where('status', '=', filter);
  if (filter === 'reported') query = query.where('report_count', '>', 0).where('status', 'in', ['published', 'pending']);
  if (threadId !== undefined) query = query.where('thread_id', '=', threadId);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .$if(after !== null, (qb) => qb.where(({ eb, refTuple, tuple }) => eb(refTuple('created_at', 'id'), '<', tuple(after!.createdAt, after!.id))))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    comments: pageRows.map(toAdminComment),
    nextCursor: rows.length > limit && last ? encodeCursor({ order: 'admin', createdAt: Number(last.created_at), id: last.id }) : null,
    total: Number(total),
  };
}

/**
 * Publishes a held (or rejected) comment and trusts its author from now on, if it still is
 * the `revision` the moderator reviewed: its author may have edited it since.
 */
export function approve(store: StoreContext, id: string, revision: string, now: number): Promise<AdminComment> {
  const authorize = (found: Row) => {
    requireModeratable(found);
    if (revisionOf(found) !== revision) {
      throw new ApiError(409, 'comment_changed', 'The comment was edited after you loaded it; review it again before approving.');
    }
  };
  return withComment(store, id, authorize, async (trx, found) => {
    if (found.status === 'published') return toAdminComment(found);
    await trx.updateTable('comments').set({ status: 'published', held_reason: null }).where('id', '=', id).execute();
    await trx
      .insertInto('approved_authors')
      .values({ author_key: found.author_key, approved_at: now })
      .onConflict((oc) => oc.column('author_key').doNothing())
      .execute();
    if (found.parent_id) await revealParent(store, trx, found.parent_id);
    return toAdminComment(await row(store, trx, id));
  });
}

/**
 * Counts a newly visible reply on its parent. A parent that was removed or rejected while
 * the reply waited comes back as a placeholder, and so on up the chain.
 */
async function revealParent(store: StoreContext, trx: Db, parentId: string): Promise<void> {
  const parent = await row(store, trx, parentId, true);
  await adjustReplyCount(trx, parentId, +1);
  if (VISIBLE.includes(parent.status)) return;
  await trx.updateTable('comments').set({ status: 'deleted', body: '', author_name: '' }).where('id', '=', parentId).execute();
  if (parent.parent_id) await revealParent(store, trx, parent.parent_id);
}

/** Hides a comment but keeps its text for the record; with replies it becomes a placeholder. */
export function reject(store: StoreContext, id: string): Promise<AdminComment> {
  return withComment(store, id, requireModeratable, async (trx, found) => toAdminComment(await erase(store, trx, found, 'rejected')));
}

/** Erases a comment for good (a placeholder if it has replies). */
export async function adminRemove(store: StoreContext, id: string): Promise<void> {
  await withComment(
    store,
    id,
    (found) => {
      if (found.status === 'removed') throw notFound();
    },
    (trx, found) => erase(store, trx, found, 'removed'),
  );
}
