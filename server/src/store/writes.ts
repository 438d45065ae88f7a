import type { Comment, HoldReason, StaffRole, StoredStatus } from 'lede-protocol';
import { ApiError, signInRequired } from '../errors.js';
import { claimKey, forgetRequest, type IdempotencyClaim } from './idempotency.js';
import {
  adjustReplyCount,
  requirePublished,
  row,
  toComment,
  VISIBLE,
  withComment,
  write,
  type CreatedComment,
  type Db,
  type Row,
  type StoreContext,
} from './rows.js';
import { admitPost } from './threads.js';

export interface NewComment {
  id: string;
  threadId: string;
  parentId: string | null;
  name: string;
  body: string;
  authorKey: string;
  heldReason: HoldReason | null;
  /** A trusted author: a pre-moderated thread publishes their comments too. */
  trusted: boolean;
  editTokenHash: string;
  /** A reader signed in with the site's login; null for an anonymous comment. */
  signedIn: { id: string; role: StaffRole | null } | null;
  /** The page it was posted from, already checked against the allowed origins. */
  pageUrl: string | null;
  now: number;
  /** The date the page gave for its thread (ms): the first post's starts the auto-close clock. */
  opened: number | null;
  /** LEDE_CLOSE_AFTER, null when off. */
  closeAfterMs: number | null;
}

/**
 * Stores a comment, or answers with the stored response when the idempotency key was seen.
 * Claiming the key and inserting the comment share one transaction, and the key is a
 * primary key: of concurrent duplicates one inserts, the others wait and replay.
 */
export function create(store: StoreContext, input: NewComment, claim: IdempotencyClaim | null): Promise<CreatedComment> {
  return write(store, async (trx) => {
    if (claim) {
      const earlier = await claimKey(trx, claim, input.id, input.now);
      if (earlier) return earlier;
    }
    const thread = await admitPost(store, trx, input);
    if (!thread.anonymous && !input.signedIn) throw signInRequired();
    if (input.parentId) await checkParent(store, trx, input.parentId, input.threadId);

    // A pre-moderated thread holds every comment (but a trusted author's), as LEDE_MODERATION=all holds every thread's.
    const heldReason = input.heldReason ?? (thread.premoderate && !input.trusted ? 'moderation-all' : null);
    const status: StoredStatus = heldReason ? 'pending' : 'published';
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
        held_reason: heldReason,
        created_at: input.now,
        edited_at: null,
        score: 0,
        reply_count: 0,
        report_count: 0,
        edit_token_hash: input.editTokenHash,
        featured_at: null,
        open_reports: 0,
        page_url: input.pageUrl,
        author_id: input.signedIn?.id ?? null,
        author_role: input.signedIn?.role ?? null,
      })
      .execute();
    if (status === 'published' && input.parentId) await adjustReplyCount(trx, input.parentId, +1);

    return { statusCode: status === 'published' ? 201 : 202, comment: toComment(await row(store, trx, input.id)), replayed: false };
  });
}

async function checkParent(store: StoreContext, trx: Db, parentId: string, threadId: string): Promise<void> {
  const parent = await trx
    .selectFrom('comments')
    .select(['thread_id', 'status'])
    .where('id', '=', parentId)
    .$if(store.kind === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!parent || parent.thread_id !== threadId || !VISIBLE.includes(parent.status)) {
    throw new ApiError(422, 'invalid_parent', 'The comment you are replying to is not in this thread.', 'parentId');
  }
  if (parent.status === 'deleted') {
    throw new ApiError(409, 'parent_deleted', 'The comment you are replying to has been deleted.', 'parentId');
  }
}

export function edit(store: StoreContext, id: string, authorize: (row: Row) => void, body: string, now: number): Promise<Comment> {
  return withComment(store, id, authorize, async (trx) => {
    await trx.updateTable('comments').set({ body, edited_at: now }).where('id', '=', id).execute();
    return toComment(await row(store, trx, id));
  });
}

/**
 * Deletes as readers see it: a comment with visible replies stays as an anonymous
 * placeholder (`deleted`), any other disappears (`removed`). Name and text are erased.
 */
export async function remove(store: StoreContext, id: string, authorize: (row: Row) => void): Promise<void> {
  await withComment(store, id, authorize, (trx, found) => erase(store, trx, found, 'removed'));
}

/** Hides a comment (and unpins it); with replies it stays as a placeholder. Only a rejection keeps the text, for the record. */
export async function erase(store: StoreContext, trx: Db, found: Row, hiddenStatus: 'removed' | 'rejected'): Promise<Row> {
  const status: StoredStatus = Number(found.reply_count) > 0 ? 'deleted' : hiddenStatus;
  const keepText = status === 'rejected';
  await trx
    .updateTable('comments')
    .set({ status, featured_at: null, ...(keepText ? {} : { body: '', author_name: '', author_id: null, author_role: null }) })
    .where('id', '=', found.id)
    .execute();
  if (!keepText) await forgetRequest(trx, found.id);
  const wasVisible = VISIBLE.includes(found.status);
  if (wasVisible && !VISIBLE.includes(status) && found.parent_id) await adjustReplyCount(trx, found.parent_id, -1);
  return row(store, trx, found.id);
}

/** Records or changes one voter's vote (0 withdraws it) and recounts the score. */
export function vote(store: StoreContext, id: string, voterKey: string, value: -1 | 0 | 1, now: number): Promise<{ score: number; vote: number }> {
  return withComment(store, id, requirePublished, async (trx) => {
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
    await trx
      .updateTable('comments')
      .set({ score: Number(score) })
      .where('id', '=', id)
      .execute();
    return { score: Number(score), vote: value };
  });
}

/** Records a report; a reporter counts once per comment. */
export async function report(store: StoreContext, id: string, reporterKey: string, reason: string, now: number): Promise<void> {
  await withComment(store, id, requirePublished, async (trx) => {
    const added = await trx
      .insertInto('reports')
      .values({ comment_id: id, reporter_key: reporterKey, reason, created_at: now })
      .onConflict((oc) => oc.columns(['comment_id', 'reporter_key']).doNothing())
      .returning('comment_id')
      .executeTakeFirst();
    if (added) {
      await trx
        .updateTable('comments')
        .set((eb) => ({ report_count: eb('report_count', '+', 1), open_reports: eb('open_reports', '+', 1) }))
        .where('id', '=', id)
        .execute();
    }
  });
}
