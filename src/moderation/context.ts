import type { ReactiveController } from 'lit';
import type { AuthorHistory, AdminComment } from './api.js';
import type { ModerationHost } from './host.js';

/** What the detail pane shows around a comment: its parent and its author's history, each once loaded. */
export interface CommentContext {
  parent?: AdminComment | null;
  author?: AuthorHistory;
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

  /** Forgets what changed: an action may change the author's counts. */
  forget(): void {
    this.#cache.clear();
  }

  async #load(comment: AdminComment): Promise<void> {
    this.#waiting = undefined;
    const context: CommentContext = {};
    this.#cache.set(comment.id, context);
    const { api } = this.host;
    const [parent, author] = await Promise.allSettled([
      comment.parentId ? api.context(comment.id).then((answer) => answer.parent) : Promise.resolve(null),
      api.author(comment.authorKey),
    ]);
    if (parent.status === 'fulfilled') context.parent = parent.value;
    if (author.status === 'fulfilled') context.author = author.value;
    this.host.requestUpdate();
  }
}
