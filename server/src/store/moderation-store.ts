import type {
  ActionResult,
  AdminComment,
  AdminCommentContext,
  AdminCommentPage,
  AdminListQuery,
  AuditPage,
  AuditQuery,
  AuthorHistory,
  QueueCounts,
} from 'lede-protocol';
import { adminComment } from './admin-view.js';
import { listAudit } from './audit.js';
import { changeStanding, type StandingAction } from './authors.js';
import * as moderation from './moderation.js';
import type { Actor } from './moderation.js';
import { authorHistory, commentContext, listQueue, queueCounts } from './queue.js';
import type { StoreContext } from './rows.js';

type CommentResult = Promise<ActionResult & { comment: AdminComment }>;

/**
 * What moderators read and do, by concern: queue.ts (queues, context, author history),
 * moderation.ts (comment actions and undo), authors.ts (trust, ban), audit.ts. Every action
 * is audited and undoable in the transaction that makes it.
 */
export class ModerationStore {
  constructor(private readonly store: StoreContext) {}

  list(query: AdminListQuery): Promise<AdminCommentPage> {
    return listQueue(this.store, query);
  }

  counts(): Promise<QueueCounts> {
    return queueCounts(this.store);
  }

  comment(id: string): Promise<AdminComment> {
    return adminComment(this.store, this.store.db, id);
  }

  context(id: string): Promise<AdminCommentContext> {
    return commentContext(this.store, id);
  }

  author(authorKey: string): Promise<AuthorHistory> {
    return authorHistory(this.store, authorKey);
  }

  audit(query: AuditQuery): Promise<AuditPage> {
    return listAudit(this.store, query);
  }

  /** Without a `revision` (a bulk approval that names none), whatever the comment says now. */
  approve(id: string, revision: string | undefined, by: Actor): CommentResult {
    return moderation.approve(this.store, id, revision, by);
  }

  reject(id: string, reason: string | null, by: Actor): CommentResult {
    return moderation.reject(this.store, id, reason, by);
  }

  remove(id: string, by: Actor): CommentResult {
    return moderation.remove(this.store, id, by);
  }

  feature(id: string, featured: boolean, by: Actor): CommentResult {
    return moderation.feature(this.store, id, featured, by);
  }

  standing(authorKey: string, action: StandingAction, by: Actor): Promise<ActionResult> {
    return changeStanding(this.store, authorKey, action, by);
  }

  undo(undoId: string, by: Actor): Promise<{ comment?: AdminComment; commentId: string | null }> {
    return moderation.undo(this.store, undoId, by);
  }
}
