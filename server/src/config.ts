import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import proxyAddr from '@fastify/proxy-addr';

export type ModerationMode = 'none' | 'links' | 'first-time' | 'all';
export type RateLimitedAction = 'posts' | 'votes' | 'reports';
export type LogFormat = 'auto' | 'json' | 'pretty';

export interface RateLimit {
  max: number;
  windowMs: number;
}

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Bearer token for `/api/admin/*`; admin routes answer 403 while it is unset. */
  adminToken: string | null;
  /** Origins allowed to call the API from a browser, besides the server's own; `*` allows any. */
  allowedOrigins: string[];
  /** Host names the server answers for besides IP addresses and localhost; empty: any. */
  allowedHosts: string[];
  moderation: ModerationMode;
  /** Which `X-Forwarded-For` hops to believe for the client IP: a count of proxies, or their addresses and ranges. */
  trustProxy: false | number | string[];
  /** Per action limit per client IP; `null` turns that limit off. */
  rateLimits: Record<RateLimitedAction, RateLimit | null>;
  editWindowMs: number;
  /** Fastest a human fills the form, from the form's `startedAt` to the post. */
  minSubmitMs: number;
  /** Lower-case words that send a comment to moderation. */
  bannedWords: string[];
  /** Secret for hashing voter and author keys; generated and kept in the database when unset. */
  secret: string | null;
  logLevel: string;
  /** Slow clients: how long the headers, and the whole request, may take to arrive. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Open connections at most; more are closed as they arrive. Each one costs a file descriptor. */
  maxConnections: number;
  /** `auto`: human-readable lines on a terminal, JSON lines otherwise. */
  logFormat: LogFormat;
}

