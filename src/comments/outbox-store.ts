/**
 * What the reader has typed and not yet seen stored: the outbox of comments being sent (retried
 * with backoff under the same idempotency key), the drafts of each form and the author's name, all
 * kept in storage as they change. No DOM: it sends through a `Connection` and says `changed()`.
 */
import { isRetryable, type LedeError } from '../shared/errors.js';
import type { Connection } from './connection.js';
import { browserStorage, newIdempotencyKey, readStored, retryDelay, storageKeys, writeStored, type OutboxEntry } from './outbox.js';
import type { NewComment, PostedComment } from './provider.js';
import { MAX_TIMER } from './thread-store.js';

/** What becomes of a sent comment: stored, to be retried, or refused for good (its text back in its draft). */
export interface SendResults {
  posted(posted: PostedComment): void;
  failed(failure: LedeError, entry: OutboxEntry, retrying: boolean): void;
}

export class OutboxStore {
  entries: OutboxEntry[] = [];
  /** Keys of the entries being sent right now. */
  sending = new Set<string>();
  name: string;
  #thread?: string;
  #drafts: Record<string, string> = {};
  /** When each form (by parent id, '' at the top) was first shown: the server's timing check. */
  #startedAt = new Map<string, number>();
  #retryTimer?: ReturnType<typeof setTimeout>;

  constructor(
    readonly connection: Connection,
    readonly changed: () => void,
    readonly results: SendResults,
    readonly storage = browserStorage(),
  ) {
    this.name = readStored(storage, storageKeys.name, '');
  }

  /** Restores a thread's unsent comments and sends them. */
  open(thread: string): void {
    this.#thread = thread;
    this.#drafts = {};
    this.#startedAt.clear();
    this.entries = readStored<OutboxEntry[]>(this.storage, storageKeys.outbox(thread), []).filter((entry) => entry?.key && entry.comment);
    this.changed();
    this.flush();
  }

  stop(): void {
    clearTimeout(this.#retryTimer);
  }

  /** Notes when a form was shown, the first time. */
  shown(form: string): void {
    if (!this.#startedAt.has(form)) this.#startedAt.set(form, Date.now());
  }

  draft(form: string): string {
    return (this.#drafts[form] ??= readStored(this.storage, storageKeys.draft(this.#thread!, form || null), ''));
  }

  setDraft(form: string, body: string): void {
    this.#drafts[form] = body;
    writeStored(this.storage, storageKeys.draft(this.#thread!, form || null), body);
  }

  setName(name: string): void {
    this.name = name;
    writeStored(this.storage, storageKeys.name, name);
  }

  /**
   * Queues a comment from form `form` (a parent id, '' at the top) and sends it; its draft is cleared.
   * `page` is what the page says about itself: the thread's opening date, its address.
   */
  queue(form: string, name: string, body: string, website: string, page: Pick<NewComment, 'opened' | 'pageUrl' | 'notifyEmail'> = {}): void {
    const startedAt = this.#startedAt.get(form) ?? Date.now();
    const { opened, pageUrl, notifyEmail } = page;
    const entry: OutboxEntry = {
      key: newIdempotencyKey(),
      comment: {
        author: { name },
        body,
        parentId: form || null,
        website,
        startedAt,
        ...(opened ? { opened } : {}),
        ...(pageUrl ? { pageUrl } : {}),
        ...(notifyEmail ? { notifyEmail } : {}),
      },
      attempts: 0,
      retryAt: 0,
    };
    this.#set([...this.entries, entry]);
    // The text now lives in the outbox until the backend has it.
    this.setDraft(form, '');
    this.#startedAt.delete(form);
    void this.send(entry);
  }

  /** Sends everything due in the outbox now (and on the browser's `online` event). */
  flush = (): void => {
    for (const entry of this.entries) void this.send(entry);
  };

  /** One attempt to send a queued comment; on a passing failure it is rescheduled, never dropped. */
  async send(entry: OutboxEntry): Promise<void> {
    const thread = this.#thread;
    if (!thread || this.sending.has(entry.key)) return;
    this.#sending(entry.key, true);
    try {
      const posted = await this.connection.request((provider, signal) => provider.post(thread, entry.comment, { idempotencyKey: entry.key, signal }));
      this.#set(this.entries.filter((other) => other.key !== entry.key));
      this.results.posted(posted);
    } catch (error) {
      const failure = this.connection.report(error);
      const retrying = isRetryable(failure);
      if (retrying) {
        const attempts = entry.attempts + 1;
        // The server's own words ("try again in 1 minute") are shown; the browser's are not for readers.
        const retried = {
          ...entry,
          attempts,
          retryAt: Date.now() + retryDelay(attempts, failure.retryAfter),
          note: failure.status ? failure.message : undefined,
        };
        this.#set(this.entries.map((other) => (other.key === entry.key ? retried : other)));
        entry = retried;
      } else {
        // Refused for good (a bad field, a deleted parent): the text goes back to its form.
        this.#set(this.entries.filter((other) => other.key !== entry.key));
        this.setDraft(entry.comment.parentId ?? '', entry.comment.body);
      }
      this.results.failed(failure, entry, retrying);
    } finally {
      this.#sending(entry.key, false);
      this.#scheduleRetry();
    }
  }

  #sending(key: string, on: boolean): void {
    const sending = new Set(this.sending);
    if (on) sending.add(key);
    else sending.delete(key);
    this.sending = sending;
    this.changed();
  }

  #set(entries: OutboxEntry[]): void {
    this.entries = entries;
    if (this.#thread) writeStored(this.storage, storageKeys.outbox(this.#thread), entries);
    this.changed();
  }

  /** One timer for the earliest entry that is not being sent right now. */
  #scheduleRetry(): void {
    clearTimeout(this.#retryTimer);
    const waiting = this.entries.filter((entry) => !this.sending.has(entry.key));
    if (waiting.length === 0) return;
    const due = Math.min(...waiting.map((entry) => entry.retryAt));
    this.#retryTimer = setTimeout(
      () => {
        // Timers may fire a little before the clock (rounded in some browsers) says it is time.
        for (const entry of this.entries) if (entry.retryAt <= Date.now() + 1000) void this.send(entry);
        this.#scheduleRetry();
      },
      Math.min(Math.max(0, due - Date.now()), MAX_TIMER),
    );
  }
}
