import type { Kysely, Selectable, Transaction } from 'kysely';
import { sha256 } from '../crypto.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { ApiError, notFound } from '../errors.js';
import type { AdminComment, AdminCommentPage, Comment, CommentPage, CommentStatus, HoldReason, SortOrder, StoredStatus } from 'lede-protocol';
import type { CommentsTable, Database } from './schema.js';

type Row = Selectable<CommentsTable>;

/** What readers may see of a row; list queries fetch only these. */
const PUBLIC_COLUMNS = [
  'id', 'thread_id', 'parent_id', 'author_name', 'body', 'status', 'created_at', 'edited_at', 'score', 'reply_count',
] as const;
type PublicRow = Pick<Row, (typeof PUBLIC_COLUMNS)[number]>;
type Db = Kysely<Database> | Transaction<Database>;

/** Statuses readers see: published comments and the placeholders of deleted ones with replies. */
const VISIBLE: StoredStatus[] = ['published', 'deleted'];

/** Each listed comment carries its first replies this many levels deep, this many per level. */
export const REPLY_PREVIEW = { perLevel: 3, depth: 2 } as const;

export interface NewComment {
  id: string;
  threadId: string;
  parentId: string | null;
  name: string;
  body: string;
  authorKey: string;
  heldReason: HoldReason | null;
  editTokenHash: string;
  now: number;
}

/** The idempotency record of a post: the hashed client key and a hash of what was sent. */
export interface IdempotencyClaim {
  keyHash: string;
  requestHash: string;
}

