/**
 * The moderation API's shapes (`/api/admin`): every stored status, why a comment was held,
 * and comments as moderators see them.
 * @module
 */
import { Type, type Static } from '@sinclair/typebox';
import { COMMENT_STATUSES, LIMITS } from './limits.js';
import { StringEnum, ThreadId, type Comment, type CommentPage } from './schemas.js';

/** Every state a stored comment can be in; `rejected` and `removed` are never shown to readers. */
export const StoredStatus = StringEnum([...COMMENT_STATUSES, 'rejected', 'removed']);
export type StoredStatus = Static<typeof StoredStatus>;

/** Why a comment was held for moderation. */
export const HoldReason = StringEnum(['moderation-all', 'first-time', 'links', 'banned-words', 'honeypot', 'no-timing']);
export type HoldReason = Static<typeof HoldReason>;

/** A comment as moderators see it: every status, plus why it was held and how often reported. */
export interface AdminComment extends Omit<Comment, 'status' | 'replies'> {
  status: StoredStatus;
  heldReason: HoldReason | null;
  reports: number;
  /** Changes whenever the name or text does; an approval names the revision it approves. */
  revision: string;
}

/** `GET /api/admin/comments`: a page of comments as moderators see them. */
export interface AdminCommentPage extends Omit<CommentPage, 'comments'> {
  comments: AdminComment[];
}

/** Which comments `GET /api/admin/comments` lists. */
const filters = ['pending', 'published', 'reported', 'all'] as const;
export const AdminFilter = StringEnum(filters);
export type AdminFilter = Static<typeof AdminFilter>;

export const AdminListQuery = Type.Object({
  status: StringEnum(filters, { default: 'pending' }),
  thread: Type.Optional(ThreadId),
  limit: Type.Integer({ minimum: LIMITS.pageSize.min, maximum: LIMITS.pageSize.max, default: 50 }),
  cursor: Type.Optional(Type.String({ maxLength: LIMITS.cursor.max })),
});
export type AdminListQuery = Static<typeof AdminListQuery>;

/** `POST /api/admin/comments/:id/approve`: the revision the moderator reviewed. */
export const Approve = Type.Object({ revision: Type.String({ minLength: 1, maxLength: 128 }) });
export type Approve = Static<typeof Approve>;