/** Configuration that cannot work; the CLI prints the message as one line and exits with 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_RATE_LIMITS: Record<RateLimitedAction, RateLimit> = {
  posts: { max: 5, windowMs: 60_000 },
  votes: { max: 30, windowMs: 60_000 },
  reports: { max: 10, windowMs: 60_000 },
};

type Env = Record<string, string | undefined>;

export const USAGE = `Usage: lede-server [--port 8787] [--host 127.0.0.1] [--db ./.lede-data/comments.sqlite]

Environment: PORT, LEDE_DB, DATABASE_URL (postgres://…), LEDE_ADMIN_TOKEN, LEDE_ALLOWED_ORIGINS, LEDE_ALLOWED_HOSTS,
LEDE_MODERATION (none|links|first-time|all), LEDE_TRUST_PROXY, LEDE_RATE_LIMITS (posts=5/min,votes=30/min|off),
LEDE_EDIT_WINDOW (15m), LEDE_MIN_SUBMIT_SECONDS (3), LEDE_BANNED_WORDS, LEDE_BANNED_WORDS_FILE, LEDE_SECRET, LEDE_LOG,
LEDE_HEADERS_TIMEOUT (10s), LEDE_REQUEST_TIMEOUT (30s), LEDE_KEEP_ALIVE_TIMEOUT (5s), LEDE_MAX_CONNECTIONS (1000),
LEDE_LOG_FORMAT (json|pretty; pretty on a terminal by default).
See docs/comments-protocol.md.`;

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
  return {
    port: parsePort(flags.port ?? env.PORT),
    host: flags.host ?? '127.0.0.1',
    database: parseDatabase(flags.db ?? env.LEDE_DB, env.DATABASE_URL),
    adminToken: parseAdminToken(env.LEDE_ADMIN_TOKEN),
    allowedOrigins: parseOrigins(env.LEDE_ALLOWED_ORIGINS),
    allowedHosts: parseHosts(env.LEDE_ALLOWED_HOSTS),
    moderation: parseModeration(env.LEDE_MODERATION),
    trustProxy: parseTrustProxy(env.LEDE_TRUST_PROXY),
    rateLimits: parseRateLimits(env.LEDE_RATE_LIMITS),
    editWindowMs: parseDuration('LEDE_EDIT_WINDOW', env.LEDE_EDIT_WINDOW, 15 * 60_000),
    minSubmitMs: parseSeconds('LEDE_MIN_SUBMIT_SECONDS', env.LEDE_MIN_SUBMIT_SECONDS, 3) * 1000,
    bannedWords: parseBannedWords(env.LEDE_BANNED_WORDS, env.LEDE_BANNED_WORDS_FILE),
    secret: parseSecret(env.LEDE_SECRET),
    logLevel: parseLogLevel(env.LEDE_LOG),
    ...parseConnectionLimits(env),
    logFormat: parseLogFormat(env.LEDE_LOG_FORMAT),
  };
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8787;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new ConfigError(`PORT/--port must be a number from 0 to 65535, got "${value}".`);
  }
  return port;
}

function parseDatabase(path: string | undefined, url: string | undefined): DatabaseConfig {
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

function parseOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      if (origin === '*') return origin;
      let parsed: URL;
      try {
        parsed = new URL(origin);
      } catch {
        throw new ConfigError(`LEDE_ALLOWED_ORIGINS: "${origin}" is not an origin like https://news.example.`);
      }
      if (parsed.origin !== origin.replace(/\/$/, '')) {
        throw new ConfigError(`LEDE_ALLOWED_ORIGINS: "${origin}" must be a bare origin (scheme://host[:port]).`);
      }
      return parsed.origin;
    });
}

function parseHosts(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((host) => host.trim())
    .filter(Boolean)
    .map((host) => {
      if (!/^[a-z0-9.-]+$/i.test(host)) {
        throw new ConfigError(`LEDE_ALLOWED_HOSTS: "${host}" is not a host name like comments.news.example (no scheme, port or path).`);
      }
      return host.toLowerCase();
    });
}

const MODERATION_MODES: ModerationMode[] = ['none', 'links', 'first-time', 'all'];

function parseModeration(value: string | undefined): ModerationMode {
  if (!value) return 'none';
  if (!(MODERATION_MODES as string[]).includes(value)) {
    throw new ConfigError(`LEDE_MODERATION must be one of ${MODERATION_MODES.join(', ')}; got "${value}".`);
  }
  return value as ModerationMode;
}

function parseTrustProxy(value: string | undefined): false | number | string[] {
  if (!value || value === 'false' || value === '0') return false;
  // `true` takes the leftmost X-Forwarded-For address, which is whatever the client wrote:
  // every reader could pick their own IP, and with it fresh rate limits and votes.
  if (value === 'true') {
    throw new ConfigError(
      'LEDE_TRUST_PROXY=true would believe the first X-Forwarded-For address, which any client can write; ' +
        'set the number of proxies in front of the server (1) or their addresses (10.0.0.0/8).',
    );
  }
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    try {
      proxyAddr.compile(entry);
    } catch {
      throw new ConfigError(
        `LEDE_TRUST_PROXY: "${entry}" is not an IP address, a range like 10.0.0.0/8, loopback, linklocal or uniquelocal.`,
      );
    }
  }
  return entries;
}

const UNIT_MS: Record<string, number> = {
  s: 1000, sec: 1000, second: 1000,
  m: 60_000, min: 60_000, minute: 60_000,
  h: 3_600_000, hour: 3_600_000,
  d: 86_400_000, day: 86_400_000,
};

function parseRateLimits(value: string | undefined): Record<RateLimitedAction, RateLimit | null> {
  if (value?.trim() === 'off') return { posts: null, votes: null, reports: null };
  const limits: Record<RateLimitedAction, RateLimit | null> = { ...DEFAULT_RATE_LIMITS };
  if (!value) return limits;
  for (const part of value.split(',')) {
    const match = /^\s*(posts|votes|reports)\s*=\s*(?:(off)|(\d+)\/(\d*)([a-z]+))\s*$/.exec(part);
    const unit = match?.[5] ? UNIT_MS[match[5]] : undefined;
    if (!match || (!match[2] && (!unit || Number(match[3]) < 1))) {
      throw new ConfigError(
        `LEDE_RATE_LIMITS: cannot read "${part.trim()}"; use e.g. posts=5/min,votes=30/min,reports=10/10min or off.`,
      );
    }
    const action = match[1] as RateLimitedAction;
    limits[action] = match[2] ? null : { max: Number(match[3]), windowMs: Number(match[4] || 1) * unit! };
  }
  return limits;
}

function parseDuration(name: string, value: string | undefined, fallbackMs: number): number {
  if (!value) return fallbackMs;
  const match = /^(\d+)(s|m|h)?$/.exec(value.trim());
  if (!match) throw new ConfigError(`${name} must be a duration like 900s, 15m or 1h; got "${value}".`);
  return Number(match[1]) * UNIT_MS[match[2] ?? 's']!;
}

function parseSeconds(name: string, value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 3600) {
    throw new ConfigError(`${name} must be a number of seconds from 0 to 3600; got "${value}".`);
  }
  return seconds;
}

function parseBannedWords(list: string | undefined, file: string | undefined): string[] {
  const words = (list ?? '').split(',');
  if (file) {
    try {
      words.push(...readFileSync(file, 'utf8').split('\n').filter((line) => !line.startsWith('#')));
    } catch (error) {
      throw new ConfigError(`LEDE_BANNED_WORDS_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code}).`);
    }
  }
  return [...new Set(words.map((word) => word.trim().normalize('NFKC').toLowerCase()).filter(Boolean))];
}

function parseSecret(value: string | undefined): string | null {
  if (!value) return null;
  if (value.length < 32) throw new ConfigError('LEDE_SECRET must be at least 32 characters long.');
  return value;
}

type ConnectionLimits = Pick<Config, 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs' | 'maxConnections'>;

function parseConnectionLimits(env: Env): ConnectionLimits {
  const timeout = (name: string, fallbackMs: number) => {
    const ms = parseDuration(name, env[name], fallbackMs);
    if (ms < 1000) throw new ConfigError(`${name} must be at least 1s; got "${env[name]}".`);
    return ms;
  };
  const limits = {
    headersTimeoutMs: timeout('LEDE_HEADERS_TIMEOUT', 10_000),
    requestTimeoutMs: timeout('LEDE_REQUEST_TIMEOUT', 30_000),
    keepAliveTimeoutMs: timeout('LEDE_KEEP_ALIVE_TIMEOUT', 5_000),
    maxConnections: defaultMaxConnections(),
  };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new ConfigError('LEDE_HEADERS_TIMEOUT must not be longer than LEDE_REQUEST_TIMEOUT (the headers are part of the request).');
  }
  const max = env.LEDE_MAX_CONNECTIONS;
  if (max) {
    if (!/^\d+$/.test(max) || Number(max) < 1) {
      throw new ConfigError(`LEDE_MAX_CONNECTIONS must be a whole number of at least 1; got "${max}".`);
    }
    limits.maxConnections = Number(max);
  }
  return limits;
}

// Descriptors kept free for the database, logs and Node itself when the open-file limit is low.
const RESERVED_DESCRIPTORS = 64;

/** 1000, or fewer when the process may open fewer files (Linux tells; elsewhere 1000). */
export function defaultMaxConnections(): number {
  let limit = Infinity;
  try {
    const match = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    if (match) limit = Number(match[1]);
  } catch {
    // No /proc: the limit is unknown.
  }
  return Math.max(1, Math.min(1000, limit - RESERVED_DESCRIPTORS));
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