export interface CreatedComment {
  statusCode: 201 | 202;
  comment: Comment;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

export type AdminFilter = 'pending' | 'published' | 'reported' | 'all';

const toIso = (ms: number): string => new Date(Number(ms)).toISOString();

export function toComment(row: PublicRow): Comment {
  return {
    id: row.id,
    threadId: row.thread_id,
    parentId: row.parent_id,
    author: { name: row.author_name },
    body: row.body,
    createdAt: toIso(row.created_at),
    editedAt: row.edited_at === null ? null : toIso(row.edited_at),
    status: row.status as CommentStatus,
    score: Number(row.score),
    replyCount: Number(row.reply_count),
  };
}

function toAdminComment(row: Row): AdminComment {
  return { ...toComment(row), status: row.status, heldReason: row.held_reason, reports: Number(row.report_count), revision: revisionOf(row) };
}

const revisionOf = (row: Row): string => sha256(JSON.stringify([row.author_name, row.body]));

/** Every query the server makes. Values always travel as bound parameters, never in SQL text. */
export class CommentStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly kind: 'sqlite' | 'postgres',
    /** Throws when a write now would not be kept (see `OpenDatabase.checkStorage`). */
    private readonly checkStorage: () => void = () => {},
  ) {}

  /**
   * Runs a write transaction. The storage is checked before, and again after the commit: a
   * file that went away meanwhile took the commit with it, and that must not be acknowledged.
   */
  private async write<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    this.checkStorage();
    const result = await this.db.transaction().execute(work);
    this.checkStorage();
    return result;
  }

  /**
   * Stores a comment, or answers with the stored response when the idempotency key was seen.
   * Claiming the key and inserting the comment share one transaction, and the key is a
   * primary key: of concurrent duplicates one inserts, the others wait and replay.
   */
  async create(input: NewComment, claim: IdempotencyClaim | null): Promise<CreatedComment> {
    return this.write(async (trx) => {
      if (claim) {
        const earlier = await this.claimKey(trx, claim, input.id, input.now);
        if (earlier) return earlier;
      }
      if (input.parentId) await this.checkParent(trx, input.parentId, input.threadId);

      const status: StoredStatus = input.heldReason ? 'pending' : 'published';
      await trx
        .insertInto('comments')
        .values({
          id: input.id,
          thread_id: input.threadId,
          parent_id: input.parentId,
          author_name: input.name,
          author_key: input.authorKey,
          body: input.body,
          status,
          held_reason: input.heldReason,
          created_at: input.now,
          edited_at: null,
          score: 0,
          reply_count: 0,
          report_count: 0,
          edit_token_hash: input.editTokenHash,
        })
        .execute();
      if (status === 'published' && input.parentId) await this.adjustReplyCount(trx, input.parentId, +1);

      return { statusCode: status === 'published' ? 201 : 202, comment: toComment(await this.row(trx, input.id)), replayed: false };
    });
  }

  /**
   * Claims the key for `commentId`, or answers with the comment the key created before, as it
   * is now. A comment deleted or hidden since is never handed out again.
   */
  private async claimKey(trx: Db, claim: IdempotencyClaim, commentId: string, now: number): Promise<CreatedComment | null> {
    // In Postgres this insert waits for a concurrent transaction holding the same key.
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({ key_hash: claim.keyHash, request_hash: claim.requestHash, comment_id: commentId, created_at: now })
      .onConflict((oc) => oc.column('key_hash').doNothing())
      .returning('key_hash')
      .executeTakeFirst();
    if (claimed) return null;

    const earlier = await trx
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key_hash', '=', claim.keyHash)
      .executeTakeFirstOrThrow();
    const row = earlier.comment_id === null ? undefined : await trx.selectFrom('comments').selectAll().where('id', '=', earlier.comment_id).executeTakeFirst();
    if (!row || (row.status !== 'published' && row.status !== 'pending')) {
      throw new ApiError(409, 'comment_deleted', 'The comment sent with this Idempotency-Key has been deleted since.');
    }
    if (earlier.request_hash !== claim.requestHash) {
      throw new ApiError(
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different comment; send a new key for new content.',
      );
    }
    return { statusCode: row.status === 'published' ? 201 : 202, comment: toComment(row), replayed: true };
  }

  private async checkParent(trx: Db, parentId: string, threadId: string): Promise<void> {
    const parent = await trx
      .selectFrom('comments')
      .select(['thread_id', 'status'])
      .where('id', '=', parentId)
      .$if(this.kind === 'postgres', (qb) => qb.forUpdate())
      .executeTakeFirst();
    if (!parent || parent.thread_id !== threadId || !VISIBLE.includes(parent.status)) {
      throw new ApiError(422, 'invalid_parent', 'The comment you are replying to is not in this thread.', 'parentId');
    }
    if (parent.status === 'deleted') {
      throw new ApiError(409, 'parent_deleted', 'The comment you are replying to has been deleted.', 'parentId');
    }
  }

  private async adjustReplyCount(trx: Db, id: string, delta: 1 | -1): Promise<void> {
    await trx
      .updateTable('comments')
      .set((eb) => ({ reply_count: eb('reply_count', '+', delta) }))
      .where('id', '=', id)
      .execute();
  }

  private async row(db: Db, id: string, lock = false): Promise<Row> {
    const row = await db
      .selectFrom('comments')
      .selectAll()
      .where('id', '=', id)
      .$if(lock && this.kind === 'postgres', (qb) => qb.forUpdate())
      .executeTakeFirst();
    if (!row) throw notFound();
    return row;
  }

  /** A page of a thread's top-level comments, each with its first replies nested. */
  async listThread(threadId: string, order: SortOrder, limit: number, cursor: string | undefined): Promise<CommentPage> {
    const after = cursor ? decodeCursor(cursor, order) : null;
    let query = this.db
      .selectFrom('comments')
      .select(PUBLIC_COLUMNS)
      .where('thread_id', '=', threadId)
      .where('parent_id', 'is', null)
      .where('status', 'in', VISIBLE);
    if (order === 'top') {
      if (after) {
        query = query.where(({ eb, refTuple, tuple }) =>
          eb(refTuple('score', 'created_at', 'id'), '<', tuple(after.score ?? 0, after.createdAt, after.id)),
        );
      }
      query = query.orderBy('score', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc');
    } else {
      const direction = order === 'newest' ? 'desc' : 'asc';
      if (after) {
        query = query.where(({ eb, refTuple, tuple }) =>
          eb(refTuple('created_at', 'id'), direction === 'desc' ? '<' : '>', tuple(after.createdAt, after.id)),
        );
      }
      query = query.orderBy('created_at', direction).orderBy('id', direction);
    }
    const rows = await query.limit(limit + 1).execute();
    const page = await this.finishPage(rows, limit, order);
    return { ...page, total: await this.countPublished(threadId) };
  }

  /** A page of the direct replies to a comment, oldest first, each with its own first replies. */
  async listReplies(parentId: string, limit: number, cursor: string | undefined): Promise<CommentPage> {
    const parent = await this.row(this.db, parentId);
    if (!VISIBLE.includes(parent.status)) throw notFound();
    const after = cursor ? decodeCursor(cursor, 'replies') : null;
    const rows = await this.db
      .selectFrom('comments')
      .select(PUBLIC_COLUMNS)
      .where('parent_id', '=', parentId)
      .where('status', 'in', VISIBLE)
      .$if(after !== null, (qb) =>
        qb.where(({ eb, refTuple, tuple }) => eb(refTuple('created_at', 'id'), '>', tuple(after!.createdAt, after!.id))),
      )
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .limit(limit + 1)
      .execute();
    const page = await this.finishPage(rows, limit, 'replies');
    return { ...page, total: Number(parent.reply_count) };
  }

  private async finishPage(rows: PublicRow[], limit: number, order: string): Promise<Omit<CommentPage, 'total'>> {
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
    const comments = pageRows.map(toComment);
    await this.attachReplies(comments, REPLY_PREVIEW.depth);
    return { comments, nextCursor };
  }

  /** Nests the first replies under each comment, one query per level. */
  private async attachReplies(parents: Comment[], levels: number): Promise<void> {
    if (levels === 0) return;
    const withReplies = parents.filter((parent) => parent.replyCount > 0);
    if (withReplies.length === 0) return;
    const rows = await this.db
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
          .where('parent_id', 'in', withReplies.map((parent) => parent.id))
          .where('status', 'in', VISIBLE)
          .as('ranked'),
      )
      .select(PUBLIC_COLUMNS)
      .where('position', '<=', REPLY_PREVIEW.perLevel)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    const byParent = new Map<string, Comment[]>();
    const children = rows.map((row) => {
      const child = toComment(row);
      byParent.set(child.parentId!, [...(byParent.get(child.parentId!) ?? []), child]);
      return child;
    });
    for (const parent of withReplies) parent.replies = byParent.get(parent.id) ?? [];
    await this.attachReplies(children, levels - 1);
  }

  /** Published comments of a thread at every depth: the number a "42 comments" link shows. */
  async countPublished(threadId: string): Promise<number> {
    const counts = await this.counts([threadId]);
    return Object.hasOwn(counts, threadId) ? counts[threadId]! : 0;
  }

  async counts(threadIds: string[]): Promise<Record<string, number>> {
    // A Map, not an object: thread ids come from clients and may be "__proto__".
    const counts = new Map(threadIds.map((id) => [id, 0]));
    if (threadIds.length === 0) return {};
    const rows = await this.db
      .selectFrom('comments')
      .select((eb) => ['thread_id', eb.fn.countAll<number>().as('count')])
      .where('thread_id', 'in', threadIds)
      .where('status', '=', 'published')
      .groupBy('thread_id')
      .execute();
    for (const row of rows) counts.set(row.thread_id, Number(row.count));
    return Object.fromEntries(counts);
  }

  /** A visible comment, or a pending one for whoever holds its edit token. */
  async get(id: string, canSeeHidden: (row: Row) => boolean): Promise<Comment> {
    const row = await this.row(this.db, id);
    if (!VISIBLE.includes(row.status) && !(row.status === 'pending' && canSeeHidden(row))) throw notFound();
    return toComment(row);
  }

  /**
   * Runs `change` on a locked comment row inside a transaction; `authorize` throws to refuse.
   * Used by every write that needs to look at a comment before changing it.
   */
  private async withComment<T>(id: string, authorize: (row: Row) => void, change: (trx: Db, row: Row) => Promise<T>): Promise<T> {
    return this.write(async (trx) => {
      const row = await this.row(trx, id, true);
      authorize(row);
      return change(trx, row);
    });
  }

  async edit(id: string, authorize: (row: Row) => void, body: string, now: number): Promise<Comment> {
    return this.withComment(id, authorize, async (trx) => {
      await trx.updateTable('comments').set({ body, edited_at: now }).where('id', '=', id).execute();
      return toComment(await this.row(trx, id));
    });
  }

  /**
   * Deletes as readers see it: a comment with visible replies stays as an anonymous
   * placeholder (`deleted`), any other disappears (`removed`). Name and text are erased.
   */
  async remove(id: string, authorize: (row: Row) => void): Promise<void> {
    await this.withComment(id, authorize, (trx, row) => this.erase(trx, row, 'removed'));
  }

  private async erase(trx: Db, row: Row, hiddenStatus: 'removed' | 'rejected'): Promise<Row> {
    const status: StoredStatus = Number(row.reply_count) > 0 ? 'deleted' : hiddenStatus;
    const keepText = status === 'rejected';
    await trx
      .updateTable('comments')
      .set({ status, ...(keepText ? {} : { body: '', author_name: '' }) })
      .where('id', '=', row.id)
      .execute();
    // The key's record keeps refusing late retries, but no longer anything to confirm the text by.
    if (!keepText) await trx.updateTable('idempotency_keys').set({ request_hash: '' }).where('comment_id', '=', row.id).execute();
    const wasVisible = VISIBLE.includes(row.status);
    if (wasVisible && !VISIBLE.includes(status) && row.parent_id) await this.adjustReplyCount(trx, row.parent_id, -1);
    return this.row(trx, row.id);
  }

  /** Records or changes one voter's vote (0 withdraws it) and recounts the score. */
  async vote(id: string, voterKey: string, value: -1 | 0 | 1, now: number): Promise<{ score: number; vote: number }> {
    return this.withComment(id, requirePublished, async (trx) => {
      if (value === 0) {
        await trx.deleteFrom('votes').where('comment_id', '=', id).where('voter_key', '=', voterKey).execute();
      } else {
        await trx
          .insertInto('votes')
          .values({ comment_id: id, voter_key: voterKey, value, created_at: now })
          .onConflict((oc) => oc.columns(['comment_id', 'voter_key']).doUpdateSet({ value, created_at: now }))
          .execute();
      }
      const { score } = await trx
        .selectFrom('votes')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('value'), eb.lit(0)).as('score'))
        .where('comment_id', '=', id)
        .executeTakeFirstOrThrow();
      await trx.updateTable('comments').set({ score: Number(score) }).where('id', '=', id).execute();
      return { score: Number(score), vote: value };
    });
  }

  /** Records a report; a reporter counts once per comment. */
  async report(id: string, reporterKey: string, reason: string, now: number): Promise<void> {
    await this.withComment(id, requirePublished, async (trx) => {
      const added = await trx
        .insertInto('reports')
        .values({ comment_id: id, reporter_key: reporterKey, reason, created_at: now })
        .onConflict((oc) => oc.columns(['comment_id', 'reporter_key']).doNothing())
        .returning('comment_id')
        .executeTakeFirst();
      if (added) {
        await trx
          .updateTable('comments')
          .set((eb) => ({ report_count: eb('report_count', '+', 1) }))
          .where('id', '=', id)
          .execute();
      }
    });
  }

  async isApprovedAuthor(authorKey: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('approved_authors')
      .select('author_key')
      .where('author_key', '=', authorKey)
      .executeTakeFirst();
    return row !== undefined;
  }

  async adminList(filter: AdminFilter, threadId: string | undefined, limit: number, cursor: string | undefined): Promise<AdminCommentPage> {
    const after = cursor ? decodeCursor(cursor, 'admin') : null;
    let query = this.db.selectFrom('comments');
    if (filter === 'pending' || filter === 'published') query = query.where('status', '=', filter);
    if (filter === 'reported') query = query.where('report_count', '>', 0).where('status', 'in', ['published', 'pending']);
    if (threadId !== undefined) query = query.where('thread_id', '=', threadId);
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await query
      .selectAll()
      .$if(after !== null, (qb) =>
        qb.where(({ eb, refTuple, tuple }) => eb(refTuple('created_at', 'id'), '<', tuple(after!.createdAt, after!.id))),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const pageRows = rows.slice(0, limit);
    const last = pageRows.at(-1);
    return {
      comments: pageRows.map(toAdminComment),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ order: 'admin', createdAt: Number(last.created_at), id: last.id }) : null,
      total: Number(total),
    };
  }

  /**
   * Publishes a held (or rejected) comment and trusts its author from now on, if it still is
   * the `revision` the moderator reviewed: its author may have edited it since.
   */
  async approve(id: string, revision: string, now: number): Promise<AdminComment> {
    const authorize = (row: Row) => {
      requireModeratable(row);
      if (revisionOf(row) !== revision) {
        throw new ApiError(409, 'comment_changed', 'The comment was edited after you loaded it; review it again before approving.');
      }
    };
    return this.withComment(id, authorize, async (trx, row) => {
      if (row.status === 'published') return toAdminComment(row);
      await trx.updateTable('comments').set({ status: 'published', held_reason: null }).where('id', '=', id).execute();
      await trx
        .insertInto('approved_authors')
        .values({ author_key: row.author_key, approved_at: now })
        .onConflict((oc) => oc.column('author_key').doNothing())
        .execute();
      if (row.parent_id) await this.revealParent(trx, row.parent_id);
      return toAdminComment(await this.row(trx, id));
    });
  }

  /**
   * Counts a newly visible reply on its parent. A parent that was removed or rejected while
   * the reply waited comes back as a placeholder, and so on up the chain.
   */
  private async revealParent(trx: Db, parentId: string): Promise<void> {
    const parent = await this.row(trx, parentId, true);
    await this.adjustReplyCount(trx, parentId, +1);
    if (VISIBLE.includes(parent.status)) return;
    await trx
      .updateTable('comments')
      .set({ status: 'deleted', body: '', author_name: '' })
      .where('id', '=', parentId)
      .execute();
    if (parent.parent_id) await this.revealParent(trx, parent.parent_id);
  }

  /** Hides a comment but keeps its text for the record; with replies it becomes a placeholder. */
  async reject(id: string): Promise<AdminComment> {
    return this.withComment(id, requireModeratable, async (trx, row) => toAdminComment(await this.erase(trx, row, 'rejected')));
  }

  /** Erases a comment for good (a placeholder if it has replies). */
  async adminRemove(id: string): Promise<void> {
    await this.withComment(id, (row) => {
      if (row.status === 'removed') throw notFound();
    }, (trx, row) => this.erase(trx, row, 'removed'));
  }

  /** Drops idempotency records and rate-limit windows nobody can use any more. */
  async purgeExpired(now: number, idempotencyTtlMs: number): Promise<void> {
    await this.db.deleteFrom('idempotency_keys').where('created_at', '<', now - idempotencyTtlMs).execute();
    await this.db.deleteFrom('rate_limits').where('reset_at', '<', now).execute();
  }

  /** The secret for keyed hashes: from the environment, or generated once per database. */
  async secret(): Promise<string> {
    const row = await this.db.selectFrom('meta').select('value').where('name', '=', 'secret').executeTakeFirstOrThrow();
    return row.value;
  }
}

function requirePublished(row: Row): void {
  if (row.status === 'deleted') throw new ApiError(409, 'comment_deleted', 'This comment has been deleted.');
  if (row.status !== 'published') throw notFound();
}

function requireModeratable(row: Row): void {
  if (row.status === 'deleted' || row.status === 'removed') {
    throw new ApiError(409, 'comment_deleted', 'This comment has been deleted.');
  }
}
