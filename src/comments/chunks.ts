import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Comment } from '../model.js';
import { chunk, flattenThread, rowKey, type ThreadRow } from './thread.js';

/**
 * Rows per rendering chunk. The first render shows `FIRST_CHUNKS`; then one more chunk renders per
 * frame while the end of the rendered rows is near the viewport, so a long thread costs only what
 * the reader scrolls to.
 */
const CHUNK = 20;
const FIRST_CHUNKS = 3;

/** Runs `work` before the next frame: one chunk per frame, so style and layout stay small too. */
const later = (work: () => void) => requestAnimationFrame(() => work());

/**
 * The thread's rows, rendered a chunk at a time: more as the reader nears their end (a `.sentinel`
 * element the template places after them), and again a few chunks per frame when the clock ticks,
 * so relative times stay current without one long task.
 */
export class ChunkedRows implements ReactiveController {
  rows: ThreadRow[] = [];
  chunks: ThreadRow[][] = [];
  shown = FIRST_CHUNKS;
  /** Bumped every minute; chunks re-render with it one by one, so relative times stay current. */
  tick = 0;
  /** The tick each chunk last rendered with. */
  #ticks: number[] = [];
  /** The comments `rows` were flattened from, and the first-page load they came with. */
  #of?: Comment[];
  #load = 0;
  /** The chunk holding the comment with an open form, and the one that held it before this update. */
  #active = -1;
  #previous = -1;
  #stepping = false;
  #growing = false;
  /** Whether the end of the rendered rows is within reach of the viewport. */
  #nearEnd = false;
  #observed?: Element | null;
  #observer?: IntersectionObserver;
  #clock?: ReturnType<typeof setInterval>;

  constructor(readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode }) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#clock = setInterval(() => this.bump(), 60_000);
  }

  hostDisconnected(): void {
    clearInterval(this.#clock);
    this.#observer?.disconnect();
    this.#observed = undefined;
  }

  /** Before rendering: the rows of `comments` (from the first-page load numbered `load`), and the comment with an open form. */
  update(comments: Comment[], load: number, active?: string): void {
    if (load !== this.#load) {
      // A new first page renders from the top again.
      this.#load = load;
      this.shown = FIRST_CHUNKS;
      this.#ticks = [];
    }
    if (comments !== this.#of) {
      this.#of = comments;
      this.rows = flattenThread(comments);
      this.chunks = chunk(this.rows, CHUNK);
    }
    for (let index = this.#ticks.length; index < this.chunks.length; index += 1) this.#ticks[index] = this.tick;
    this.#previous = this.#active;
    this.#active = active ? this.#chunkOf(this.rows, active) : -1;
  }

  hostUpdated(): void {
    this.#step();
    const sentinel = this.host.renderRoot.querySelector('.sentinel');
    if (sentinel !== this.#observed) {
      this.#observer ??= new IntersectionObserver(
        (entries) => {
          this.#nearEnd = entries.at(-1)!.isIntersecting;
          this.#grow();
        },
        { rootMargin: '800px' },
      );
      if (this.#observed) this.#observer.unobserve(this.#observed);
      if (sentinel) this.#observer.observe(sentinel);
      this.#observed = sentinel;
    }
    this.#grow();
  }

  /** The chunks shown so far; `row` renders one row. */
  render(locale: string, row: (row: ThreadRow) => TemplateResult): unknown[] {
    return this.chunks.slice(0, this.shown).map((rows, index) =>
      // A chunk re-renders when its rows change, or while a form is open in it (and once after).
      guard(
        [locale, this.#ticks[index], index === this.#active || index === this.#previous ? {} : 0, ...rows.map(rowKey)],
        () =>
          // Until a chunk has been on screen its height is a guess: about 6em a row.
          html`<div class="chunk" style="contain-intrinsic-size:auto ${rows.length * 6}em">${rows.map(row)}</div>`,
      ),
    );
  }

  /** Whether chunks remain to be shown. */
  get more(): boolean {
    return this.shown < this.chunks.length;
  }

  /** Renders every row again, a few chunks per frame: times have moved on. */
  bump(): void {
    this.tick += 1;
    this.host.requestUpdate();
    this.#step();
  }

  /** Makes sure the chunk holding a comment is rendered, so focus can move to it. */
  reveal(comments: Comment[], id: string): void {
    this.shown = Math.max(this.shown, this.#chunkOf(flattenThread(comments), id) + 1);
    this.host.requestUpdate();
  }

  #chunkOf(rows: ThreadRow[], id: string): number {
    return Math.floor(rows.findIndex((row) => 'comment' in row && row.comment.id === id) / CHUNK);
  }

  /** One more chunk in the next frame, while the end of the rendered rows is near the viewport. */
  #grow(): void {
    if (this.#growing || !this.#nearEnd || !this.more) return;
    this.#growing = true;
    later(() => {
      this.#growing = false;
      this.shown += 1;
      this.host.requestUpdate();
    });
  }

  /** Refreshes relative times a few chunks per frame, so no single task blocks the main thread for long. */
  #step(): void {
    if (this.#stepping) return;
    const stale = this.#ticks.findIndex((tick, index) => index < this.shown && tick !== this.tick);
    if (stale < 0) return;
    this.#stepping = true;
    later(() => {
      this.#stepping = false;
      for (let index = stale; index < stale + FIRST_CHUNKS; index += 1) this.#ticks[index] = this.tick;
      this.host.requestUpdate();
    });
  }
}
