import { parseArgs } from 'node:util';
import { parseAuthConfig, type AuthConfig } from './config/auth.js';
import { parseCacheConfig, type CacheConfig } from './config/cache.js';
import {
  parseBanMode,
  parseBannedWords,
  parseModeration,
  parseRateLimits,
  parseRejectReasons,
  type BanMode,
  type ModerationMode,
  type RateLimit,
  type RateLimitedAction,
} from './config/moderation.js';
import { parseMailConfig, type MailConfig } from './config/mail.js';
import { parseConnectionLimits, parseHosts, parseOrigins, parsePort, parseTrustProxy, type ConnectionLimits } from './config/network.js';
import { parseSsoConfig, type SsoConfig } from './config/sso.js';
import { parseLiveConfig, type LiveConfig } from './config/live.js';
import { parseCloseAfter } from './config/threads.js';
import { ConfigError, parseDuration, parseSeconds, type Env } from './config/values.js';
import { parseWebhookConfig, type WebhookConfig } from './config/webhooks.js';

export { ConfigError };
export type { ModerationMode, RateLimitedAction };

export type LogFormat = 'auto' | 'json' | 'pretty';

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** Everything the server reads from flags and environment; parsed by concern in config/. */
export interface Config extends ConnectionLimits {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Bearer token for `/api/admin/*`, for scripts; admin routes answer 403 while it is unset and no moderator exists. */
  adminToken: string | null;
  /** Origins allowed to call the API from a browser, besides the server's own; `*` allows any. */
  allowedOrigins: string[];
  /** Host names the server answers for besides IP addresses and localhost; empty: any. */
  allowedHosts: string[];
  moderation: ModerationMode;
  /** Threads close by themselves this long after their first comment, or the date their page gives; null: never. */
  closeAfterMs: number | null;
  /** Which `X-Forwarded-For` hops to believe for the client IP: a count of proxies, or their addresses and ranges. */
  trustProxy: false | number | string[];
  /** Per action limit per client IP; `null` turns that limit off. */
  rateLimits: Record<RateLimitedAction, RateLimit | null>;
  editWindowMs: number;
  /** Fastest a human fills the form, from the form's `startedAt` to the post. */
  minSubmitMs: number;
  /** Lower-case words that send a comment to moderation. */
  bannedWords: string[];
  /** What a banned author's new comments get: held, or refused. */
  banMode: BanMode;
  /** The reasons a rejection may give. */
  rejectReasons: string[];
  /** Secret for hashing voter and author keys; generated and kept in the database when unset. */
  secret: string | null;
  logLevel: string;
  /** `auto`: human-readable lines on a terminal, JSON lines otherwise. */
  logFormat: LogFormat;
  /** Moderators' sessions and sign-in limits. */
  auth: AuthConfig;
  /** Signed webhooks; absent while LEDE_WEBHOOK_URLS is unset. */
  webhooks?: WebhookConfig;
  /** Readers signed in with the site's own login. */
  sso: SsoConfig;
  /** Cache-Control of public reads. */
  cache: CacheConfig;
  /** Live threads: streams per process, events kept for resuming. */
  live: LiveConfig;
  /** Reply notifications by mail; null while LEDE_SMTP_URL is unset. */
  mail: MailConfig | null;
}

export const USAGE = `Usage: lede-server [--port 8787] [--host 127.0.0.1] [--db ./.lede-data/comments.sqlite]
       lede-server moderators add NAME | remove NAME | list [--db …]   (moderator accounts; --help for more)

Environment: PORT, LEDE_DB, DATABASE_URL (postgres://…), LEDE_ADMIN_TOKEN, LEDE_ALLOWED_ORIGINS, LEDE_ALLOWED_HOSTS,
LEDE_MODERATION (none|links|first-time|all), LEDE_CLOSE_AFTER (days; off), LEDE_TRUST_PROXY, LEDE_RATE_LIMITS (posts=5/min,votes=30/min|off),
LEDE_EDIT_WINDOW (15m), LEDE_MIN_SUBMIT_SECONDS (3), LEDE_BANNED_WORDS, LEDE_BANNED_WORDS_FILE, LEDE_BAN_MODE (hold|refuse),
LEDE_REJECT_REASONS (Spam,Off-topic,…), LEDE_SECRET, LEDE_LOG,
LEDE_HEADERS_TIMEOUT (10s), LEDE_REQUEST_TIMEOUT (30s), LEDE_KEEP_ALIVE_TIMEOUT (5s), LEDE_MAX_CONNECTIONS (1000),
LEDE_LOG_FORMAT (json|pretty; pretty on a terminal by default), LEDE_SESSION_IDLE (1h), LEDE_SESSION_MAX (12h),
LEDE_SIGNIN_LIMITS (name=5/15min,client=20/15min),
LEDE_SSO_SECRET | LEDE_SSO_JWKS_URL | LEDE_SSO_PUBLIC_KEY_FILE, LEDE_SSO_ISSUER, LEDE_SSO_AUDIENCE, LEDE_SSO_ID (opaque|sub), LEDE_ANONYMOUS (allow|deny),
LEDE_WEBHOOK_URLS (https://…, slack:https://…), LEDE_WEBHOOK_SECRET, LEDE_WEBHOOK_EVENTS (all), LEDE_WEBHOOK_RETRIES (10s,1m,5m,30m,2h,6h),
LEDE_WEBHOOK_TIMEOUT (10s), LEDE_PUBLIC_URL, LEDE_CACHE_MAX_AGE (5), LEDE_CACHE_S_MAXAGE (10), LEDE_CACHE_STALE (60).
LEDE_LIVE_STREAMS (9/10 of LEDE_MAX_CONNECTIONS), LEDE_LIVE_KEEP (1h), LEDE_LIVE_KEEP_EVENTS (10000),
LEDE_SMTP_URL, LEDE_MAIL_FROM, LEDE_NOTIFY_LIMITS (confirm=3/day,client=10/hour,replies=20/hour).
See docs/comments-protocol.md, docs/sso.md, docs/webhooks.md, docs/caching.md, docs/live.md and docs/notifications.md.`;

