import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { AdminSession, SignIn } from 'lede-protocol';
import type { Config } from '../config.js';
import { secretsMatch } from '../crypto.js';
import { ApiError } from '../errors.js';
import { optionalBearerToken } from '../routes/bearer.js';
import { sessionToken, setSessionCookie, TooManyAttempts, type Sessions } from './sessions.js';
import type { ModeratorStore } from './store.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The sign-in routes: they check the session cookie themselves, or need none. */
    signIn?: boolean;
  }
}

export interface AuthDeps {
  config: Config;
  sessions: Sessions;
  moderators: ModeratorStore;
}

const READS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * Refuses a browser write that is not from the server's own pages. Browsers send `Origin` with
 * every write and `Sec-Fetch-Site` with every request; a request with neither is not from a
 * browser page. The scheme is not compared: behind a TLS-terminating proxy the server sees HTTP.
 */
function assertSameOrigin(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  let originHost: string | null = null;
  try {
    originHost = origin === undefined ? null : new URL(origin).host;
  } catch {
    // an opaque origin ("null") is never ours
  }
  const crossSite = (site !== undefined && site !== 'same-origin') || (origin !== undefined && originHost !== request.host.toLowerCase());
  if (crossSite || (site === undefined && origin === undefined)) {
    throw new ApiError(403, 'csrf', 'Moderation writes made with the session cookie must come from the console on this server’s own origin.');
  }
}

/** A write with the session cookie: from the console's origin, with the session's CSRF token (compared in constant time). */
function assertConsoleWrite(request: FastifyRequest, sessions: Sessions, token: string): void {
  assertSameOrigin(request);
  if (!sessions.csrfMatches(token, request.headers['x-csrf-token'] as string | undefined)) {
    throw new ApiError(403, 'csrf', 'Send the csrfToken from signing in as the X-CSRF-Token header.');
  }
}

/**
 * Who may use /api/admin: a script with `Authorization: Bearer $LEDE_ADMIN_TOKEN`, or a signed-in
 * moderator with the session cookie, whose writes also carry `X-CSRF-Token` from the console's
 * own origin. Moderation is off (403) while there is neither a token nor a moderator.
 */
export function adminGuard({ config, sessions, moderators }: AuthDeps): onRequestHookHandler {
  return async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    if (!config.adminToken && !(await moderators.any())) {
      throw new ApiError(
        403,
        'admin_disabled',
        'Moderation is disabled: add a moderator with `lede-server moderators add NAME`, or set LEDE_ADMIN_TOKEN on the server.',
      );
    }
    if (request.routeOptions.config.signIn) return;
    const bearer = optionalBearerToken(request);
    if (bearer !== null) {
      if (config.adminToken && secretsMatch(bearer, config.adminToken)) {
        request.moderator = 'token';
        return;
      }
      throw new ApiError(
        401,
        'unauthorized',
        config.adminToken ? 'The admin token is not valid.' : 'LEDE_ADMIN_TOKEN is not set on this server: sign in instead.',
      );
    }
    const token = sessionToken(request);
    const session = token === undefined ? null : await sessions.find(token, Date.now());
    if (token === undefined || session === null) {
      throw new ApiError(401, 'unauthorized', token ? 'Your session has ended; sign in again.' : 'Sign in, or send Authorization: Bearer <token>.');
    }
    if (!READS.includes(request.method)) assertConsoleWrite(request, sessions, token);
    request.moderator = session.moderator;
  };
}

/** `/api/admin/session`: sign in, see who is signed in, sign out. */
export function registerSessionRoutes(admin: FastifyInstance, { sessions }: AuthDeps): void {
  const config = { signIn: true };
  const answer = { 200: AdminSession };

  admin.post<{ Body: SignIn }>('/session', { config, schema: { body: SignIn, response: answer } }, async (request, reply) => {
    // A page on another site must not sign a browser in either (into an account of its choosing).
    if (request.headers.origin !== undefined || request.headers['sec-fetch-site'] !== undefined) assertSameOrigin(request);
    try {
      const { token, session } = await sessions.signIn(request.body.name.trim().toLowerCase(), request.body.password, request.ip);
      // The browser's previous session, if any, ends: one cookie, one session.
      const previous = sessionToken(request);
      if (previous !== undefined) await sessions.end(previous);
      setSessionCookie(request, reply, token);
      return session;
    } catch (error) {
      if (error instanceof TooManyAttempts) reply.header('Retry-After', String(error.retryAfter));
      throw error;
    }
  });

  admin.get('/session', { config, schema: { response: answer } }, async (request) => {
    const token = sessionToken(request);
    const session = token === undefined ? null : await sessions.find(token, Date.now());
    if (session === null) throw new ApiError(401, 'unauthorized', 'Not signed in.');
    return session;
  });

  admin.delete('/session', { config }, async (request, reply) => {
    const token = sessionToken(request);
    if (token !== undefined && (await sessions.find(token, Date.now())) !== null) {
      assertConsoleWrite(request, sessions, token);
      await sessions.end(token);
    }
    setSessionCookie(request, reply, null);
    return reply.code(204).send();
  });
}
