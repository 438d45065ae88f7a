import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AdminSession } from 'lede-protocol';
import { clientKey } from '../client.js';
import type { AuthConfig } from '../config/auth.js';
import { hmac, randomToken, secretsMatch, sha256 } from '../crypto.js';
import { ApiError } from '../errors.js';
import { verifyNobody, verifyPassword } from './passwords.js';
import type { ModeratorStore } from './store.js';

/** The session cookie: scoped to the admin API, so no other route ever sees it. */
export const SESSION_COOKIE = 'lede_admin';
const COOKIE_PATH = '/api/admin';

/** The token in the request's session cookie, if it has one. */
export function sessionToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  return header ? parseCookies(header)[SESSION_COOKIE] || undefined : undefined;
}

/** Sets (or with `null`, clears) the session cookie; `Secure` whenever the client came over HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string | null): void {
  reply.header(
    'Set-Cookie',
    serializeCookie(SESSION_COOKIE, token ?? '', {
      httpOnly: true,
      sameSite: 'strict',
      path: COOKIE_PATH,
      secure: request.protocol === 'https',
      ...(token === null ? { maxAge: 0 } : {}),
    }),
  );
}

/**
 * Moderators' sessions. The cookie carries a random token; the database keeps only its sha256,
 * so a copy of the database signs nobody in. The CSRF token is derived from the session token
 * with the server's secret: it can be handed out again (a reloaded console) without being stored.
 */
export class Sessions {
  constructor(
    private readonly store: ModeratorStore,
    private readonly config: AuthConfig,
    private readonly secret: string,
  ) {}

  csrfToken(token: string): string {
    return hmac(this.secret, `csrf:${token}`);
  }

  csrfMatches(token: string, given: string | undefined): boolean {
    return given !== undefined && secretsMatch(given, this.csrfToken(token));
  }

  /**
   * Checks the password and opens a session. Unknown names and wrong passwords get the same
   * answer after the same work. Every attempt counts against the name and the client (both
   * as keyed hashes) before the password is checked, and is taken back unless the password was
   * wrong: the limits count failures, and parallel guesses cannot slip past them.
   */
  async signIn(name: string, password: string, ip: string): Promise<{ token: string; session: AdminSession }> {
    const now = Date.now();
    const { name: perName, client: perClient } = this.config.signInLimits;
    const limits = [
      { key: `signin-name:${hmac(this.secret, name)}`, ...perName },
      { key: `signin-client:${hmac(this.secret, clientKey(ip))}`, ...perClient },
    ];
    const counts = await Promise.all(limits.map(({ key, windowMs }) => this.store.countAttempt(key, windowMs, now)));
    const over = counts.filter(({ count }, i) => count > limits[i]!.max);
    if (over.length > 0) {
      // Refused unchecked: it counts against nobody, so a locked name's owner loses no ground elsewhere.
      await Promise.all(limits.map(({ key }) => this.store.forgiveAttempt(key)));
      const seconds = Math.max(1, Math.ceil((Math.max(...over.map(({ resetAt }) => resetAt)) - now) / 1000));
      throw new TooManyAttempts(seconds);
    }
    const hash = await this.store.passwordHash(name);
    const valid = hash === undefined ? await verifyNobody(password) : await verifyPassword(password, hash);
    if (!valid) throw new ApiError(401, 'bad_credentials', 'That name and password do not match a moderator.');
    await Promise.all(limits.map(({ key }) => this.store.forgiveAttempt(key)));
    const token = randomToken(32);
    // From now, not from the request: hashing takes a while.
    const openedAt = Date.now();
    const expiresAt = Math.min(openedAt + this.config.sessionIdleMs, openedAt + this.config.sessionMaxMs);
    await this.store.createSession(sha256(token), name, openedAt, expiresAt);
    return { token, session: this.describe(name, token, expiresAt) };
  }

  /**
   * The session a cookie's token opens, with its end moved on by this use (never past the
   * absolute limit). The end is written only when it moves by more than a tenth of the idle
   * time (at most a minute), so a busy console does not write on every request.
   */
  async find(token: string, now: number): Promise<AdminSession | null> {
    const tokenHash = sha256(token);
    const row = await this.store.session(tokenHash, now);
    if (!row) return null;
    const { sessionIdleMs, sessionMaxMs } = this.config;
    let expiresAt = Math.min(now + sessionIdleMs, row.createdAt + sessionMaxMs);
    if (expiresAt - row.expiresAt > Math.min(60_000, sessionIdleMs / 10)) await this.store.extendSession(tokenHash, expiresAt);
    else expiresAt = row.expiresAt;
    return this.describe(row.moderator, token, expiresAt);
  }

  end(token: string): Promise<void> {
    return this.store.deleteSession(sha256(token));
  }

  private describe(moderator: string, token: string, expiresAt: number): AdminSession {
    return { moderator, csrfToken: this.csrfToken(token), expiresAt: new Date(expiresAt).toISOString() };
  }
}

/** 429 `too_many_attempts`; the route sets Retry-After from `retryAfter`. */
export class TooManyAttempts extends ApiError {
  constructor(readonly retryAfter: number) {
    super(429, 'too_many_attempts', `Too many sign-in attempts; try again in ${retryAfter} seconds.`);
  }
}
