import { randomToken } from '../crypto.js';
import { ApiError } from '../errors.js';
import type { Db, Row } from './rows.js';

/** How long an action can be undone. */
export const UNDO_MS = 10 * 60_000;

/** What a comment action may change, and so what its undo puts back. */
export type CommentState = Pick<Row, 'status' | 'body' | 'author_name' | 'held_reason' | 'featured_at' | 'open_reports'> & {
  /** Whether the author was approved (`first-time`) before; only approvals record it. */
  approvedAuthor?: boolean;
};

export const commentState = (found: Row): CommentState => ({
  status: found.status,
  body: found.body,
  author_name: found.author_name,
  held_reason: found.held_reason,
  featured_at: found.featured_at === null ? null : Number(found.featured_at),
  open_reports: Number(found.open_reports),
});

/** An author's standing: what trust and ban actions change. */
export interface AuthorState {
  trusted_at: number | null;
  banned_at: number | null;
}

export interface UndoRecord<State> {
  action: string;
  commentId: string | null;
  authorKey: string | null;
  before: State;
  after: State;
}

/**
 * Keeps what an action changed for `UNDO_MS`; answers the undo id. A deletion's record holds
 * the erased name and text until then (purgeExpired drops it after).
 */
export async function saveUndo<State>(trx: Db, record: UndoRecord<State>, now: number): Promise<string> {
  const id = randomToken(12);
  await trx
    .insertInto('undo_actions')
    .values({
      id,
      action: record.action,
      comment_id: record.commentId,
      author_key: record.authorKey,
      before: JSON.stringify(record.before),
      after: JSON.stringify(record.after),
      expires_at: now + UNDO_MS,
    })
    .execute();
  return id;
}

/** Takes an undo record (it works once): 404 if unknown or used, 410 once expired. */
export async function takeUndo(trx: Db, id: string, now: number): Promise<UndoRecord<unknown>> {
  const found = await trx.deleteFrom('undo_actions').where('id', '=', id).returningAll().executeTakeFirst();
  if (!found) throw new ApiError(404, 'not_found', 'Nothing to undo: it was undone already, or never happened.');
  if (Number(found.expires_at) < now) throw new ApiError(410, 'undo_expired', 'This can no longer be undone: undo works for 10 minutes.');
  return { action: found.action, commentId: found.comment_id, authorKey: found.author_key, before: JSON.parse(found.before), after: JSON.parse(found.after) };
}

/** Refuses an undo when something else changed the comment or author since the action. */
export function requireUnchanged(current: object, after: object): void {
  const same = Object.entries(after).every(([key, value]) => key === 'approvedAuthor' || (current as Record<string, unknown>)[key] === value);
  if (!same) throw new ApiError(409, 'undo_stale', 'This was changed again since; undo the later change first, or act anew.');
}