/** Reads flags (which win) and environment into a validated `Config`, or throws `ConfigError`. */
export function parseConfig(argv: string[], env: Env): Config {
  let flags: { port?: string; host?: string; db?: string };
  try {
    flags = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const connections = parseConnectionLimits(env);
  return {
    port: parsePort(flags.port ?? env.PORT),
    host: flags.host ?? '127.0.0.1',
    database: parseDatabase(flags.db ?? env.LEDE_DB, env.DATABASE_URL),
    adminToken: parseAdminToken(env.LEDE_ADMIN_TOKEN),
    allowedOrigins: parseOrigins(env.LEDE_ALLOWED_ORIGINS),
    allowedHosts: parseHosts(env.LEDE_ALLOWED_HOSTS),
    moderation: parseModeration(env.LEDE_MODERATION),
    closeAfterMs: parseCloseAfter(env.LEDE_CLOSE_AFTER),
    trustProxy: parseTrustProxy(env.LEDE_TRUST_PROXY),
    rateLimits: parseRateLimits(env.LEDE_RATE_LIMITS),
    editWindowMs: parseDuration('LEDE_EDIT_WINDOW', env.LEDE_EDIT_WINDOW, 15 * 60_000),
    minSubmitMs: parseSeconds('LEDE_MIN_SUBMIT_SECONDS', env.LEDE_MIN_SUBMIT_SECONDS, 3) * 1000,
    bannedWords: parseBannedWords(env.LEDE_BANNED_WORDS, env.LEDE_BANNED_WORDS_FILE),
    banMode: parseBanMode(env.LEDE_BAN_MODE),
    rejectReasons: parseRejectReasons(env.LEDE_REJECT_REASONS),
    secret: parseSecret(env.LEDE_SECRET),
    logLevel: parseLogLevel(env.LEDE_LOG),
    ...connections,
    logFormat: parseLogFormat(env.LEDE_LOG_FORMAT),
    auth: parseAuthConfig(env),
    webhooks: parseWebhookConfig(env),
    sso: parseSsoConfig(env),
    cache: parseCacheConfig(env),
    live: parseLiveConfig(env, connections.maxConnections),
    mail: parseMailConfig(env),
  };
}

export function parseDatabase(path: string | undefined, url: string | undefined): DatabaseConfig {
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL.');
    }
    return { kind: 'postgres', url };
  }
  return { kind: 'sqlite', path: path || './.lede-data/comments.sqlite' };
}

function parseAdminToken(value: string | undefined): string | null {
  if (!value) return null;
  if (value.length < 16) {
    throw new ConfigError('LEDE_ADMIN_TOKEN must be at least 16 characters long.');
  }
  return value;
}

function parseSecret(value: string | undefined): string | null {
  if (!value) return null;
  if (value.length < 32) throw new ConfigError('LEDE_SECRET must be at least 32 characters long.');
  return value;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseLogLevel(value: string | undefined): string {
  if (!value) return 'info';
  if (!LOG_LEVELS.includes(value)) {
    throw new ConfigError(`LEDE_LOG must be one of ${LOG_LEVELS.join(', ')}; got "${value}".`);
  }
  return value;
}

function parseLogFormat(value: string | undefined): LogFormat {
  if (!value) return 'auto';
  if (value !== 'json' && value !== 'pretty') {
    throw new ConfigError(`LEDE_LOG_FORMAT must be json or pretty; got "${value}".`);
  }
  return value;
}
