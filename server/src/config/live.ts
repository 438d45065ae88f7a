import { ConfigError, parseDuration, type Env } from './values.js';

/** Live threads (docs/live.md). */
export interface LiveConfig {
  /** Event streams one process holds at most; more are refused with 503 so reads and posts keep connections. */
  maxStreams: number;
  /** How long, and how many, events are kept for readers to resume from; older ones answer `reset`. */
  keepMs: number;
  keepEvents: number;
}

const whole = (name: string, value: string | undefined, fallback: number): number => {
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new ConfigError(`${name} must be a whole number of at least 1; got "${value}".`);
  return Number(value);
};

/** LEDE_LIVE_STREAMS (nine in ten of LEDE_MAX_CONNECTIONS), LEDE_LIVE_KEEP (1h), LEDE_LIVE_KEEP_EVENTS (10000). */
export function parseLiveConfig(env: Env, maxConnections: number): LiveConfig {
  const keepMs = parseDuration('LEDE_LIVE_KEEP', env.LEDE_LIVE_KEEP, 3_600_000);
  if (keepMs < 60_000) throw new ConfigError(`LEDE_LIVE_KEEP must be at least 1m; got "${env.LEDE_LIVE_KEEP}".`);
  return {
    maxStreams: whole('LEDE_LIVE_STREAMS', env.LEDE_LIVE_STREAMS, Math.max(1, Math.floor(maxConnections * 0.9))),
    keepMs,
    keepEvents: whole('LEDE_LIVE_KEEP_EVENTS', env.LEDE_LIVE_KEEP_EVENTS, 10_000),
  };
}
