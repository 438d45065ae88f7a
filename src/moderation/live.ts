import type { ReactiveController } from 'lit';
import type { QueueCounts, AdminComment } from './api.js';
import type { ModerationHost } from './host.js';
import type { QueueController } from './queue.js';

/**
 * The live queue: the server's `counts` and `comment` events (`GET /events`) change the queue as
 * they come, so new held comments and other moderators' actions show without reloading.
 * EventSource reconnects by itself after a dropped connection; a refused one stays closed.
 */
export class LiveController implements ReactiveController {
  #source?: EventSource;

  constructor(
    private readonly host: ModerationHost,
    private readonly queue: QueueController,
  ) {
    host.addController(this);
  }

  /** Listens from now on; calling again reconnects (after signing in again). */
  start(): void {
    this.stop();
    const source = (this.#source = this.host.api.events());
    source.addEventListener('counts', (event) => this.queue.liveCounts(this.#read<QueueCounts>(event) ?? {}));
    source.addEventListener('comment', (event) => {
      const comment = this.#read<AdminComment>(event);
      if (comment && this.queue.arrive(comment)) this.host.announce(this.host.words().arrived({ name: comment.author.name }));
    });
  }

  /** The event's JSON; a garbled event is skipped rather than breaking the stream. */
  #read<T>(event: Event): T | undefined {
    try {
      return JSON.parse((event as MessageEvent<string>).data) as T;
    } catch {
      return undefined;
    }
  }

  stop(): void {
    this.#source?.close();
    this.#source = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
