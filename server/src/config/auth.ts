import type { RateLimit } from './moderation.js';
import { ConfigError, parseDuration, UNIT_MS, type Env } from './values.js';

/** Moderators' sessions and sign-in limits. */
export interface AuthConfig {
  /** A session unused this long ends (LEDE_SESSION_IDLE). */
  sessionIdleMs: number;
  /** No session lasts longer than this from sign-in, however busy (LEDE_SESSION_MAX). */
  sessionMaxMs: number;
  /** Failed sign-ins allowed per moderator name and per client before 429 (LEDE_SIGNIN_LIMITS). */
  signInLimits: { name: RateLimit; client: RateLimit };
}

export const DEFAULT_SIGNIN_LIMITS: AuthConfig['signInLimits'] = {
  name: { max: 5, windowMs: 15 * 60_000 },
  // Higher: a newsroom's moderators may share one address.
  client: { max: 20, windowMs: 15 * 60_000 },
};

export function parseAuthConfig(env: Env): AuthConfig {
  const sessionIdleMs = parseDuration('LEDE_SESSION_IDLE', env.LEDE_SESSION_IDLE, 60 * 60_000);
  const sessionMaxMs = parseDuration('LEDE_SESSION_MAX', env.LEDE_SESSION_MAX, 12 * 60 * 60_000);
  if (sessionIdleMs < 60_000) throw new ConfigError(`LEDE_SESSION_IDLE must be at least 1m; got "${env.LEDE_SESSION_IDLE}".`);
  if (sessionMaxMs < sessionIdleMs) {
    throw new ConfigError('LEDE_SESSION_MAX must not be shorter than LEDE_SESSION_IDLE (it caps how long a session in use lasts).');
  }
  return { sessionIdleMs, sessionMaxMs, signInLimits: parseSignInLimits(env.LEDE_SIGNIN_LIMITS) };
}

function parseSignInLimits(value: string | undefined): AuthConfig['signInLimits'] {
  const limits = { ...DEFAULT_SIGNIN_LIMITS };
  if (!value) return limits;
  for (const part of value.split(',')) {
    const match = /^\s*(name|client)\s*=\s*(\d+)\/(\d*)([a-z]+)\s*$/.exec(part);
    const unit = match ? UNIT_MS[match[4]!] : undefined;
    if (!match || !unit || Number(match[2]) < 1) {
      // No `off`: a sign-in without a limit lets anyone guess passwords as fast as the server hashes.
      throw new ConfigError(`LEDE_SIGNIN_LIMITS: cannot read "${part.trim()}"; use e.g. name=5/15min,client=20/15min.`);
    }
    limits[match[1] as 'name' | 'client'] = { max: Number(match[2]), windowMs: Number(match[3] || 1) * unit };
  }
  return limits;
}
