import { readFileSync } from 'node:fs';
import proxyAddr from '@fastify/proxy-addr';
import { commaList, ConfigError, parseDuration, type Env } from './values.js';

/** How long slow and idle clients may hold a connection, and how many may be open. */
export interface ConnectionLimits {
  /** Slow clients: how long the headers, and the whole request, may take to arrive. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Open connections at most; more are closed as they arrive. Each one costs a file descriptor. */
  maxConnections: number;
}

export function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8787;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new ConfigError(`PORT/--port must be a number from 0 to 65535, got "${value}".`);
  }
  return port;
}

export function parseOrigins(value: string | undefined): string[] {
  return commaList(value).map((origin) => {
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

export function parseHosts(value: string | undefined): string[] {
  return commaList(value).map((host) => {
    if (!/^[a-z0-9.-]+$/i.test(host)) {
      throw new ConfigError(`LEDE_ALLOWED_HOSTS: "${host}" is not a host name like comments.news.example (no scheme, port or path).`);
    }
    return host.toLowerCase();
  });
}

export function parseTrustProxy(value: string | undefined): false | number | string[] {
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
  const entries = commaList(value);
  for (const entry of entries) {
    try {
      proxyAddr.compile(entry);
    } catch {
      throw new ConfigError(`LEDE_TRUST_PROXY: "${entry}" is not an IP address, a range like 10.0.0.0/8, loopback, linklocal or uniquelocal.`);
    }
  }
  return entries;
}

export function parseConnectionLimits(env: Env): ConnectionLimits {
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
