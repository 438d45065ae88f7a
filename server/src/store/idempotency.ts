import type { Kysely } from 'kysely';
import { ApiError } from '../errors.js';
import { toComment, type CreatedComment, type Db } from './rows.js';
import type { Database } from './schema.js';

/** The idempotency record of a post: the hashed client key and a hash of what was sent. */
export interface IdempotencyClaim {
  keyHash: string;
  requestHash: string;
}

/**
 * Claims the key for `commentId`, or answers with the comment the key created before, as it
 * is now. A comment deleted or hidden since is never handed out again.
 */
export async function claimKey(trx: Db, claim: IdempotencyClaim, commentId: string, now: number): Promise<CreatedComment | null> {
  // In Postgres this insert waits for a concurrent transaction holding the same key.
  const claimed = await trx
    .insertInto('idempotency_keys')
    .values({ key_hash: claim.keyHash, request_hash: claim.requestHash, comment_id: commentId, created_at: now })
    .onConflict((oc) => oc.column('key_hash').doNothing())
    .returning('key_hash')
    .executeTakeFirst();
  if (claimed) return null;

  const earlier = await trx.selectFrom('idempotency_keys').selectAll().where('key_hash', '=', claim.keyHash).executeTakeFirstOrThrow();
  const row = earlier.comment_id === null ? undefined : await trx.selectFrom('comments').selectAll().where('id', '=', earlier.comment_id).executeTakeFirst();
  if (!row || (row.status !== 'published' && row.status !== 'pending')) {
    throw new ApiError(409, 'comment_deleted', 'The comment sent with this Idempotency-Key has been deleted since.');
  }
  if (earlier.request_hash !== claim.requestHash) {
    throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different comment; send a new key for new content.');
  }
  return { statusCode: row.status === 'published' ? 201 : 202, comment: toComment(row), replayed: true };
}

/** A deleted comment's key keeps refusing late retries, but no longer anything to confirm the text by. */
export async function forgetRequest(trx: Db, commentId: string): Promise<void> {
  await trx.updateTable('idempotency_keys').set({ request_hash: '' }).where('comment_id', '=', commentId).execute();
}

/** Drops idempotency records, rate-limit windows and undo records nobody can use any more. */
export async function purgeExpired(db: Kysely<Database>, now: number, idempotencyTtlMs: number): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', now - idempotencyTtlMs)
    .execute();
  await db.deleteFrom('rate_limits').where('reset_at', '<', now).execute();
  await db.deleteFrom('undo_actions').where('expires_at', '<', now).execute();
}
