import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AdminComment, Comment, CommentStatus, StoredStatus } from 'lede-protocol';
import { sha256 } from '../crypto.js';
import { ApiError, notFound } from '../errors.js';
import type { CommentsTable, Database } from './schema.js';

/** What every part of the comment store shares: rows, their public forms, transactions, locks. */

export type Row = Selectable<CommentsTable>;
export type Db = Kysely<Database> | Transaction<Database>;

/** What readers may see of a row; list queries fetch only these. */
export const PUBLIC_COLUMNS = [
  'id',
  'thread_id',
  'parent_id',
  'author_name',
  'body',
  'status',
  'created_at',
  'edited_at',
  'score',
  'reply_count',
  'featured_at',
  'author_id',
  'author_role',
] as const;
export type PublicRow = Pick<Row, (typeof PUBLIC_COLUMNS)[number]>;

/** Statuses readers see: published comments and the placeholders of deleted ones with replies. */
export const VISIBLE: StoredStatus[] = ['published', 'deleted'];

export interface CreatedComment {
  statusCode: 201 | 202;
  comment: Comment;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/** The database, its kind, and the check that a write now would be kept (see `OpenDatabase.checkStorage`). */
export interface StoreContext {
  db: Kysely<Database>;
  kind: 'sqlite' | 'postgres';
  checkStorage: () => void;
}

const toIso = (ms: number): string => new Date(Number(ms)).toISOString();

export function toComment(row: PublicRow): Comment {
  return {
    id: row.id,
    threadId: row.thread_id,
    parentId: row.parent_id,
    author: {
      name: row.author_name,
      ...(row.author_id === null ? {} : { id: row.author_id, verified: true as const }),
      ...(row.author_role === null ? {} : { role: row.author_role }),
    },
    body: row.body,
    createdAt: toIso(row.created_at),
    editedAt: row.edited_at === null ? null : toIso(row.edited_at),
    status: row.status as CommentStatus,
    score: Number(row.score),
    replyCount: Number(row.reply_count),
    ...(row.featured_at === null ? {} : { featured: true as const }),
  };
}

/** Changes whenever the name or text does: what a moderator's approval names. */
export const revisionOf = (row: Row): string => sha256(JSON.stringify([row.author_name, row.body]));

/** What an admin view adds to a row from other tables (see admin-view.ts). */
export interface AdminExtras {
  trusted: boolean;
  banned: boolean;
  reportReasons: AdminComment['reportReasons'];
}

const isWebAddress = (value: string): boolean => /^https?:\/\/[^\s]+$/i.test(value);

export function toAdminComment(row: Row, extras: AdminExtras): AdminComment {
  const { featured: _featured, ...comment } = toComment(row);
  return {
    ...comment,
    author: { name: row.author_name, trusted: extras.trusted, banned: extras.banned },
    status: row.status,
    heldReason: row.held_reason,
    reports: Number(row.report_count),
    reportReasons: extras.reportReasons,
    revision: revisionOf(row),
    authorKey: row.author_key,
    featured: row.featured_at !== null,
    pageUrl: row.page_url ?? (isWebAddress(row.thread_id) ? row.thread_id : null),
  };
}

/**
 * Runs a write transaction. The storage is checked before, and again after the commit: a
 * file that went away meanwhile took the commit with it, and that must not be acknowledged.
 */
export async function write<T>(store: StoreContext, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  store.checkStorage();
  const result = await store.db.transaction().execute(work);
  store.checkStorage();
  return result;
}

/** One comment row (locked for update on Postgres when `lock`), or 404. */
export async function row(store: StoreContext, db: Db, id: string, lock = false): Promise<Row> {
  const found = await db
    .selectFrom('comments')
    .selectAll()
    .where('id', '=', id)
    .$if(lock && store.kind === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!found) throw notFound();
  return found;
}

/**
 * Runs `change` on a locked comment row inside a transaction; `authorize` throws to refuse.
 * Used by every write that needs to look at a comment before changing it.
 */
export function withComment<T>(store: StoreContext, id: string, authorize: (row: Row) => void, change: (trx: Db, row: Row) => Promise<T>): Promise<T> {
  return write(store, async (trx) => {
    const locked = await row(store, trx, id, true);
    authorize(locked);
    return change(trx, locked);
  });
}

export async function adjustReplyCount(trx: Db, id: string, delta: 1 | -1): Promise<void> {
  await trx
    .updateTable('comments')
    .set((eb) => ({ reply_count: eb('reply_count', '+', delta) }))
    .where('id', '=', id)
    .execute();
}

export function requirePublished(row: Row): void {
  if (row.status === 'deleted') throw new ApiError(409, 'comment_deleted', 'This comment has been deleted.');
  if (row.status !== 'published') throw notFound();
}

export function requireModeratable(row: Row): void {
  if (row.status === 'deleted' || row.status === 'removed') {
    throw new ApiError(409, 'comment_deleted', 'This comment has been deleted.');
  }
}
