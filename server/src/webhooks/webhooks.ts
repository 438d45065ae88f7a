import type { FastifyInstance } from 'fastify';
import type { WebhookConfig } from '../config/webhooks.js';
import type { ChangeListener } from '../live/changes.js';
import type { OpenDatabase } from '../store/database.js';
import type { ModerationStore } from '../store/moderation-store.js';
import { WebhookOutbox } from './outbox.js';
import { eventOf, webhookPayload } from './payload.js';
import { WebhookWorker } from './worker.js';

/** PostgreSQL: how often a process looks for deliveries other processes added. SQLite has one process, which wakes itself. */
const POLL_MS = { postgres: 1000, sqlite: 60_000 };

/**
 * Signed webhooks (docs/webhooks.md): starts this process's worker, stops it with the app, and
 * answers the listener for `context.changes`, which writes each event's deliveries to the outbox.
 */
export function webhooks(app: FastifyInstance, config: WebhookConfig, database: OpenDatabase, moderation: ModerationStore): ChangeListener {
  const outbox = new WebhookOutbox(database.db, database.kind);
  const worker = new WebhookWorker(outbox, config, app.log, POLL_MS[database.kind]);
  app.addHook('onReady', async () => worker.wake());
  app.addHook('onClose', async () => worker.close());
  return async (change) => {
    if (change.kind !== 'created' && change.kind !== 'moderated') return;
    const comment = await moderation.comment(change.commentId);
    const event = eventOf(change, comment);
    if (event === null || !config.events.includes(event)) return;
    await outbox.add(config.urls, event, JSON.stringify(webhookPayload(event, comment, change)));
    worker.wake();
  };
}
