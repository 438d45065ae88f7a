import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { AdminCommentContext, AdminCommentPage, AdminFilter, AdminListQuery, AuthorHistory, QueueCounts } from 'lede-protocol';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { notFound } from '../errors.js';
import { adminComments } from './admin-view.js';
import { row, type StoreContext } from './rows.js';
import type { Database } from './schema.js';

type Comments = SelectQueryBuilder<Database, 'comments', object>;
type Where = ExpressionBuilder<Database, 'comments'>;

const inQueue = (filter: AdminFilter) => (eb: Where) => {
  switch (filter) {
    case 'pending':
    case 'published':
    case 'rejected':
      return eb('status', '=', filter);
    case 'reported':
      return eb.and([eb('open_reports', '>', 0), eb('status', 'in', ['published', 'pending'])]);
    case 'all':
      return eb.lit(true);
  }
};

/** Escapes LIKE's wildcards so a search finds what was typed. */
const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** The list's filters other than the queue: thread, author, held reason, search. */
function filtered(store: StoreContext, query: Pick<AdminListQuery, 'thread' | 'author' | 'reason' | 'q'>): Comments {
  const { thread, author, reason } = query;
  const q = query.q?.trim();
  // ILIKE folds case in every script; SQLite's LIKE folds ASCII only.
  const like = store.kind === 'postgres' ? sql`ilike` : sql`like`;
  return store.db
    .selectFrom('comments')
    .$if(thread !== undefined, (qb) => qb.where('thread_id', '=', thread!))
    .$if(author !== undefined, (qb) => qb.where('author_key', '=', author!))
    .$if(reason !== undefined, (qb) => qb.where('held_reason', '=', reason!))
    .$if(Boolean(q), (qb) => qb.where(sql<boolean>`(body ${like} ${likePattern(q!)} escape '\\' or author_name ${like} ${likePattern(q!)} escape '\\')`));
}

async function countQueues(query: Comments): Promise<QueueCounts> {
  const when = (condition: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
  const counted = await query
    .select([
      when(sql`status = 'pending'`).as('pending'),
      when(sql`open_reports > 0 and status in ('published', 'pending')`).as('reported'),
      when(sql`status = 'published'`).as('published'),
      when(sql`status = 'rejected'`).as('rejected'),
      sql<number>`count(*)`.as('all'),
    ])
    .executeTakeFirstOrThrow();
  return {
    pending: Number(counted.pending),
    reported: Number(counted.reported),
    published: Number(counted.published),
    rejected: Number(counted.rejected),
    all: Number(counted.all),
  };
}

/** Every queue's size over every thread: what the live events send. */
export const queueCounts = (store: StoreContext): Promise<QueueCounts> => countQueues(filtered(store, {}));

/**
 * A page of a queue. The cursor is the (created_at, id) of the last comment in the page's
 * order, so comments arriving or leaving the queue meanwhile never shift the next page.
 */
export async function listQueue(store: StoreContext, query: AdminListQuery): Promise<AdminCommentPage> {
  const { status, order, limit, cursor } = query;
  const cursorOrder = `admin-${order}`;
  const after = cursor ? decodeCursor(cursor, cursorOrder) : null;
  const direction = order === 'newest' ? 'desc' : 'asc';
  const base = filtered(store, query);
  const rows = await base
    .selectAll()
    .where(inQueue(status))
    .$if(after !== null, (qb) =>
      qb.where(({ eb, refTuple, tuple }) => eb(refTuple('created_at', 'id'), direction === 'desc' ? '<' : '>', tuple(after!.createdAt, after!.id))),
    )
    .orderBy('created_at', direction)
    .orderBy('id', direction)
    .limit(limit + 1)
    .execute();
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  const next = rows.length > limit && last ? encodeCursor({ order: cursorOrder, createdAt: Number(last.created_at), id: last.id }) : null;
  const counts = await countQueues(base);
  return { comments: await adminComments(store.db, pageRows), next, counts, nextCursor: next, total: counts[status] };
}

/** A comment with the one it answers. */
export async function commentContext(store: StoreContext, id: string): Promise<AdminCommentContext> {
  const found = await row(store, store.db, id);
  const parent = found.parent_id ? await row(store, store.db, found.parent_id) : null;
  const [comment, parentComment] = await adminComments(store.db, parent ? [found, parent] : [found]);
  return { comment: comment!, parent: parentComment ?? null };
}

const HISTORY_SIZE = 20;

/** What an author wrote before and how it went, by the server's author key. */
export async function authorHistory(store: StoreContext, authorKey: string): Promise<AuthorHistory> {
  const statuses = await store.db
    .selectFrom('comments')
    .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
    .where('author_key', '=', authorKey)
    .groupBy('status')
    .execute();
  if (statuses.length === 0) throw notFound('Author');
  const count = (...wanted: string[]) => statuses.filter((entry) => wanted.includes(entry.status)).reduce((sum, entry) => sum + Number(entry.count), 0);
  const names = await store.db
    .selectFrom('comments')
    .select('author_name')
    .distinct()
    .where('author_key', '=', authorKey)
    .where('author_name', '!=', '')
    .orderBy('author_name')
    .execute();
  const rows = await store.db
    .selectFrom('comments')
    .selectAll()
    .where('author_key', '=', authorKey)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(HISTORY_SIZE)
    .execute();
  const standing = await store.db.selectFrom('authors').selectAll().where('author_key', '=', authorKey).executeTakeFirst();
  return {
    authorKey,
    names: names.map((entry) => entry.author_name),
    // A placeholder (`deleted`) was published, then deleted by its author or a moderator.
    counts: { published: count('published'), pending: count('pending'), rejected: count('rejected'), removed: count('removed', 'deleted') },
    trusted: standing?.trusted_at != null,
    banned: standing?.banned_at != null,
    comments: await adminComments(store.db, rows),
  };
}
