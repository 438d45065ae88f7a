import type { AuditAction, AuditEntry, AuditPage, AuditQuery } from 'lede-protocol';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { Db, StoreContext } from './rows.js';

export interface AuditInput {
  actor: string;
  action: AuditAction;
  commentId?: string | null;
  authorKey?: string | null;
  threadId?: string | null;
  detail?: string | null;
}

/** Writes one audit entry, inside the transaction of the action it records. */
export async function audit(trx: Db, entry: AuditInput, now: number): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: now,
      actor: entry.actor,
      action: entry.action,
      comment_id: entry.commentId ?? null,
      author_key: entry.authorKey ?? null,
      thread_id: entry.threadId ?? null,
      detail: entry.detail ?? null,
    })
    .execute();
}

/** The audit log, newest first, optionally about one comment. */
export async function listAudit(store: StoreContext, { comment, limit, cursor }: AuditQuery): Promise<AuditPage> {
  const after = cursor ? decodeCursor(cursor, 'audit') : null;
  const rows = await store.db
    .selectFrom('audit_log')
    .selectAll()
    .$if(comment !== undefined, (qb) => qb.where('comment_id', '=', comment!))
    .$if(after !== null, (qb) => qb.where('seq', '<', after!.createdAt))
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const entries: AuditEntry[] = page.map((entry) => ({
    id: String(entry.seq),
    at: new Date(Number(entry.at)).toISOString(),
    actor: entry.actor,
    action: entry.action as AuditAction,
    commentId: entry.comment_id,
    authorKey: entry.author_key,
    threadId: entry.thread_id,
    detail: entry.detail,
  }));
  // The position is the last entry's sequence number.
  return { entries, next: rows.length > limit && last ? encodeCursor({ order: 'audit', createdAt: Number(last.seq), id: '' }) : null };
}
