/**
 * Moderators' sign-in (`/api/admin/session`): what the console sends and gets back.
 * @module
 */
import { Type, type Static } from '@sinclair/typebox';

/** `POST /api/admin/session`: a moderator's name (as given to `lede-server moderators add`) and password. */
export const SignIn = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});
export type SignIn = Static<typeof SignIn>;

/**
 * A signed-in moderator: the answer to signing in and to `GET /api/admin/session`. Every write
 * made with the session cookie sends `csrfToken` back in the `X-CSRF-Token` header.
 */
export const AdminSession = Type.Object({
  moderator: Type.String(),
  csrfToken: Type.String(),
  /** When the session ends unless used before (ISO 8601); it never outlives its absolute limit. */
  expiresAt: Type.String(),
});
export type AdminSession = Static<typeof AdminSession>;
