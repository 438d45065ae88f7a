import type { ReactiveController } from 'lit';
import { LedeError, toLedeError } from '../shared/errors.js';
import type { BulkAction } from 'lede-protocol';
import { AUTHOR_ACTIONS, type Action, type AdminComment } from './api.js';
import type { ModerationHost } from './host.js';
import type { QueueController } from './queue.js';

/** The last action, for the undo bar: what was done, to how many, and how to take it back. */
export interface Done {
  action: Action;
  count: number;
  /** Undo ids from the server; empty when it offers none. */
  undo: string[];
}

/** A comment as an action leaves it, for answers that do not send it back (delete, bulk). */
function after(comment: AdminComment, action: Action): AdminComment {
  switch (action) {
    case 'approve':
      return { ...comment, status: 'published' };
    case 'reject':
      return { ...comment, status: 'rejected' };
    case 'delete':
      return { ...comment, status: 'removed' };
    case 'feature':
    case 'unfeature':
      return { ...comment, featured: action === 'feature' };
    case 'trust':
    case 'untrust':
      return { ...comment, author: { ...comment.author, trusted: action === 'trust' } };
    case 'ban':
    case 'unban':
      return { ...comment, author: { ...comment.author, banned: action === 'ban' } };
  }
}

/**
 * Runs the moderator's actions, on one comment or a selection, applies each result to the queue
 * as it comes, announces it, and keeps the last one undoable.
 */
export class ActionsController implements ReactiveController {
  last?: Done;
  busy = false;

  constructor(
    private readonly host: ModerationHost,
    private readonly queue: QueueController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * Acts on the selection, else on the current comment; author actions on the current comment's
   * author. Feature on a featured comment unfeatures it; `reason` goes with a reject.
   */
  act(action: Action, reason?: string): Promise<void> {
    const { queue } = this;
    const active = queue.activeComment;
    const many = queue.selected.size > 0 && !AUTHOR_ACTIONS.includes(action);
    const targets = many ? queue.items.filter((item) => queue.selected.has(item.id)) : active ? [active] : [];
    if (action === 'feature' && targets.length === 1 && targets[0]!.featured) action = 'unfeature';
    return this.#run(action, targets, action === 'reject' ? reason : undefined);
  }

  async #run(action: Action, comments: AdminComment[], reason?: string): Promise<void> {
    if (this.busy || comments.length === 0) return;
    this.busy = true;
    this.host.requestUpdate();
    try {
      const undo: string[] = [];
      let done = comments;
      // Author actions act on one author, the one of the comment the moderator is on.
      if (comments.length === 1 || AUTHOR_ACTIONS.includes(action)) {
        const result = await this.host.api.act(action, comments[0]!, reason);
        if (result.undo) undo.push(result.undo);
        this.#apply(action, result.comment ?? after(comments[0]!, action));
      } else {
        const { results } = await this.host.api.bulk(action as BulkAction, comments, reason);
        const ok = new Set(results.filter((result) => result.ok).map((result) => result.id));
        for (const result of results) if (result.ok && result.undo) undo.push(result.undo);
        done = comments.filter((comment) => ok.has(comment.id));
        for (const comment of done) this.#apply(action, after(comment, action));
        if (done.length < comments.length) this.#failed(new LedeError('http', `${comments.length - done.length} of ${comments.length} failed.`));
      }
      this.last = { action, count: done.length, undo };
      const words = this.host.words();
      this.host.announce(words.done({ action: words[`did-${action}`], count: done.length }));
    } catch (error) {
      this.#failed(toLedeError(error));
      // Edited since the moderator read it: show them what it says now.
      if (toLedeError(error).status === 409) void this.queue.load();
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  #apply(action: Action, comment: AdminComment): void {
    this.queue.unselect(comment.id);
    if (!AUTHOR_ACTIONS.includes(action)) return this.queue.update(comment);
    // Every comment of that author in the queue shows their new standing.
    for (const item of this.queue.items) if (item.authorKey === comment.authorKey) this.queue.update({ ...item, author: comment.author });
  }

  #failed(error: LedeError): void {
    if (error.status === 401) return this.host.signedOut();
    this.host.announce(this.host.words().failed({ message: error.message }));
    this.host.fail(error);
  }

  /** Takes the last action back; each comment returns to its queue as the server now has it. */
  async undo(): Promise<void> {
    const last = this.last;
    if (!last?.undo.length || this.busy) return;
    this.busy = true;
    this.last = undefined;
    this.host.requestUpdate();
    try {
      let reload = false;
      for (const id of last.undo) {
        const { comment } = await this.host.api.undo(id);
        if (comment) this.queue.arrive(comment);
        else reload = true;
      }
      if (reload) await this.queue.load();
      this.host.announce(this.host.words().undone);
    } catch (error) {
      this.#failed(toLedeError(error));
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
