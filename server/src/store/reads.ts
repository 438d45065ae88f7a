import type { Comment, CommentPage, SortOrder, StoredStatus } from 'lede-protocol';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { notFound } from '../errors.js';
import { PUBLIC_COLUMNS, row, toComment, VISIBLE, type PublicRow, type Row, type StoreContext } from './rows.js';

/** What a reader signed in as a moderator sees besides: comments waiting for review. */
const WITH_PENDING: StoredStatus[] = [...VISIBLE, 'pending'];

/** Each listed comment carries its first replies this many levels deep, this many per level. */
export const REPLY_PREVIEW = { perLevel: 3, depth: 2 } as const;

/**
 * A page of a thread's top-level comments, each with its first replies nested. Featured
 * comments come first on the first page (newest featured first), before `limit` others, and
 * never again on later pages. `withPending`: a moderator's list, held comments included.
 */
export async function listThread(
  store: StoreContext,
  threadId: string,
  order: SortOrder,
  limit: number,
  cursor: string | undefined,
  withPending = false,
): Promise<CommentPage> {
  const after = cursor ? decodeCursor(cursor, order) : null;
  const shown = withPending ? WITH_PENDING : VISIBLE;
  const topLevel = store.db
    .selectFrom('comments')
    .select(PUBLIC_COLUMNS)
    .where('thread_id', '=', threadId)
    .where('parent_id', 'is', null)
    .where('status', 'in', shown);
  const featured = after ? [] : await topLevel.where('featured_at', 'is not', null).orderBy('featured_at', 'desc').orderBy('id', 'desc').execute();
  let query = topLevel.where('featured_at', 'is', null);
  if (order === 'top') {
    if (after) {
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('score', 'created_at', 'id'), '<', tuple(after.score ?? 0, after.createdAt, after.id)));
    }
    query = query.orderBy('score', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc');
  } else {
    const direction = order === 'newest' ? 'desc' : 'asc';
    if (after) {
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('created_at', 'id'), direction === 'desc' ? '<' : '>', tuple(after.createdAt, after.id)));
    }
    query = query.orderBy('created_at', direction).orderBy('id', direction);
  }
  const rows = await query.limit(limit + 1).execute();
  const page = await finishPage(store, rows, limit, order, shown, featured);
  return { ...page, total: await countPublished(store, threadId) };
}

/** A page of the direct replies to a comment, oldest first, each with its own first replies. */
export async function listReplies(store: StoreContext, parentId: string, limit: number, cursor: string | undefined, withPending = false): Promise<CommentPage> {
  const shown = withPending ? WITH_PENDING : VISIBLE;
  const parent = await row(store, store.db, parentId);
  if (!shown.includes(parent.status)) throw notFound();
  const after = cursor ? decodeCursor(cursor, 'replies') : null;
  const rows = await store.db
    .selectFrom('comments')
    .select(PUBLIC_COLUMNS)
    .where('parent_id', '=', parentId)
    .where('status', 'in', shown)
    .$if(after !== null, (qb) => qb.where(({ eb, refTuple, tuple }) => eb(refTuple('created_at', 'id'), '>', tuple(after!.createdAt, after!.id))))
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .limit(limit + 1)
    .execute();
  const page = await finishPage(store, rows, limit, 'replies', shown);
  return { ...page, total: Number(parent.reply_count) };
}

async function finishPage(
  store: StoreContext,
  rows: PublicRow[],
  limit: number,
  order: string,
  shown: StoredStatus[],
  pinned: PublicRow[] = [],
): Promise<Omit<CommentPage, 'total'>> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({
          order,
          createdAt: Number(last.created_at),
          id: last.id,
          ...(order === 'top' ? { score: Number(last.score) } : {}),
        })
      : null;
  const comments = [...pinned, ...pageRows].map(toComment);
  await attachReplies(store, comments, REPLY_PREVIEW.depth, shown);
  return { comments, nextCursor };
}

/** Nests the first replies under each comment, one query per level. */
async function attachReplies(store: StoreContext, parents: Comment[], levels: number, shown: StoredStatus[]): Promise<void> {
  if (levels === 0) return;
  // replyCount counts visible replies only: a moderator's list asks every parent for held ones.
  const withReplies = shown === VISIBLE ? parents.filter((parent) => parent.replyCount > 0) : parents;
  if (withReplies.length === 0) return;
  const rows = await store.db
    .selectFrom((qb) =>
      qb
        .selectFrom('comments')
        .select(PUBLIC_COLUMNS)
        .select((eb) =>
          eb.fn
            .agg<number>('row_number')
            .over((over) => over.partitionBy('parent_id').orderBy('created_at', 'asc').orderBy('id', 'asc'))
            .as('position'),
        )
        .where(
          'parent_id',
          'in',
          withReplies.map((parent) => parent.id),
        )
        .where('status', 'in', shown)
        .as('ranked'),
    )
    .select(PUBLIC_COLUMNS)
    .where('position', '<=', REPLY_PREVIEW.perLevel)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  const byParent = new Map<string, Comment[]>();
  const children = rows.map((child) => {
    const comment = toComment(child);
    byParent.set(comment.parentId!, [...(byParent.get(comment.parentId!) ?? []), comment]);
    return comment;
  });
  for (const parent of withReplies) parent.replies = byParent.get(parent.id) ?? [];
  await attachReplies(store, children, levels - 1, shown);
}

/** Published comments of a thread at every depth: the number a "42 comments" link shows. */
async function countPublished(store: StoreContext, threadId: string): Promise<number> {
  const found = await counts(store, [threadId]);
  return Object.hasOwn(found, threadId) ? found[threadId]! : 0;
}

export async function counts(store: StoreContext, threadIds: string[]): Promise<Record<string, number>> {
  // A Map, not an object: thread ids come from clients and may be "__proto__".
  const byThread = new Map(threadIds.map((id) => [id, 0]));
  if (threadIds.length === 0) return {};
  const rows = await store.db
    .selectFrom('comments')
    .select((eb) => ['thread_id', eb.fn.countAll<number>().as('count')])
    .where('thread_id', 'in', threadIds)
    .where('status', '=', 'published')
    .groupBy('thread_id')
    .execute();
  for (const found of rows) byThread.set(found.thread_id, Number(found.count));
  return Object.fromEntries(byThread);
}

/** A visible comment, or a pending one for whoever holds its edit token. */
export async function get(store: StoreContext, id: string, canSeeHidden: (row: Row) => boolean): Promise<Comment> {
  const found = await row(store, store.db, id);
  if (!VISIBLE.includes(found.status) && !(found.status === 'pending' && canSeeHidden(found))) throw notFound();
  return toComment(found);
}
