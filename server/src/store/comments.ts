import type { Kysely } from 'kysely';
import type { Comment, CommentPage, SortOrder, ThreadSettings } from 'lede-protocol';
import { authorStanding } from './authors.js';
import { purgeExpired, type IdempotencyClaim } from './idempotency.js';
import * as moderation from './moderation.js';
import * as reads from './reads.js';
import type { CreatedComment, Row, StoreContext } from './rows.js';
import type { Database } from './schema.js';
import * as threads from './threads.js';
import * as writes from './writes.js';

/**
 * Every query the server makes, by concern: reads.ts (what readers list and count), writes.ts
 * (posts, edits, deletions, votes, reports), idempotency.ts; moderators' are ModerationStore's
 * (moderation-store.ts). Values always travel as bound parameters, never in SQL text.
 */
export class CommentStore {
  /** Shared with ModerationStore. */
  readonly store: StoreContext;

  constructor(
    private readonly db: Kysely<Database>,
    kind: 'sqlite' | 'postgres',
    /** Throws when a write now would not be kept (see `OpenDatabase.checkStorage`). */
    checkStorage: () => void = () => {},
  ) {
    this.store = { db, kind, checkStorage };
  }

  create(input: writes.NewComment, claim: IdempotencyClaim | null): Promise<CreatedComment> {
    return writes.create(this.store, input, claim);
  }

  /** `withPending`: held comments too, for a reader signed in as a moderator. */
  listThread(threadId: string, order: SortOrder, limit: number, cursor: string | undefined, withPending = false): Promise<CommentPage> {
    return reads.listThread(this.store, threadId, order, limit, cursor, withPending);
  }

  /** Whether the thread refuses new comments; `closeAfterMs` is LEDE_CLOSE_AFTER (null: off). */
  threadClosed(threadId: string, closeAfterMs: number | null, now: number): Promise<boolean> {
    return threads.closed(this.store, threadId, closeAfterMs, now);
  }

  threadSettings(threadId: string, closeAfterMs: number | null, now: number): Promise<ThreadSettings> {
    return threads.getSettings(this.store, threadId, closeAfterMs, now);
  }

  /** A moderator's change to a thread, audited under `by.actor`. */
  updateThread(
    threadId: string,
    change: { closed?: boolean; premoderation?: boolean; anonymous?: boolean },
    closeAfterMs: number | null,
    by: { actor: string; now: number },
  ): Promise<ThreadSettings> {
    return threads.updateSettings(this.store, threadId, change, closeAfterMs, by);
  }

  /** Whether the thread takes anonymous comments by its own setting. */
  threadAnonymous(threadId: string): Promise<boolean> {
    return threads.anonymous(this.store, threadId);
  }

  listReplies(parentId: string, limit: number, cursor: string | undefined, withPending = false): Promise<CommentPage> {
    return reads.listReplies(this.store, parentId, limit, cursor, withPending);
  }

  counts(threadIds: string[]): Promise<Record<string, number>> {
    return reads.counts(this.store, threadIds);
  }

  get(id: string, canSeeHidden: (row: Row) => boolean): Promise<Comment> {
    return reads.get(this.store, id, canSeeHidden);
  }

  edit(id: string, authorize: (row: Row) => void, body: string, now: number): Promise<Comment> {
    return writes.edit(this.store, id, authorize, body, now);
  }

  remove(id: string, authorize: (row: Row) => void): Promise<void> {
    return writes.remove(this.store, id, authorize);
  }

  vote(id: string, voterKey: string, value: -1 | 0 | 1, now: number): Promise<{ score: number; vote: number }> {
    return writes.vote(this.store, id, voterKey, value, now);
  }

  report(id: string, reporterKey: string, reason: string, now: number): Promise<void> {
    return writes.report(this.store, id, reporterKey, reason, now);
  }

  isApprovedAuthor(authorKey: string): Promise<boolean> {
    return moderation.isApprovedAuthor(this.db, authorKey);
  }

  /** Whether the author is trusted (skips pre-moderation) or banned. */
  authorStanding(authorKey: string): Promise<{ trusted: boolean; banned: boolean }> {
    return authorStanding(this.db, authorKey);
  }

  purgeExpired(now: number, idempotencyTtlMs: number): Promise<void> {
    return purgeExpired(this.db, now, idempotencyTtlMs);
  }

  /** The secret for keyed hashes: from the environment, or generated once per database. */
  async secret(): Promise<string> {
    const row = await this.db.selectFrom('meta').select('value').where('name', '=', 'secret').executeTakeFirstOrThrow();
    return row.value;
  }
}
