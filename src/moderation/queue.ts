import type { ReactiveController } from 'lit';
import { toLedeError, type LedeError } from '../shared/errors.js';
import type { QueueCounts, AdminComment, QueueQuery } from './api.js';
import type { ModerationHost } from './host.js';

/** Whether a comment, as it now is, belongs in the queue the query shows. */
export function belongs(comment: AdminComment, query: QueueQuery): boolean {
  const { queue, thread, author, reason, q } = query;
  const inQueue =
    queue === 'all' ||
    (queue === 'reported' ? comment.reports > 0 && (comment.status === 'published' || comment.status === 'pending') : comment.status === queue);
  const text = q?.toLowerCase();
  return (
    inQueue &&
    comment.status !== 'removed' &&
    (!thread || comment.threadId === thread) &&
    (!author || comment.authorKey === author) &&
    (!reason || comment.heldReason === reason) &&
    (!text || comment.body.toLowerCase().includes(text) || comment.author.name.toLowerCase().includes(text))
  );
}

/** How long a filtered view waits after a live event before counting again (events come in bursts). */
const RECOUNT_MS = 500;

/**
 * One queue as the console shows it: its comments page by page, its counts, the comment the
 * moderator is on and the ones they selected. Actions and live events change it in place, so the
 * list never reloads under the moderator's hands.
 */
export class QueueController implements ReactiveController {
  query: QueueQuery = { queue: 'pending', order: 'newest' };
  items: AdminComment[] = [];
  counts: Partial<QueueCounts> = {};
  next: string | null = null;
  status: 'idle' | 'loading' | 'more' | 'ready' | 'error' = 'idle';
  error?: LedeError;
  /** The id of the comment the moderator is on. */
  active?: string;
  /** Replaced, never changed in place, so the list re-renders only when it changes. */
  selected: ReadonlySet<string> = new Set();
  /** Each load's token: an answer to an older one is dropped. */
  #load = 0;
  /** A filtered view's counts, asked for again after live events. */
  #recount?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ModerationHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.#recount);
    this.#recount = undefined;
  }

  get activeIndex(): number {
    return this.items.findIndex((item) => item.id === this.active);
  }

  get activeComment(): AdminComment | undefined {
    return this.items[this.activeIndex];
  }

  /** Shows the first page of `query` (the current one, with `changes`). */
  async load(changes: Partial<QueueQuery> = {}): Promise<void> {
    this.query = { ...this.query, ...changes };
    this.selected = new Set();
    await this.#fetch(null);
  }

  async more(): Promise<void> {
    if (this.next && this.status === 'ready') await this.#fetch(this.next);
  }

  async #fetch(cursor: string | null): Promise<void> {
    const load = ++this.#load;
    this.status = cursor ? 'more' : 'loading';
    this.host.requestUpdate();
    try {
      const page = await this.host.api.list(this.query, this.host.pageSize, cursor);
      if (load !== this.#load) return;
      const known = new Set(cursor ? this.items.map((item) => item.id) : []);
      this.items = cursor ? [...this.items, ...page.comments.filter((comment) => !known.has(comment.id))] : page.comments;
      this.next = page.next;
      this.counts = { ...this.counts, ...page.counts };
      if (!this.activeComment) this.active = this.items[0]?.id;
      this.status = 'ready';
      this.error = undefined;
    } catch (error) {
      if (load !== this.#load) return;
      this.error = toLedeError(error);
      this.status = 'error';
      if (this.error.status === 401) this.host.signedOut();
      else this.host.tell(this.error);
    }
    this.host.requestUpdate();
  }

  /** Moves the active comment by `step`, within the list; returns whether it moved. */
  move(step: number): boolean {
    const index = Math.min(Math.max(this.activeIndex + step, 0), this.items.length - 1);
    if (index < 0 || this.items[index]!.id === this.active) return false;
    this.active = this.items[index]!.id;
    this.host.requestUpdate();
    return true;
  }

  toggle(id: string): void {
    const selected = new Set(this.selected);
    if (!selected.delete(id)) selected.add(id);
    this.selected = selected;
    this.host.requestUpdate();
  }

  selectAll(select: boolean): void {
    this.selected = new Set(select ? this.items.map((item) => item.id) : []);
    this.host.requestUpdate();
  }

  unselect(id: string): void {
    if (!this.selected.has(id)) return;
    const selected = new Set(this.selected);
    selected.delete(id);
    this.selected = selected;
  }

  /**
   * Takes a comment's new state: it stays where it is if it still belongs, else leaves, and the
   * moderator moves on to the comment after it (or before, at the end), so focus is never lost.
   */
  update(comment: AdminComment): void {
    const index = this.items.findIndex((item) => item.id === comment.id);
    if (index < 0) return;
    if (belongs(comment, this.query)) {
      this.items = this.items.with(index, comment);
    } else {
      this.items = this.items.toSpliced(index, 1);
      this.#count(-1);
      this.unselect(comment.id);
      if (this.active === comment.id) this.active = (this.items[index] ?? this.items[index - 1])?.id;
    }
    this.host.requestUpdate();
  }

  /**
   * A comment that changed elsewhere (live events, an undo): updated, or put in its place by date
   * if it now belongs. Returns whether it joined the list.
   */
  arrive(comment: AdminComment): boolean {
    if (this.items.some((item) => item.id === comment.id)) {
      this.update(comment);
      return false;
    }
    if (!belongs(comment, this.query)) return false;
    const newest = this.query.order !== 'oldest';
    const after = (item: AdminComment) => (newest ? item.createdAt < comment.createdAt : item.createdAt > comment.createdAt);
    const index = this.items.findIndex(after);
    // Past the loaded pages it arrives when the moderator pages there.
    if (index < 0 && this.next) return false;
    this.items = this.items.toSpliced(index < 0 ? this.items.length : index, 0, comment);
    this.#count(1);
    this.active ??= comment.id;
    this.host.requestUpdate();
    return true;
  }

  /** Keeps the shown queue's count in step with what left or joined it until the server's next count. */
  #count(change: number): void {
    const count = this.counts[this.query.queue];
    if (count !== undefined) this.counts = { ...this.counts, [this.query.queue]: Math.max(0, count + change) };
  }

  /**
   * The server's live counts. They count every thread, so a filtered view asks for its own counts
   * again instead, at most once per RECOUNT_MS however many events come.
   */
  liveCounts(counts: Partial<QueueCounts>): void {
    const { thread, author, reason, q } = this.query;
    if (!(thread || author || reason || q)) {
      this.counts = { ...this.counts, ...counts };
      this.host.requestUpdate();
    } else {
      this.#recount ??= setTimeout(() => void this.#fetchCounts(), RECOUNT_MS);
    }
  }

  async #fetchCounts(): Promise<void> {
    this.#recount = undefined;
    const query = this.query;
    try {
      const { counts } = await this.host.api.list(query, 1);
      // A load since then brought its own counts.
      if (query !== this.query) return;
      this.counts = { ...this.counts, ...counts };
      this.host.requestUpdate();
    } catch {
      // The next event or load counts again.
    }
  }
}
