import type { FastifyBaseLogger } from 'fastify';

/**
 * What a request did to a comment. `moderated` carries the moderator's action; `created` is
 * sent once per stored comment (never for an idempotent replay), whether published or held.
 */
export type CommentChange =
  | { kind: 'created' | 'edited' | 'deleted' | 'voted' | 'reported'; commentId: string }
  | { kind: 'moderated'; commentId: string; action: 'approve' | 'reject' | 'feature' | 'unfeature' | 'delete' | 'undo' };

export type ChangeListener = (change: CommentChange) => void | Promise<void>;

/**
 * The one place routes report what they changed; the live queue, live threads, webhooks and
 * reply mail listen here instead of being called from every route. Listeners run in the
 * process that made the change (they fan out to others themselves) and never fail its request.
 */
export class CommentChanges {
  readonly #listeners: ChangeListener[] = [];

  constructor(private readonly log: FastifyBaseLogger) {}

  on(listener: ChangeListener): void {
    this.#listeners.push(listener);
  }

  emit(change: CommentChange): void {
    for (const listener of this.#listeners) {
      try {
        Promise.resolve(listener(change)).catch((error: unknown) => this.#failed(change, error));
      } catch (error) {
        this.#failed(change, error);
      }
    }
  }

  #failed(change: CommentChange, error: unknown): void {
    this.log.warn({ err: error, change }, 'a comment change listener failed');
  }
}
