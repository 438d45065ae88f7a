/**
 * The moderation API's shapes (`/api/admin`): every stored status, why a comment was held,
 * comments as moderators see them, the queue, actions, undo, authors and the audit log.
 * @module
 */
import { Type, type Static } from '@sinclair/typebox';
import { COMMENT_STATUSES, LIMITS } from './limits.js';
import { CommentId, StringEnum, ThreadId, type Comment } from './schemas.js';

/** Every state a stored comment can be in; `rejected` and `removed` are never shown to readers. */
export const StoredStatus = StringEnum([...COMMENT_STATUSES, 'rejected', 'removed']);
export type StoredStatus = Static<typeof StoredStatus>;

/** Why a comment was held for moderation. */
export const HoldReason = StringEnum(['moderation-all', 'first-time', 'links', 'banned-words', 'honeypot', 'no-timing', 'banned-author']);
export type HoldReason = Static<typeof HoldReason>;

/** An author as moderators see them: the name on this comment and how the site treats them. */
export interface AdminAuthor {
  name: string;
  /** Their comments skip pre-moderation. */
  trusted: boolean;
  /** Their new comments are held or refused (LEDE_BAN_MODE). */
  banned: boolean;
}

/** A comment as moderators see it: every status, plus why it was held and how often reported. */
export interface AdminComment extends Omit<Comment, 'status' | 'replies' | 'author' | 'featured'> {
  status: StoredStatus;
  author: AdminAuthor;
  heldReason: HoldReason | null;
  /** Reports ever received (one per reporter). */
  reports: number;
  /** Reports by reason, most frequent first. */
  reportReasons: { reason: string; count: number }[];
  /** Changes whenever the name or text does; an approval names the revision it approves. */
  revision: string;
  /** The server's keyed hash for the author (name and network): opaque, never an IP, never shown to readers. */
  authorKey: string;
  featured: boolean;
  /** The article's page: where the comment was posted from, or the thread id when that is a web address. */
  pageUrl: string | null;
}

/** Comments per queue, under the list's other filters (the live events: over every thread). */
export interface QueueCounts {
  pending: number;
  reported: number;
  published: number;
  rejected: number;
  all: number;
}

/** `GET /api/admin/comments`: a page of a queue. `nextCursor` and `total` are `next` and `counts[status]`, kept for older scripts. */
export interface AdminCommentPage {
  comments: AdminComment[];
  next: string | null;
  counts: QueueCounts;
  nextCursor: string | null;
  total: number;
}

/** Which comments `GET /api/admin/comments` lists. */
const filters = ['pending', 'reported', 'published', 'rejected', 'all'] as const;
export const AdminFilter = StringEnum(filters);
export type AdminFilter = Static<typeof AdminFilter>;

/** An author key in a path or a query: the opaque string the server handed out. */
export const AuthorKey = Type.String({ minLength: 1, maxLength: 128 });

export const AdminListQuery = Type.Object({
  status: StringEnum(filters, { default: 'pending' }),
  thread: Type.Optional(ThreadId),
  author: Type.Optional(AuthorKey),
  reason: Type.Optional(HoldReason),
  /** Words to find in names and text, as typed (no wildcards). */
  q: Type.Optional(Type.String({ maxLength: LIMITS.search.max })),
  order: StringEnum(['newest', 'oldest'], { default: 'newest' }),
  limit: Type.Integer({ minimum: LIMITS.pageSize.min, maximum: LIMITS.pageSize.max, default: 50 }),
  cursor: Type.Optional(Type.String({ maxLength: LIMITS.cursor.max })),
});
export type AdminListQuery = Static<typeof AdminListQuery>;

/** `GET /api/admin/comments/:id`: a comment and the one it answers. */
export interface AdminCommentContext {
  comment: AdminComment;
  parent: AdminComment | null;
}

/** `GET /api/admin/authors/:key`: an author's history, by the server's author key. */
export interface AuthorHistory {
  authorKey: string;
  /** Every name used with this key (one, unless names differ only in case). */
  names: string[];
  counts: { published: number; pending: number; rejected: number; removed: number };
  trusted: boolean;
  banned: boolean;
  /** Their newest 20 comments. */
  comments: AdminComment[];
}

export const AuthorParams = Type.Object({ key: AuthorKey });
export type AuthorParams = Static<typeof AuthorParams>;

/** `POST /api/admin/comments/:id/approve`: the revision the moderator reviewed. */
export const Approve = Type.Object({ revision: Type.String({ minLength: 1, maxLength: 128 }) });
export type Approve = Static<typeof Approve>;

/** `POST /api/admin/comments/:id/reject`: optionally one of the configured reasons (`GET /config`). */
export const Reject = Type.Object({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.reason.max })) });
export type Reject = Static<typeof Reject>;

/** What every action answers: the comment as it is now (comment actions) and the id that undoes it for 10 minutes. */
export interface ActionResult {
  comment?: AdminComment;
  undo: string;
}

export const UndoParams = Type.Object({ undoId: Type.String({ minLength: 1, maxLength: 64 }) });
export type UndoParams = Static<typeof UndoParams>;

export const BULK_ACTIONS = ['approve', 'reject', 'delete', 'feature', 'unfeature'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/**
 * `POST /api/admin/bulk`. `revisions` maps ids to the revision the moderator reviewed: an
 * approval of a comment edited since is refused (`comment_changed`) like a single one.
 */
export const Bulk = Type.Object({
  action: StringEnum(BULK_ACTIONS),
  ids: Type.Array(CommentId, { minItems: LIMITS.bulk.min, maxItems: LIMITS.bulk.max }),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.reason.max })),
  revisions: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 128 }))),
});
export type Bulk = Static<typeof Bulk>;

/** One comment's outcome in a bulk action, with its own undo id when it worked. */
export interface BulkResult {
  results: { id: string; ok: boolean; error?: { code: string; message: string }; undo?: string }[];
}

export type AuditAction =
  | 'approve'
  | 'reject'
  | 'delete'
  | 'feature'
  | 'unfeature'
  | 'trust'
  | 'untrust'
  | 'ban'
  | 'unban'
  | 'undo'
  // Thread controls (`PUT /api/admin/threads/:id`), recorded with `threadId` only.
  | 'close'
  | 'reopen'
  | 'premoderate'
  | 'unpremoderate'
  | 'allow-anonymous'
  | 'require-sign-in';

/** One line of the audit log: who did what to which comment (or author, or thread) when. */
export interface AuditEntry {
  id: string;
  at: string;
  /** `request.moderator`: a moderator's name, or `token` for the admin token. */
  actor: string;
  action: AuditAction;
  commentId: string | null;
  authorKey: string | null;
  threadId: string | null;
  /** The reject reason, the undone action, a bulk action's name… */
  detail: string | null;
}

export const AuditQuery = Type.Object({
  comment: Type.Optional(CommentId),
  limit: Type.Integer({ minimum: LIMITS.pageSize.min, maximum: LIMITS.pageSize.max, default: 50 }),
  cursor: Type.Optional(Type.String({ maxLength: LIMITS.cursor.max })),
});
export type AuditQuery = Static<typeof AuditQuery>;

/** `GET /api/admin/audit`: newest first. */
export interface AuditPage {
  entries: AuditEntry[];
  next: string | null;
}

/** `GET /api/admin/config`: who is signed in and the reject reasons to offer. */
export interface AdminConfig {
  moderator: string;
  rejectReasons: string[];
}
