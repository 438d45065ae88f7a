import { parseSeconds, type Env } from './values.js';

/** How long browsers and shared caches (CDNs, proxies) may keep public reads; see docs/caching.md. */
export interface CacheConfig {
  /** LEDE_CACHE_MAX_AGE: browsers' `max-age`. */
  maxAge: number;
  /** LEDE_CACHE_S_MAXAGE: shared caches' `s-maxage`. */
  sharedMaxAge: number;
  /** LEDE_CACHE_STALE: `stale-while-revalidate`, how long a stale copy may be served while it is checked. */
  staleWhileRevalidate: number;
}

/** Seconds, 0 to 3600. Short by default: live events carry the thread on between reads. */
export function parseCacheConfig(env: Env): CacheConfig {
  return {
    maxAge: parseSeconds('LEDE_CACHE_MAX_AGE', env.LEDE_CACHE_MAX_AGE, 5),
    sharedMaxAge: parseSeconds('LEDE_CACHE_S_MAXAGE', env.LEDE_CACHE_S_MAXAGE, 10),
    staleWhileRevalidate: parseSeconds('LEDE_CACHE_STALE', env.LEDE_CACHE_STALE, 60),
  };
}
