/**
 * The thread as this browser knows it: the loaded comments with their count and next cursor, the
 * author's own comments (tokens to edit or delete them, and the held ones), and this browser's
 * votes and reports. No DOM: it talks to the backend through a `Connection` and says `changed()`.
 */
import type { Comment } from '../model.js';
import { LedeError } from '../shared/errors.js';
import type { Connection } from './connection.js';
import { browserStorage, freshOwnComments, readStored, storageKeys, writeStored, type OwnComment } from './outbox.js';
import type { CommentSort, ModerateAction, PostedComment } from './provider.js';
import { appendUnique, findComment, insertComment, updateComment } from './thread.js';

/** The edit window when a backend does not say: the reference server's default. */
export const EDIT_WINDOW = 15 * 60_000;
/** Pages of replies one "more replies" press may fetch: a backend that always has more is cut off. */
const REPLY_PAGES = 20;
/** The longest timer: `setTimeout` fires at once for delays past 2^31 − 1 ms; later work is checked again in a day. */
export const MAX_TIMER = 86_400_000;
/** How many of this browser's votes are remembered: the newest ones. */
const VOTES_KEPT = 1000;

/** When an own comment's edit window closes; entries from before `until` was kept count from `at`. */
const editingEnds = (own: OwnComment) => own.until ?? own.at + EDIT_WINDOW;

export class ThreadStore {
  comments: Comment[] = [];
  total = 0;
  nextCursor: string | null = null;
  /** The thread takes no new comments or replies: its pages say so, or a post was refused as `thread_closed`. */
  closed = false;
  /** The thread takes signed-in readers only: its pages say so, or a post was refused as `sign_in_required`. */
  signInOnly = false;
  /** Where the thread's live events stood when the first page was read (CommentPage). */
  lastEventId?: string;
  /** Lists are asked for as the signed-in moderator, held comments included. */
  moderator = false;
  status: 'idle' | 'loading' | 'ready' | 'error' | 'more' = 'idle';
  own: Record<string, OwnComment> = {};
  votes: Record<string, number>;
  readonly reported = new Set<string>();
  /** First pages loaded so far: each starts the rendering over from the top. */
  loads = 0;
  /** The thread, order and page size of the latest first-page load: an older one's answer is dropped. */
  #loading?: string;
  /** Comments this browser posted while a page was loading: the page may have been read before they were stored. */
  #postedDuringLoad: Comment[] = [];
  #expiryTimer?: ReturnType<typeof setTimeout>;

  /** `expired` runs when an own comment's edit window closes, so its edit and delete buttons go. */
  constructor(
    readonly connection: Connection,
    readonly changed: () => void,
    readonly expired: () => void,
    readonly storage = browserStorage(),
  ) {
    this.votes = readStored(storage, storageKeys.votes, {});
  }

  /** Whether the author may still edit or delete comment `id`. */
  mine(id: string): boolean {
    const own = this.own[id];
    return !!own && Date.now() < editingEnds(own);
  }

  /** Restores the author's own comments, for a newly opened thread. */
  open(): void {
    this.own = freshOwnComments(readStored(this.storage, storageKeys.own, {}), Date.now());
    this.scheduleExpiry();
  }

  /** Closes editing and deleting on time: `expired` runs when the next own comment's window ends. */
  scheduleExpiry(): void {
    clearTimeout(this.#expiryTimer);
    const now = Date.now();
    const next = Math.min(
      ...Object.values(this.own)
        .map(editingEnds)
        .filter((until) => until > now),
    );
    if (next === Infinity) return;
    this.#expiryTimer = setTimeout(
      () => {
        this.expired();
        this.scheduleExpiry();
      },
      Math.min(next - now, MAX_TIMER),
    );
  }

  stop(): void {
    clearTimeout(this.#expiryTimer);
  }

  #saveOwn(): void {
    writeStored(this.storage, storageKeys.own, this.own);
    this.scheduleExpiry();
  }

  /** Loads the first page, keeping the author's own pending comments in view. */
  async load(thread: string, sort: CommentSort, limit: number): Promise<void> {
    const key = (this.#loading = `${thread}|${sort}|${limit}`);
    this.status = 'loading';
    this.#postedDuringLoad = [];
    this.changed();
    try {
      let held: [string, OwnComment][] = [];
      // The author's held comments are asked after alongside the page: one approved or rejected since is no longer pending.
      const [page, ...now] = await this.connection.request((provider, signal) => {
        held = Object.entries(this.own).filter(([, own]) => own.pending?.threadId === thread);
        return Promise.all([
          provider.list(thread, { sort, limit, moderator: this.moderator, signal }),
          ...held.map(([id, own]) => provider.get?.(id, { token: own.token, signal }).catch(() => own.pending) ?? own.pending),
        ]);
      });
      if (key !== this.#loading) return;
      let comments = page.comments;
      held.forEach(([id, own], index) => {
        const current = now[index];
        if (current?.status === 'pending') {
          if (!findComment(comments, id)) comments = insertComment(comments, current, false);
        } else {
          delete own.pending;
        }
      });
      if (held.length) this.#saveOwn();
      let total = page.total;
      for (const posted of this.#postedDuringLoad) {
        if (findComment(comments, posted.id)) continue;
        comments = insertComment(comments, posted, sort === 'oldest' && !posted.parentId);
        if (posted.status !== 'pending') total += 1;
      }
      this.#postedDuringLoad = [];
      this.comments = comments;
      this.total = total;
      this.nextCursor = page.nextCursor;
      this.closed = page.closed === true;
      this.signInOnly = page.anonymous === false;
      this.lastEventId = page.lastEventId;
      this.loads += 1;
      this.status = 'ready';
    } catch (error) {
      if (key !== this.#loading) return;
      this.connection.report(error);
      this.status = 'error';
    }
    this.changed();
  }

  /** The next page of top-level comments; rejects when it could not be had. */
  async loadMore(thread: string, sort: CommentSort, limit: number): Promise<void> {
    this.status = 'more';
    this.changed();
    try {
      const page = await this.connection.request((provider, signal) =>
        provider.list(thread, { sort, cursor: this.nextCursor, limit, moderator: this.moderator, signal }),
      );
      this.comments = appendUnique(this.comments, page.comments);
      this.nextCursor = page.nextCursor;
      this.total = page.total;
    } finally {
      this.status = 'ready';
      this.changed();
    }
  }

  /** All of a comment's replies not shown yet; rejects when they could not be had. */
  async loadReplies(parent: Comment): Promise<void> {
    const replies: Comment[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      if (++pages > REPLY_PAGES) throw new LedeError('invalid-data', `The comment server kept offering more replies; stopped after ${REPLY_PAGES} pages.`);
      const page = await this.connection.request((provider, signal) => provider.replies(parent.id, { cursor, limit: 100, moderator: this.moderator, signal }));
      replies.push(...page.comments);
      cursor = page.nextCursor;
    } while (cursor);
    this.#update(parent.id, (comment) => ({
      ...comment,
      replies: appendUnique(replies, comment.replies ?? []),
      replyCount: Math.max(comment.replyCount, replies.length),
    }));
  }

