import type { Reader, ReaderModeration, StaffRole } from 'lede-protocol';
import type { Comment } from '../model.js';

/** Comment orders a backend can list in. */
export type CommentSort = 'newest' | 'oldest' | 'top';

/** One page of comments, with the cursor of the next (null on the last) and the total count. */
export interface CommentPage {
  comments: Comment[];
  nextCursor: string | null;
  /** Published comments at every depth (for a list), or the parent's `replyCount` (for replies). */
  total: number;
  /** Whether the thread takes no new comments or replies (a list's pages); absent: open. */
  closed?: boolean;
  /** `false` when the thread takes comments from signed-in readers only (a list's pages); absent: anyone. */
  anonymous?: false;
  /**
   * Where the thread's events stood when a list's page was read: `events` opened with it brings
   * every change after the page, so none made while the stream opens is missed.
   */
  lastEventId?: string;
}

/**
 * The signed-in reader as the backend read the site's token (`GET /api/me`), the staff roles
 * whose badges show beside a name, and what a moderator may do from the thread: the protocol's.
 */
export type { Reader, StaffRole };
/** What a signed-in moderator may do to a comment from the thread. */
export type ModerateAction = ReaderModeration['action'];

/** What the form sends. `website` and `startedAt` are the honeypot and timing fields. */
export interface NewComment {
  author: { name: string };
  body: string;
  parentId: string | null;
  website?: string;
  /** When the form was shown, in milliseconds since the epoch. */
  startedAt?: number;
  /** When the page says its thread opened (ISO 8601), from the element's `opened`: a server may close threads some days after. */
  opened?: string;
  /** The page the form is on, without its fragment: moderators open the article from the queue. */
  pageUrl?: string;
  /** "Email me when someone replies": the reader's address (`notifications`). */
  notifyEmail?: string;
}

/** A stored comment and the token that lets its author edit or delete it. */
export interface PostedComment {
  comment: Comment;
  editToken: string;
  /** When editing and deleting close (ISO 8601); without it the element assumes 15 minutes. */
  editableUntil?: string;
  /** With `notifyEmail`: a confirmation mail is on its way, or the address was confirmed before. */
  notification?: 'confirm_sent' | 'subscribed';
}

/**
 * A live thread's events (`events`), as the reference server's `GET /threads/:id/events` stream
 * sends them (docs/comments-protocol.md): `type` is the SSE event name, `data` its JSON.
 */
export type ThreadEvent =
  /** Newly published (or approved), without nested replies. */
  | { type: 'created'; data: Comment }
  | { type: 'edited'; data: Comment }
  /** Featured set or cleared: the comment as it is now. */
  | { type: 'featured'; data: Comment }
  /** Deleted or rejected. */
  | { type: 'deleted'; data: { id: string } }
  | { type: 'votes'; data: { id: string; score: number } }
  /** Events were missed: the client catches up from the first page. */
  | { type: 'reset'; data: Record<string, never> };

/** What `events` calls: each event, and `error` whenever the stream fails (it may come back). */
export interface ThreadEventHandlers {
  event(event: ThreadEvent): void;
  error(): void;
}

/**
 * A comment backend. `<lede-comments>` calls only these methods, so an adapter to any other
 * backend implements this interface and is set as the element's `provider` property.
 *
 * Rules every method follows:
 * - Failures reject with a `LedeError`: `network` when the request did not complete, `timeout`,
 *   or `http` with `status`, a message people can read, the offending `field` if any, and
 *   `retryAfter` seconds for rate limits. A post to a closed thread fails with `reason: 'thread_closed'`. The element retries posts on `network`, `timeout`,
 *   5xx and 429, and shows any other error's message by its field.
 * - `signal` aborts a request; the element passes one with its timeout.
 * - Comment bodies and names are text as written, never HTML.
 */
export interface CommentProvider {
  /** A page of a thread's top-level comments, each with its first replies nested. */
  list(
    threadId: string,
    options: { sort: CommentSort; cursor?: string | null; limit: number; moderator?: boolean; signal?: AbortSignal },
  ): Promise<CommentPage>;
  /** A page of one comment's direct replies, oldest first. `moderator`: asked as the signed-in moderator, held comments included. */
  replies(id: string, options: { cursor?: string | null; limit: number; moderator?: boolean; signal?: AbortSignal }): Promise<CommentPage>;
  /**
   * Stores a comment. `idempotencyKey` is the same on every retry of one comment: a backend must
   * store it once however often it is sent. A held comment comes back with `status: 'pending'`.
   */
  post(threadId: string, comment: NewComment, options: { idempotencyKey: string; signal?: AbortSignal }): Promise<PostedComment>;
  /**
   * One comment as the backend has it now, or null when this reader may not see it (rejected by
   * moderation, removed). With the token `post` returned, a pending comment is returned too.
   * Optional: without it, the author's held comments show as pending until they are a week old.
   */
  get?(id: string, options?: { token?: string; signal?: AbortSignal }): Promise<Comment | null>;
  /**
   * Changes a comment's body, with the token `post` returned, or with `''` for a comment the
   * signed-in reader wrote (`author.id` is theirs): the backend checks their identity instead.
   */
  edit(id: string, body: string, editToken: string, options?: { signal?: AbortSignal }): Promise<Comment>;
  /** Deletes a comment, with the token `post` returned (or `''`, as for `edit`). */
  delete(id: string, editToken: string, options?: { signal?: AbortSignal }): Promise<void>;
  /** Votes +1 or -1, or withdraws a vote with 0; resolves with the new score and this voter's vote. */
  vote(id: string, value: -1 | 0 | 1, options?: { signal?: AbortSignal }): Promise<{ score: number; vote: number }>;
  /** Reports a comment to the moderators. */
  report(id: string, reason: string, options?: { signal?: AbortSignal }): Promise<void>;
  /**
   * Optional: listens to a thread's changes as they happen, until the returned function is called;
   * from `lastEventId` (a first page's) when given. Without it, `<lede-comments>` polls the first
   * page instead.
   */
  events?(threadId: string, handlers: ThreadEventHandlers, options?: { lastEventId?: string }): () => void;
  /** Published comments per thread, for "12 comments" links. */
  count(threadIds: string[], options?: { signal?: AbortSignal }): Promise<Record<string, number>>;
  /**
   * The signed-in reader, or null when the page gave no sign-in. A token the backend refuses
   * rejects with its reason (`token_invalid`, `token_expired`, `token_audience`). Optional: without
   * it every reader is anonymous.
   */
  me?(options?: { signal?: AbortSignal }): Promise<Reader | null>;
  /** Approves, rejects, features or unfeatures a comment as the signed-in moderator. Optional. */
  moderate?(id: string, action: ModerateAction, options?: { signal?: AbortSignal }): Promise<void>;
}
