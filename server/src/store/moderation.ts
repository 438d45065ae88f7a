import type { ActionResult, AdminComment, AuditAction } from 'lede-protocol';
import { ApiError, notFound } from '../errors.js';
import { adminComments } from './admin-view.js';
import { audit } from './audit.js';
import { adjustReplyCount, requireModeratable, revisionOf, row, VISIBLE, withComment, write, type Db, type Row, type StoreContext } from './rows.js';
import { commentState, requireUnchanged, saveUndo, takeUndo, type AuthorState, type CommentState, type UndoRecord } from './undo.js';
import { restoreStanding } from './authors.js';
import { erase } from './writes.js';

export async function isApprovedAuthor(db: Db, authorKey: string): Promise<boolean> {
  const found = await db.selectFrom('approved_authors').select('author_key').where('author_key', '=', authorKey).executeTakeFirst();
  return found !== undefined;
}

/** Who acts, and when: every action is audited under this name. */
export interface Actor {
  actor: string;
  now: number;
}

/**
 * Runs one moderation action on a locked comment: `change` alters it, then the action is
 * audited and its previous state kept for undo, all in one transaction. `change` notes in
 * `before` what it changed outside the row (an approval trusting the author).
 */
function commentAction(
  store: StoreContext,
  id: string,
  action: AuditAction,
  { actor, now }: Actor,
  authorize: (found: Row) => void,
  change: (trx: Db, found: Row, before: CommentState) => Promise<void>,
  detail: string | null = null,
): Promise<ActionResult & { comment: AdminComment }> {
  return withComment(store, id, authorize, async (trx, found) => {
    const before = commentState(found);
    await change(trx, found, before);
    const changed = await row(store, trx, id);
    const undo = await saveUndo(trx, { action, commentId: id, authorKey: null, before, after: commentState(changed) }, now);
    await audit(trx, { actor, action, commentId: id, authorKey: found.author_key, threadId: found.thread_id, detail }, now);
    const [comment] = await adminComments(trx, [changed]);
    return { comment: comment!, undo };
  });
}

/**
 * Publishes a held (or rejected) comment and trusts its author from now on (`first-time`), if
 * it still is the `revision` the moderator reviewed: its author may have edited it since.
 * Approving a published comment dismisses its open reports.
 */
export function approve(store: StoreContext, id: string, revision: string | undefined, by: Actor) {
  const authorize = (found: Row) => {
    requireModeratable(found);
    if (revision !== undefined && revisionOf(found) !== revision) {
      throw new ApiError(409, 'comment_changed', 'The comment was edited after you loaded it; review it again before approving.');
    }
  };
  return commentAction(store, id, 'approve', by, authorize, async (trx, found, before) => {
    if (found.status === 'published') {
      await trx.updateTable('comments').set({ open_reports: 0 }).where('id', '=', id).execute();
      return;
    }
    before.approvedAuthor = await isApprovedAuthor(trx, found.author_key);
    await trx.updateTable('comments').set({ status: 'published', held_reason: null, open_reports: 0 }).where('id', '=', id).execute();
    if (!before.approvedAuthor) await trx.insertInto('approved_authors').values({ author_key: found.author_key, approved_at: by.now }).execute();
    if (found.parent_id) await revealParent(store, trx, found.parent_id);
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
export function reject(store: StoreContext, id: string, reason: string | null, by: Actor) {
  return commentAction(
    store,
    id,
    'reject',
    by,
    requireModeratable,
    async (trx, found) => {
      await erase(store, trx, found, 'rejected');
    },
    reason,
  );
}

/** Erases a comment (a placeholder if it has replies); the undo record keeps the text for 10 minutes. */
export function remove(store: StoreContext, id: string, by: Actor) {
  const authorize = (found: Row) => {
    if (found.status === 'removed') throw notFound();
  };
  return commentAction(store, id, 'delete', by, authorize, async (trx, found) => {
    await erase(store, trx, found, 'removed');
  });
}

/** Pins a published comment at the top of its thread, with a badge (or unpins it). */
export function feature(store: StoreContext, id: string, featured: boolean, by: Actor) {
  const authorize = (found: Row) => {
    if (featured && found.status !== 'published') throw new ApiError(409, 'not_published', 'Only a published comment can be featured.');
  };
  return commentAction(store, id, featured ? 'feature' : 'unfeature', by, authorize, async (trx, found) => {
    if (featured === (found.featured_at !== null)) return;
    await trx
      .updateTable('comments')
      .set({ featured_at: featured ? by.now : null })
      .where('id', '=', id)
      .execute();
  });
}

/**
 * Puts back what an action changed, if nothing changed it again since (`undo_stale`).
 * Answers the comment for comment actions, and which comment or author it concerned.
 */
export function undo(store: StoreContext, undoId: string, { actor, now }: Actor): Promise<{ comment?: AdminComment; commentId: string | null }> {
  return write(store, async (trx) => {
    const record = await takeUndo(trx, undoId, now);
    const target = { commentId: record.commentId, authorKey: record.authorKey, threadId: null as string | null };
    let comment: AdminComment | undefined;
    if (record.commentId) {
      const restored = await restoreComment(store, trx, record as UndoRecord<CommentState>);
      target.threadId = restored.thread_id;
      target.authorKey = restored.author_key;
      [comment] = await adminComments(trx, [restored]);
    } else {
      await restoreStanding(trx, record as UndoRecord<AuthorState>);
    }
    await audit(trx, { actor, action: 'undo', ...target, detail: record.action }, now);
    return { ...(comment ? { comment } : {}), commentId: record.commentId };
  });
}

async function restoreComment(store: StoreContext, trx: Db, { commentId, before, after }: UndoRecord<CommentState>): Promise<Row> {
  const found = await row(store, trx, commentId!, true);
  requireUnchanged(commentState(found), after);
  const { approvedAuthor, ...columns } = before;
  await trx.updateTable('comments').set(columns).where('id', '=', found.id).execute();
  const wasVisible = VISIBLE.includes(found.status);
  const isVisible = VISIBLE.includes(before.status);
  if (found.parent_id && wasVisible !== isVisible) await adjustReplyCount(trx, found.parent_id, isVisible ? +1 : -1);
  if (approvedAuthor === false) await trx.deleteFrom('approved_authors').where('author_key', '=', found.author_key).execute();
  return row(store, trx, found.id);
}
