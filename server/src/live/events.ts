import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { AdminComment, QueueCounts } from 'lede-protocol';
import type { ModerationStore } from '../store/moderation-store.js';
import type { QueueBus } from './bus.js';
import { HEARTBEAT, HEARTBEAT_MS, openEventStream, RETRY, sseEvent as event } from './sse.js';

/** Bursts (a bulk action, a spam wave) recount the queues once per this interval. */
const COUNTS_EVERY_MS = 250;

/**
 * The live queue (`GET /api/admin/events`): Server-Sent Events streams, each sent `counts`
 * (every queue's size) on connecting and after changes, and `comment` (an AdminComment that
 * entered or changed a queue). Work is done once per process, not per stream.
 */
export class QueueEvents {
  readonly #streams = new Set<ServerResponse>();
  #countsTimer: NodeJS.Timeout | undefined;
  readonly #heartbeat: NodeJS.Timeout;

  constructor(
    private readonly bus: QueueBus,
    private readonly moderation: ModerationStore,
    private readonly log: FastifyBaseLogger,
  ) {
    bus.subscribe((commentId) => void this.#heard(commentId));
    this.#heartbeat = setInterval(() => this.#write(HEARTBEAT), HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  /** Announces a change to every process; never fails the request that made it. */
  changed(commentId: string): void {
    this.bus.publish(commentId).catch((error: unknown) => this.log.warn({ err: error }, 'live queue: publish failed'));
  }

  /** Turns the reply into an event stream, starting with the current counts. */
  async attach(reply: FastifyReply): Promise<void> {
    const counts = await this.moderation.counts();
    const stream = openEventStream(reply);
    stream.write(`${RETRY}\n${event('counts', counts)}`);
    this.#streams.add(stream);
    stream.on('close', () => this.#streams.delete(stream));
  }

  /** Ends every stream (app.close must not wait for clients that never hang up) and stops listening. */
  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    clearTimeout(this.#countsTimer);
    for (const stream of this.#streams) stream.end();
    this.#streams.clear();
    await this.bus.close();
  }

  async #heard(commentId: string): Promise<void> {
    if (this.#streams.size === 0) return;
    try {
      const comment: AdminComment = await this.moderation.comment(commentId);
      this.#write(event('comment', comment));
    } catch (error) {
      this.log.warn({ err: error }, 'live queue: could not read a changed comment');
    }
    this.#countsTimer ??= setTimeout(() => {
      this.#countsTimer = undefined;
      this.moderation.counts().then(
        (counts: QueueCounts) => this.#write(event('counts', counts)),
        (error: unknown) => this.log.warn({ err: error }, 'live queue: could not count'),
      );
    }, COUNTS_EVERY_MS);
  }

  #write(text: string): void {
    for (const stream of this.#streams) stream.write(text);
  }
}