  /** Adds a comment this browser posted, keeping its token (and the comment itself while it is held). */
  posted({ comment, editToken, editableUntil }: PostedComment, sort: CommentSort): void {
    const pending = comment.status === 'pending';
    const now = Date.now();
    // By this browser's clock: the window's length as the backend gives it, from now.
    const editWindow = Date.parse(editableUntil!) - Date.parse(comment.createdAt);
    this.own[comment.id] = {
      token: editToken,
      at: now,
      until: now + (Number.isFinite(editWindow) ? editWindow : EDIT_WINDOW),
      ...(pending ? { pending: comment } : {}),
    };
    this.#saveOwn();
    // A live thread may have had its event first, and counted it then.
    const known = findComment(this.comments, comment.id);
    this.comments = insertComment(this.comments, comment, sort === 'oldest' && !comment.parentId);
    if (this.status === 'loading') this.#postedDuringLoad.push(comment);
    if (!pending && !known) this.total += 1;
    this.changed();
  }

  /** Votes `value`, or withdraws the vote when it is the one already given. */
  async vote(comment: Comment, value: 1 | -1): Promise<void> {
    const next = this.votes[comment.id] === value ? 0 : value;
    const { score, vote } = await this.connection.request((provider, signal) => provider.vote(comment.id, next, { signal }));
    // Read again before writing: another element on the page may have voted since.
    const { [comment.id]: _previous, ...votes } = readStored<Record<string, number>>(this.storage, storageKeys.votes, {});
    this.votes = Object.fromEntries(Object.entries(vote ? { ...votes, [comment.id]: vote } : votes).slice(-VOTES_KEPT));
    writeStored(this.storage, storageKeys.votes, this.votes);
    this.#update(comment.id, (old) => ({ ...old, score }));
  }

  /** Deletes a comment with its edit token, or by the signed-in reader's identity (`''`) without one. */
  async remove(comment: Comment): Promise<void> {
    await this.connection.request((provider, signal) => provider.delete(comment.id, this.own[comment.id]?.token ?? '', { signal }));
    this.#drop(comment);
  }

  /** Approves, rejects, features or unfeatures a comment as the signed-in moderator. */
  async moderate(comment: Comment, action: ModerateAction): Promise<void> {
    await this.connection.request((provider, signal) => provider.moderate!(comment.id, action, { signal }));
    if (action === 'reject') return this.#drop(comment);
    if (action === 'approve') this.total += 1;
    this.#update(comment.id, (old) => {
      if (action === 'approve') return { ...old, status: 'published' };
      if (action === 'feature') return { ...old, featured: true };
      const { featured: _featured, ...unfeatured } = old;
      return unfeatured;
    });
  }

  /** Takes a deleted or rejected comment out of the thread. */
  #drop(comment: Comment): void {
    if (comment.status === 'published') this.total -= 1;
    // A comment with replies stays as a placeholder so the thread keeps its shape.
    const placeholder = { ...comment, author: { name: '' }, body: '', status: 'deleted' as const };
    const { parentId } = comment;
    if (comment.replyCount > 0) this.#update(comment.id, () => placeholder);
    else if (!parentId) this.comments = this.comments.filter((other) => other.id !== comment.id);
    else
      this.#update(parentId, (parent) => ({
        ...parent,
        replyCount: parent.replyCount - 1,
        replies: parent.replies?.filter((reply) => reply.id !== comment.id),
      }));
    const { [comment.id]: _deleted, ...own } = this.own;
    this.own = own;
    this.#saveOwn();
    this.changed();
  }

  async edit(id: string, body: string): Promise<void> {
    const comment = await this.connection.request((provider, signal) => provider.edit(id, body, this.own[id]?.token ?? '', { signal }));
    this.#update(id, (old) => ({ ...comment, replies: old.replies, replyCount: old.replyCount }));
    const own = this.own[id];
    if (own?.pending) {
      own.pending = comment;
      this.#saveOwn();
    }
  }

  async report(id: string, reason: string): Promise<void> {
    await this.connection.request((provider, signal) => provider.report(id, reason, { signal }));
    this.reported.add(id);
    this.changed();
  }

  #update(id: string, change: (comment: Comment) => Comment): void {
    this.comments = updateComment(this.comments, id, change);
    this.changed();
  }
}
