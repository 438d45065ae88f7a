/**
 * Keeps a thread live while the reader reads it: the provider's `events`, or a poll of the first
 * page when it has none or its stream keeps failing. Never while the tab is hidden: it stops then
 * and catches up when the reader is back. What arrives is merged by live-merge.ts; this keeps
 * the reader's place: focus stays put, the comment at the top of the viewport stays where it was,
 * and a comment with an open form (a reply or edit being typed) waits until the form closes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Comment } from '../model.js';
import type { Connection } from './connection.js';
import { applyEvent, mergePage, type LiveState, type Merged } from './live-merge.js';
import type { CommentSort, ThreadEvent } from './provider.js';
import { findComment, walkThread } from './thread.js';

/** Stream failures within `FAILURE_WINDOW` ms after which the thread is polled instead. */
const FAILURES = 3;
const FAILURE_WINDOW = 60_000;

/** What the controller needs of the element. */
export interface LiveHost extends ReactiveControllerHost {
  readonly renderRoot: ParentNode;
  readonly live: boolean;
  /** Milliseconds between polls when there is no stream. */
  readonly pollInterval: number;
  readonly threadId: string | undefined;
  readonly sort: CommentSort;
  readonly pageSize: number;
}

/** What it needs of the view: the thread on screen (the thread store) and the reader's place in it. */
export interface LiveView {
  readonly thread: { comments: Comment[]; total: number; readonly status: string; readonly lastEventId?: string };
  readonly connection: Connection;
  /** The comment with an open form, if any. */
  busy(): string | undefined;
  /** Says `count` new comments or replies arrived (a polite announcement). */
  arrived(count: number, replies: boolean): void;
  /** Moves focus to a comment once it is rendered. */
  focus(id: string): void;
}

export class LiveThread implements ReactiveController {
  /** New top-level comments behind the "N new comments" button. */
  waiting: Comment[] = [];
  /** Comments that arrived while the reader was here: marked new. */
  readonly fresh = new Set<string>();
  /** Events held back: while the first page loads, and for a comment with an open form. */
  #held: ThreadEvent[] = [];
  #unsubscribe?: () => void;
  #timer?: ReturnType<typeof setTimeout>;
  #failures: number[] = [];
  /** Bumped by every start and stop: an answer for an earlier run is dropped. */
  #run = 0;
  #running = false;
  /** The comment at the top of the viewport and its offset, before a live change renders. */
  #anchor?: { id: string; top: number };
  #moved = false;

  /** Whether the first page has loaded once: from then on, a reconnected element resumes. */
  #opened = false;
  /** A first page is loading: the stream opens once it is in, from where it says events stood. */
  #awaitingPage = false;
  /** Where the stream opens from: the last first page's `lastEventId` (or none: from now on). */
  #position?: string;

  constructor(
    readonly host: LiveHost,
    readonly view: LiveView,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
    if (this.#opened) this.#resume();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#stop();
  }

  /** The first page (re)loads: what was waiting belonged to the old one. */
  restart(): void {
    this.#opened = true;
    this.#stop();
    this.waiting = [];
    this.fresh.clear();
    this.#held = [];
    this.#failures = [];
    this.#awaitingPage = true;
  }

  hostUpdate(): void {
    const { host, view } = this;
    // The reader's own comments, come by their event before their post answered, are on screen now and counted twice.
    const posted = this.waiting.filter((comment) => findComment(view.thread.comments, comment.id));
    if (posted.length) {
      this.waiting = this.waiting.filter((comment) => !posted.includes(comment));
      view.thread.total -= posted.filter((comment) => comment.status === 'published').length;
    }
    if (this.#awaitingPage && view.thread.status === 'ready') {
      this.#awaitingPage = false;
      this.#position = view.thread.lastEventId;
      void this.#start();
    } else if (!this.#awaitingPage && host.live !== this.#running && !document.hidden) {
      if (host.live) this.#resume();
      else this.#stop();
    }
    if (this.#held.length && view.thread.status === 'ready') {
      const held = this.#held;
      this.#held = [];
      held.forEach(this.#apply);
    }
    if (this.#moved) this.#anchor = this.#top();
  }

  hostUpdated(): void {
    const anchor = this.#anchor;
    this.#anchor = undefined;
    this.#moved = false;
    const now = anchor && this.#find(anchor.id);
    // Something above the reader grew or shrank: scroll by as much, so the text read stays put.
    if (now) scrollBy(0, now.getBoundingClientRect().top - anchor.top);
  }

  /** How many new comments wait: the reader's own may have arrived on screen since by their post. */
  get count(): number {
    return this.waiting.filter((comment) => !findComment(this.view.thread.comments, comment.id)).length;
  }

  /** Shows the waiting comments at the top of the thread and moves focus to the first. */
  show(): void {
    const { thread } = this.view;
    const shown = this.waiting.filter((comment) => !findComment(thread.comments, comment.id));
    this.waiting = [];
    if (!shown.length) return this.host.requestUpdate();
    // With the replies that came while they waited: all of it arrived while the reader read.
    for (const comment of walkThread(shown)) this.fresh.add(comment.id);
    thread.comments = [...shown, ...thread.comments];
    this.view.focus(shown[0]!.id);
  }

  #find(id: string): Element | null {
    return this.host.renderRoot.querySelector(`article[data-id="${CSS.escape(id)}"]`);
  }

  /** The first comment whose bottom is below the top of the viewport, if it is on screen. */
  #top(): { id: string; top: number } | undefined {
    for (const article of this.host.renderRoot.querySelectorAll<HTMLElement>('article[data-id]')) {
      const { top, bottom } = article.getBoundingClientRect();
      if (bottom > 0) return top < innerHeight ? { id: article.dataset.id!, top } : undefined;
    }
    return undefined;
  }

  #onVisibility = (): void => {
    if (document.hidden) this.#stop();
    else if (this.host.live) this.#resume();
  };

