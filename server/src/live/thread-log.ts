import { sql, type Kysely } from 'kysely';
import type { ThreadEventName } from 'lede-protocol';
import type { LiveConfig } from '../config/live.js';
import { PUBLIC_COLUMNS, toComment, type Db, type PublicRow } from '../store/rows.js';
import type { Database } from '../store/schema.js';
import type { CommentChange } from './changes.js';

/** A logged event, its SSE text written once for every reader. */
export interface LoggedEvent {
  seq: number;
  threadId: string;
  text: string;
}

export const NOTIFY_CHANNEL = 'lede_thread_events';
/** PostgreSQL advisory lock key ('lede' in ASCII): writers take turns, so seq order is commit order. */
const APPEND_LOCK = 0x6c656465;
const PRUNED = 'thread_events_pruned';

type Mapped = { event: ThreadEventName; data: unknown } | null;

/**
 * The live threads' event log (table thread_events): what a change means to readers, appended
 * in order, read back by every process (live/thread-events.ts) and by readers resuming with
 * Last-Event-ID. Pending, held and rejected comments never enter it.
 */
export class ThreadLog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly kind: 'sqlite' | 'postgres',
    private readonly keep: Pick<LiveConfig, 'keepMs' | 'keepEvents'>,
  ) {}

  /**
   * Appends the event `change` means to readers, if any; answers its seq. The comment is read in
   * the same transaction, so events carry states in the order they were stored. With
   * PostgreSQL, NOTIFY (sent at commit) tells every process to read the log.
   */
  record(change: CommentChange, now: number): Promise<number | null> {
    return this.db.transaction().execute(async (trx) => {
      if (this.kind === 'postgres') await sql`select pg_advisory_xact_lock(${APPEND_LOCK})`.execute(trx);
      const found = await trx.selectFrom('comments').select(PUBLIC_COLUMNS).where('id', '=', change.commentId).executeTakeFirst();
      if (!found) return null;
      const mapped = await eventFor(trx, change, found, now - this.keep.keepMs);
      if (!mapped) return null;
      const { seq } = await trx
        .insertInto('thread_events')
        .values({ thread_id: found.thread_id, comment_id: found.id, event: mapped.event, data: JSON.stringify(mapped.data), created_at: now })
        .returning('seq')
        .executeTakeFirstOrThrow();
      await this.#prune(trx, Number(seq), now);
      if (this.kind === 'postgres') await sql`select pg_notify(${NOTIFY_CHANNEL}, ${String(seq)})`.execute(trx);
      return Number(seq);
    });
  }

  /** The newest seq (0 before any event). */
  async latest(): Promise<number> {
    const row = await this.db
      .selectFrom('thread_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  /** Events after `after`, all threads, oldest first. */
  async since(after: number, limit: number): Promise<LoggedEvent[]> {
    const rows = await this.db.selectFrom('thread_events').selectAll().where('seq', '>', after).orderBy('seq').limit(limit).execute();
    return rows.map(logged);
  }

  /** One thread's events after `after` up to `upTo`, oldest first, at most `limit`. */
  async threadSince(threadId: string, after: number, upTo: number, limit: number): Promise<LoggedEvent[]> {
    const rows = await this.db
      .selectFrom('thread_events')
      .selectAll()
      .where('thread_id', '=', threadId)
      .where('seq', '>', after)
      .where('seq', '<=', upTo)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(logged);
  }

  /** Events up to this seq were pruned: a reader who last saw one of them must reload. */
  async prunedThrough(): Promise<number> {
    const row = await this.db.selectFrom('meta').select('value').where('name', '=', PRUNED).executeTakeFirst();
    return Number(row?.value ?? 0);
  }

  async #prune(trx: Db, seq: number, now: number): Promise<void> {
    const old = await trx
      .selectFrom('thread_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('created_at', '<', now - this.keep.keepMs)
      .executeTakeFirst();
    const bound = Math.max(seq - this.keep.keepEvents, Number(old?.seq ?? 0));
    if (bound <= 0) return;
    const { numDeletedRows } = await trx.deleteFrom('thread_events').where('seq', '<=', bound).executeTakeFirst();
    if (numDeletedRows === 0n) return;
    await trx
      .insertInto('meta')
      .values({ name: PRUNED, value: String(bound) })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: String(bound) }))
      .execute();
  }
}

const logged = (row: { seq: number; thread_id: string; event: string; data: string }): LoggedEvent => ({
  seq: Number(row.seq),
  threadId: row.thread_id,
  text: `id: ${row.seq}\nevent: ${row.event}\ndata: ${row.data}\n\n`,
});

/** What readers are told of a change; `created` never nests replies (toComment reads none). */
async function eventFor(trx: Db, change: CommentChange, found: PublicRow, horizon: number): Promise<Mapped> {
  const published = found.status === 'published';
  const comment = () => toComment(found);
  const gone = async (): Promise<Mapped> => ((await announced(trx, found, horizon)) ? { event: 'deleted', data: { id: found.id } } : null);
  if (change.kind === 'reported') return null;
  if (change.kind === 'deleted') return gone();
  if (change.kind !== 'moderated') {
    if (!published) return null;
    if (change.kind === 'voted') return { event: 'votes', data: { id: found.id, score: Number(found.score) } };
    return { event: change.kind, data: comment() };
  }
  switch (change.action) {
    case 'approve':
      return published ? { event: 'created', data: comment() } : null;
    case 'reject':
    case 'delete':
      return gone();
    case 'feature':
    case 'unfeature':
      return published ? { event: 'featured', data: comment() } : null;
    case 'undo': {
      if (!published) return gone();
      // An undone rejection or deletion brings the comment back; an undone (un)feature changes its pin.
      const last = await lastEvent(trx, found.id);
      return { event: last === undefined || last === 'deleted' ? 'created' : 'featured', data: comment() };
    }
  }
}

const lastEvent = async (trx: Db, commentId: string): Promise<string | undefined> =>
  (await trx.selectFrom('thread_events').select('event').where('comment_id', '=', commentId).orderBy('seq', 'desc').limit(1).executeTakeFirst())?.event;

/**
 * Whether readers may have been shown the comment, so its removal is news to them: the log says
 * so, or the comment is older than the log's oldest event (its own may have been pruned; an
 * empty log reaches back `horizon`). A held comment that never appeared stays unmentioned.
 */
async function announced(trx: Db, found: PublicRow, horizon: number): Promise<boolean> {
  const last = await lastEvent(trx, found.id);
  if (last !== undefined) return last !== 'deleted';
  const oldest = await trx.selectFrom('thread_events').select('created_at').orderBy('seq').limit(1).executeTakeFirst();
  return Number(found.created_at) < (oldest === undefined ? horizon : Number(oldest.created_at));
}
