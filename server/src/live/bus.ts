import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type { OpenDatabase } from '../store/database.js';

/** Tells every server process that a comment entered or changed a queue: by id, the rest each reads itself. */
export interface QueueBus {
  publish(commentId: string): Promise<void>;
  subscribe(listener: (commentId: string) => void): void;
  close(): Promise<void>;
}

const CHANNEL = 'lede_queue';

/**
 * SQLite: one process, so an in-process emitter. PostgreSQL: NOTIFY, which every process
 * (this one too) hears on its LISTEN connection.
 */
export async function queueBus(database: OpenDatabase): Promise<QueueBus> {
  const emitter = new EventEmitter();
  const hear = (commentId: string) => emitter.emit('comment', commentId);
  const stop = database.listen ? await database.listen(CHANNEL, hear) : null;
  return {
    async publish(commentId) {
      if (stop) await sql`select pg_notify(${CHANNEL}, ${commentId})`.execute(database.db);
      else hear(commentId);
    },
    subscribe(listener) {
      emitter.on('comment', listener);
    },
    async close() {
      emitter.removeAllListeners();
      await stop?.();
    },
  };
}