  /** Catches up with what happened while stopped, then listens again (to the stream, even after it failed). */
  #resume(): void {
    this.#failures = [];
    void this.#catchUp().then(() => this.#start());
  }

  async #start(): Promise<void> {
    const { host, view } = this;
    if (this.#running || this.#awaitingPage || !host.live || !host.threadId || document.hidden) return;
    this.#running = true;
    const run = ++this.#run;
    const thread = host.threadId;
    const provider = await view.connection.request((provider) => Promise.resolve(provider)).catch(() => undefined);
    if (run !== this.#run) return;
    if (provider?.events && this.#failures.length < FAILURES)
      this.#unsubscribe = provider.events(
        thread,
        {
          event: (event) => run === this.#run && this.#onEvent(event),
          error: () => run === this.#run && this.#onError(),
        },
        { lastEventId: this.#position },
      );
    else this.#poll(run);
  }

  #stop(): void {
    this.#run += 1;
    this.#running = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearTimeout(this.#timer);
  }

  #poll(run: number): void {
    this.#timer = setTimeout(() => void this.#catchUp().then(() => run === this.#run && this.#poll(run)), this.host.pollInterval);
  }

  #onEvent(event: ThreadEvent): void {
    this.#failures = [];
    if (event.type === 'reset') void this.#catchUp();
    // While the first page loads, events wait for it; a thread that failed to load gets them with its next load.
    else if (['loading', 'idle'].includes(this.view.thread.status)) this.#held.push(event);
    else if (this.view.thread.status !== 'error') this.#apply(event);
  }

  #onError(): void {
    const now = Date.now();
    this.#failures = [...this.#failures.filter((at) => now - at < FAILURE_WINDOW), now];
    if (this.#failures.length < FAILURES) return;
    // The stream keeps failing: poll until the reader comes back to the tab, then try it again.
    this.#stop();
    this.#running = true;
    this.#poll(this.#run);
  }

  #apply = (event: ThreadEvent): void => {
    const busy = this.view.busy();
    if (busy && event.type !== 'created' && event.type !== 'reset' && event.data.id === busy) {
      this.#held.push(event);
      return;
    }
    this.#commit(applyEvent(this.#state(), event));
  };

  /** Reads the first page and merges it; a failure waits for the next try. */
  async #catchUp(): Promise<void> {
    const { host, view } = this;
    const thread = host.threadId;
    if (!thread || view.thread.status !== 'ready') return;
    const page = await view.connection
      .request((provider, signal) => provider.list(thread, { sort: host.sort, limit: host.pageSize, signal }))
      .catch(() => undefined);
    if (page && thread === host.threadId && view.thread.status === 'ready') {
      this.#position = page.lastEventId;
      this.#commit(mergePage(this.#state(), page, view.busy()));
    }
  }

  #state(): LiveState {
    const { comments, total } = this.view.thread;
    return { comments, total, waiting: this.waiting };
  }

  #commit({ state, fresh }: Merged): void {
    const { thread } = this.view;
    const waited = this.count;
    if (state.comments !== thread.comments) this.#moved = true;
    thread.comments = state.comments;
    thread.total = state.total;
    this.waiting = state.waiting;
    fresh.forEach((id) => this.fresh.add(id));
    if (this.count > waited) this.view.arrived(this.count, false);
    else if (fresh.length) this.view.arrived(fresh.length, true);
    this.host.requestUpdate();
  }
}
