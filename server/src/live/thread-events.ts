import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { LiveConfig } from '../config/live.js';
import { ApiError } from '../errors.js';
import type { OpenDatabase } from '../store/database.js';
import type { CommentChange } from './changes.js';
import { HEARTBEAT, HEARTBEAT_MS, openEventStream, RETRY, sseEvent } from './sse.js';
import { NOTIFY_CHANNEL, ThreadLog, type LoggedEvent } from './thread-log.js';

/** Log rows read per query while catching up. */
const BATCH = 500;
/** A resume needing more than this many events is answered `reset`: reloading is cheaper. */
const MAX_REPLAY = 1000;
/** A reader this far behind (bytes queued) is dropped; it reconnects and resumes from its last id. */
const MAX_BUFFERED = 1 << 20;

/**
 * Live threads (`GET /api/threads/:threadId/events`): each process reads the event log in order
 * (after NOTIFY with PostgreSQL, after its own writes with SQLite) and writes every event once
 * per reader of its thread. A reader costs one Set entry; the heartbeat is one timer for all.
 */
export class ThreadEvents {
  readonly #threads = new Map<string, Set<ServerResponse>>();
  #streams = 0;
  /** The last seq delivered: streams have every event up to it. */
  #cursor: number;
  #pumping: Promise<void> | null = null;
  #again = false;
  readonly #heartbeat: NodeJS.Timeout;

  private constructor(
    private readonly log: ThreadLog,
    private readonly config: LiveConfig,
    private readonly logger: FastifyBaseLogger,
    cursor: number,
    private readonly stopListening: (() => Promise<void>) | null,
  ) {
    this.#cursor = cursor;
    this.#heartbeat = setInterval(() => {
      for (const streams of this.#threads.values()) for (const stream of streams) stream.write(HEARTBEAT);
      // A NOTIFY lost while the LISTEN connection was down is caught up here.
      this.#pumpLogged();
    }, HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  static async start(database: OpenDatabase, config: LiveConfig, logger: FastifyBaseLogger): Promise<ThreadEvents> {
    const log = new ThreadLog(database.db, database.kind, config);
    let heard = () => {};
    const stop = database.listen ? await database.listen(NOTIFY_CHANNEL, () => heard()) : null;
    const events = new ThreadEvents(log, config, logger, await log.latest(), stop);
    heard = () => events.#pumpLogged();
    return events;
  }

  /** The `context.changes` listener: logs the event a change means; PostgreSQL's NOTIFY or this process then delivers it. */
  async changed(change: CommentChange): Promise<void> {
    const seq = await this.log.record(change, Date.now());
    if (seq !== null && !this.stopListening) await this.#pump();
  }

  /**
   * Where the streams stand: read before a page of a thread, a stream resumed from it brings every
   * change the page lacks (a change in between comes again, which readers take as the same).
   */
  get position(): string {
    return String(this.#cursor);
  }

  /** Turns the reply into the thread's event stream, after what the reader missed since `lastEventId`. */
  async attach(reply: FastifyReply, threadId: string, lastEventId: string | undefined): Promise<void> {
    if (this.#streams >= this.config.maxStreams) {
      reply.header('retry-after', '5');
      throw new ApiError(503, 'too_many_streams', 'This server holds as many live streams as it may; try again shortly.');
    }
    if (lastEventId === undefined) this.#open(reply, threadId, []);
    else await this.#resume(threadId, lastEventId, (missed) => this.#open(reply, threadId, missed));
  }

  /** Starts the stream with what the reader missed (null: `reset`) and adds it to the readers of the thread. */
  #open(reply: FastifyReply, threadId: string, missed: LoggedEvent[] | null): void {
    const stream = openEventStream(reply);
    // The reader may have gone while its missed events were read.
    if (stream.destroyed) return;
    // Every id is the resume point: `reset` and the bare id (which fires no event) carry the newest.
    const start = missed === null ? sseEvent('reset', {}, this.#cursor) : `${missed.map((event) => event.text).join('')}id: ${this.#cursor}\n\n`;
    stream.write(`${RETRY}${start}`);
    let streams = this.#threads.get(threadId);
    if (!streams) this.#threads.set(threadId, (streams = new Set()));
    streams.add(stream);
    this.#streams++;
    stream.on('close', () => {
      streams.delete(stream);
      this.#streams--;
      if (streams.size === 0 && this.#threads.get(threadId) === streams) this.#threads.delete(threadId);
    });
  }

  /** Ends every stream (app.close must not wait for readers that never hang up) and stops listening. */
  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    for (const streams of this.#threads.values()) for (const stream of streams) stream.end();
    await this.stopListening?.();
    await this.#pumping;
  }

  /**
   * Calls `open` with the thread's events after `lastEventId` up to the cursor, or null when they
   * cannot all be had (pruned, unknown, too many). `open` runs in the same turn as the cursor is
   * last compared: a delivery in between would be a gap (an await adds turns).
   */
  async #resume(threadId: string, lastEventId: string, open: (missed: LoggedEvent[] | null) => void): Promise<void> {
    if (!/^\d{1,15}$/.test(lastEventId)) return open(null);
    const from = Number(lastEventId);
    // Another process may have sent it an event this one has not read yet.
    if (from > this.#cursor) await this.#pump();
    if (from > this.#cursor) return open(null);
    const missed: LoggedEvent[] = [];
    let after = from;
    for (let checked = false; ; checked = true) {
      while (after < this.#cursor) {
        const upTo = this.#cursor;
        missed.push(...(await this.log.threadSince(threadId, after, upTo, MAX_REPLAY + 1)));
        if (missed.length > MAX_REPLAY) return open(null);
        after = upTo;
      }
      if (checked) return open(missed);
      // Checked after reading, then caught up again: pruning meanwhile must not leave a silent gap.
      if (from < (await this.log.prunedThrough())) return open(null);
    }
  }

  #pumpLogged(): void {
    this.#pump().catch((error: unknown) => this.logger.warn({ err: error }, 'live threads: could not read the event log'));
  }

  /** Reads the log past the cursor and delivers it; one reader at a time, again if asked meanwhile. */
  #pump(): Promise<void> {
    if (this.#pumping) {
      this.#again = true;
      return this.#pumping;
    }
    this.#pumping = (async () => {
      do {
        this.#again = false;
        let batch: LoggedEvent[];
        do {
          batch = await this.log.since(this.#cursor, BATCH);
          // One write per reader per batch: a burst costs a system call per reader, not per event.
          const byThread = new Map<string, string>();
          for (const event of batch) byThread.set(event.threadId, (byThread.get(event.threadId) ?? '') + event.text);
          for (const [threadId, text] of byThread) this.#deliver(threadId, text);
          if (batch.length > 0) this.#cursor = batch.at(-1)!.seq;
        } while (batch.length === BATCH);
      } while (this.#again);
    })().finally(() => (this.#pumping = null));
    return this.#pumping;
  }

  #deliver(threadId: string, text: string): void {
    const streams = this.#threads.get(threadId);
    if (!streams) return;
    for (const stream of streams) {
      if (stream.writableLength > MAX_BUFFERED) stream.destroy();
      else stream.write(text);
    }
  }
}
