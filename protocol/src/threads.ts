/**
 * Thread controls (`/api/admin/threads/:threadId`): whether a thread takes new comments and
 * whether its comments wait for a moderator.
 * @module
 */
import { Type, type Static } from '@sinclair/typebox';

/**
 * `GET` and `PUT /api/admin/threads/:threadId`. `closesAt`: when LEDE_CLOSE_AFTER will close it, if
 * it will. `anonymous: false` when the thread takes signed-in readers only (its own setting or
 * LEDE_ANONYMOUS=deny); absent, anonymous comments are welcome.
 */
export const ThreadSettings = Type.Object({
  id: Type.String(),
  closed: Type.Boolean(),
  premoderation: Type.Boolean(),
  closesAt: Type.Union([Type.String(), Type.Null()]),
  anonymous: Type.Optional(Type.Boolean()),
});
export type ThreadSettings = Static<typeof ThreadSettings>;

/** `PUT /api/admin/threads/:threadId`: what to change; what is left out stays. */
export const UpdateThread = Type.Object({
  closed: Type.Optional(Type.Boolean()),
  premoderation: Type.Optional(Type.Boolean()),
  anonymous: Type.Optional(Type.Boolean()),
});
export type UpdateThread = Static<typeof UpdateThread>;
