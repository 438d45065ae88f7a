/**
 * The JSON shapes the server speaks. `Comment`, `CommentAuthor` and `CommentStatus` match
 * `src/model.ts` of the `lede-elements` package field for field; they are repeated here so the
 * server does not depend on the browser package.
 */

/** Moderation state of a comment as readers may see it. */
export type CommentStatus = 'published' | 'pending' | 'deleted';

/** The public face of a commenter. Emails and addresses never leave the server. */
export interface CommentAuthor {
  name: string;
}

/** A comment as readers see it. `body` is the text as written, never HTML. */
export interface Comment {
  id: string;
  threadId: string;
  parentId: string | null;
  author: CommentAuthor;
  body: string;
  createdAt: string;
  editedAt: string | null;
  status: CommentStatus;
  score: number;
  replyCount: number;
  /** The first replies, nested; fetch the rest when `replyCount` is larger. */
  replies?: Comment[];
}

/** Every state a stored comment can be in; `rejected` and `removed` are never shown to readers. */
export type StoredStatus = CommentStatus | 'rejected' | 'removed';

/** Why a comment was held for moderation. */
export type HoldReason =
  | 'moderation-all'
  | 'first-time'
  | 'links'
  | 'banned-words'
  | 'honeypot'
  | 'no-timing';

/** A comment as moderators see it: every status, plus why it was held and how often reported. */
export interface AdminComment extends Omit<Comment, 'status' | 'replies'> {
  status: StoredStatus;
  heldReason: HoldReason | null;
  reports: number;
  /** Changes whenever the name or text does; an approval names the revision it approves. */
  revision: string;
}

export interface CommentPage<C = Comment> {
  comments: C[];
  nextCursor: string | null;
  total: number;
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export type SortOrder = 'newest' | 'oldest' | 'top';
