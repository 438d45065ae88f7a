import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, WebhookDeliveriesTable } from '../store/schema.js';

export type Delivery = Pick<Selectable<WebhookDeliveriesTable>, 'id' | 'url' | 'event' | 'payload' | 'attempts'>;

/**
 * The durable queue of deliveries. Claiming moves a row's `next_attempt_at` past the attempt's
 * deadline, so no other worker takes it while it is in flight, and a worker that died mid-send
 * leaves it to be sent again once that passes (receivers drop repeats by `Lede-Delivery`).
 */
export class WebhookOutbox {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly kind: 'sqlite' | 'postgres',
  ) {}

  async add(urls: string[], event: string, payload: string, now = Date.now()): Promise<void> {
    if (urls.length === 0) return;
    await this.db
      .insertInto('webhook_deliveries')
      .values(urls.map((url) => ({ id: randomUUID(), url, event, payload, status: 'pending' as const, attempts: 0, next_attempt_at: now, created_at: now })))
      .execute();
  }

  /** Up to `limit` due deliveries, each counted as one more attempt and held for `leaseMs`. */
  claim(limit: number, leaseMs: number, now = Date.now()): Promise<Delivery[]> {
    return this.db.transaction().execute(async (trx) => {
      const due = trx
        .selectFrom('webhook_deliveries')
        .select(['id', 'url', 'event', 'payload', 'attempts'])
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(limit);
      // Several PostgreSQL processes: each takes rows no other is claiming. SQLite has one process.
      const rows = await (this.kind === 'postgres' ? due.forUpdate().skipLocked() : due).execute();
      if (rows.length === 0) return [];
      await trx
        .updateTable('webhook_deliveries')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: now + leaseMs }))
        .where(
          'id',
          'in',
          rows.map((row) => row.id),
        )
        .execute();
      return rows.map((row) => ({ ...row, attempts: Number(row.attempts) + 1 }));
    });
  }

  async delivered(id: string, now = Date.now()): Promise<void> {
    await this.db.updateTable('webhook_deliveries').set({ status: 'delivered', finished_at: now, last_error: null }).where('id', '=', id).execute();
  }

  async retryAt(id: string, at: number, error: string): Promise<void> {
    await this.db.updateTable('webhook_deliveries').set({ next_attempt_at: at, last_error: error }).where('id', '=', id).execute();
  }

  async failed(id: string, error: string, now = Date.now()): Promise<void> {
    await this.db.updateTable('webhook_deliveries').set({ status: 'failed', finished_at: now, last_error: error }).where('id', '=', id).execute();
  }

  /** Forgets deliveries that were delivered or given up before `before`. */
  async purge(before: number): Promise<void> {
    await this.db.deleteFrom('webhook_deliveries').where('status', '!=', 'pending').where('finished_at', '<', before).execute();
  }

  /** When the next pending delivery is due (or its claim lapses), or null when none is pending. */
  async nextDue(): Promise<number | null> {
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.min('next_attempt_at').as('next'))
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return row?.next == null ? null : Number(row.next);
  }
}
