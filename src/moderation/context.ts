import type { ReactiveController } from 'lit';
import { toLedeError } from '../shared/errors.js';
import type { AuditEntry, AuthorHistory, AdminComment, ThreadSettings, UpdateThread } from './api.js';
import type { ModerationHost } from './host.js';

/** What the detail pane shows around a comment: its parent, its author's history, what was done to it and its thread's settings, each once loaded. */
export interface CommentContext {
  parent?: AdminComment | null;
  author?: AuthorHistory;
  audit?: AuditEntry[];
  thread?: ThreadSettings;
}

/**
 * Loads the context of the comment the moderator is on, once per comment, after they rest on it
 * a moment (moving with j/k through fifty comments must not send a hundred requests). What fails
 * to load leaves the pane with what the queue already says.
 */
export class ContextController implements ReactiveController {
  readonly #cache = new Map<string, CommentContext>();
  #timer?: ReturnType<typeof setTimeout>;
  /** The comment waiting for its timer. */
  #waiting?: string;

  constructor(private readonly host: ModerationHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** The context loaded so far for `comment`; starts loading it if not yet. */
  of(comment: AdminComment): CommentContext {
    const known = this.#cache.get(comment.id);
    if (known) return known;
    if (this.#waiting === comment.id) return {};
    this.#waiting = comment.id;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#load(comment), 150);
    return {};
  }

  /** Forgets what changed: an action may change the author's counts and the audit. A load still waiting would read them from before. */
  forget(): void {
    this.#cache.clear();
    clearTimeout(this.#timer);
    this.#waiting = undefined;
  }

  async #load(comment: AdminComment): Promise<void> {
    this.#waiting = undefined;
    const context: CommentContext = {};
    this.#cache.set(comment.id, context);
    const { api } = this.host;
    const [parent, author, audit, thread] = await Promise.allSettled([
      comment.parentId ? api.context(comment.id).then((answer) => answer.parent) : Promise.resolve(null),
      api.author(comment.authorKey),
      api.audit({ comment: comment.id }, 20).then((page) => page.entries),
      api.thread(comment.threadId),
    ]);
    if (parent.status === 'fulfilled') context.parent = parent.value;
    if (author.status === 'fulfilled') context.author = author.value;
    if (audit.status === 'fulfilled') context.audit = audit.value;
    if (thread.status === 'fulfilled') context.thread = thread.value;
    this.host.requestUpdate();
  }

  /** Closes, reopens or pre-moderates a thread; every comment of it shows the new settings. */
  async changeThread(id: string, change: UpdateThread): Promise<void> {
    const words = this.host.words();
    try {
      const thread = await this.host.api.setThread(id, change);
      for (const context of this.#cache.values()) if (context.thread?.id === id) context.thread = thread;
      const said =
        change.closed !== undefined
          ? words[thread.closed ? 'threadClosed' : 'threadReopened']
          : words[thread.premoderation ? 'premoderationOn' : 'premoderationOff'];
      this.host.announce(said);
    } catch (error) {
      const problem = toLedeError(error);
      if (problem.status === 401) return this.host.signedOut();
      this.host.announce(words.failed({ message: problem.message }));
      this.host.fail(problem);
    }
    this.host.requestUpdate();
  }
}
