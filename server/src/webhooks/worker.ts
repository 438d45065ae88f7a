import type { FastifyBaseLogger } from 'fastify';
import type { WebhookConfig } from '../config/webhooks.js';
import type { Delivery, WebhookOutbox } from './outbox.js';
import { send } from './send.js';

const BATCH = 10;
/** Beyond the receiver's timeout, how long a claim holds: time to record the outcome. */
const LEASE_MARGIN_MS = 30_000;
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;
/** Finished deliveries are kept this long (for an operator looking into a receiver's trouble), checked hourly. */
export const KEEP_FINISHED_MS = 30 * 86_400_000;
const PURGE_EVERY_MS = 3_600_000;

/** How long to wait before retry `attempt` (1-based): the configured delay, ±20% so receivers are not hit in step. */
export function backoff(delaysMs: number[], attempt: number, retryAfterMs = 0): number | null {
  const base = delaysMs[attempt - 1];
  if (base === undefined) return null;
  return Math.round(Math.max(base * (0.8 + Math.random() * 0.4), Math.min(retryAfterMs, MAX_RETRY_AFTER_MS)));
}

/**
 * Sends due deliveries, one worker per process. It wakes when this process adds a delivery, when
 * the next retry is due, and (PostgreSQL) every `pollMs` for what other processes added.
 */
export class WebhookWorker {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | null = null;
  #again = false;
  #closed = false;
  #purged = 0;

  constructor(
    private readonly outbox: WebhookOutbox,
    private readonly config: WebhookConfig,
    private readonly log: FastifyBaseLogger,
    private readonly pollMs: number,
  ) {}

  wake(): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.#run().finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        this.wake();
      }
    });
  }

  /** Stops claiming and waits for the attempts in flight (each ends within the timeout). */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  async #run(): Promise<void> {
    try {
      for (;;) {
        if (this.#closed) return;
        const batch = await this.outbox.claim(BATCH, this.config.timeoutMs + LEASE_MARGIN_MS);
        if (batch.length === 0) break;
        await Promise.all(batch.map((delivery) => this.#attempt(delivery)));
      }
      if (Date.now() - this.#purged > PURGE_EVERY_MS) {
        this.#purged = Date.now();
        await this.outbox.purge(Date.now() - KEEP_FINISHED_MS);
      }
      this.#schedule(await this.outbox.nextDue());
    } catch (error) {
      this.log.warn({ err: error }, 'webhook deliveries could not be read; trying again later');
      this.#schedule(null);
    }
  }

  #schedule(nextDue: number | null): void {
    if (this.#closed) return;
    const wait = Math.min(nextDue === null ? this.pollMs : Math.max(0, nextDue - Date.now()), this.pollMs);
    this.#timer = setTimeout(() => this.wake(), wait);
    this.#timer.unref();
  }

  async #attempt(delivery: Delivery): Promise<void> {
    const outcome = await send(delivery, this.config);
    if (outcome.ok) return this.outbox.delivered(delivery.id);
    const wait = outcome.retry ? backoff(this.config.retryDelaysMs, delivery.attempts, outcome.retryAfterMs) : null;
    if (wait !== null) return this.outbox.retryAt(delivery.id, Date.now() + wait, outcome.error);
    // The URL's path may be a credential (Slack's are): only the host is logged.
    const host = new URL(delivery.url.replace(/^slack:/, '')).host;
    this.log.warn(
      { delivery: delivery.id, event: delivery.event, host, attempts: delivery.attempts, error: outcome.error },
      `webhook to ${host} given up after ${delivery.attempts} attempt(s): ${outcome.error}`,
    );
    await this.outbox.failed(delivery.id, outcome.error);
  }
}
