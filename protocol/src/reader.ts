/**
 * Readers signed in with the site's own login (docs/sso.md): who the server takes a token's
 * bearer to be, and what a moderator among them may do from the reader's element.
 * @module
 */
import { Type, type Static } from '@sinclair/typebox';
import { StaffRole, StringEnum, type Comment } from './schemas.js';

/** `GET /api/me` with `Authorization: Bearer <JWT>`: the signed-in reader as the server sees them. */
export const Reader = Type.Object({
  /** What their comments carry as `author.id`. */
  id: Type.String(),
  name: Type.String(),
  /** An http(s) address of their avatar. */
  picture: Type.Optional(Type.String()),
  role: Type.Optional(StaffRole),
  /** Whether the token's roles include `moderator`: `POST /comments/:id/moderate` is theirs. */
  moderator: Type.Boolean(),
  /** How long after posting they may edit or delete their comments. */
  editWindowSeconds: Type.Integer(),
});
export type Reader = Static<typeof Reader>;

export const READER_MODERATION_ACTIONS = ['approve', 'reject', 'feature', 'unfeature'] as const;

/** `POST /api/comments/:id/moderate`, for a reader whose token has the `moderator` role. */
export const ReaderModeration = Type.Object({ action: StringEnum(READER_MODERATION_ACTIONS) });
export type ReaderModeration = Static<typeof ReaderModeration>;

/** The answer to a reader's moderation: the comment as readers now see it, absent once it is gone. */
export const ReaderModerationResult = Type.Object({ comment: Type.Optional(Type.Unsafe<Comment>(Type.Ref('comment'))) });
export type ReaderModerationResult = Static<typeof ReaderModerationResult>;
