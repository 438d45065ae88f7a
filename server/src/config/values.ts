/** Configuration that cannot work; the CLI prints the message as one line and exits with 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Env = Record<string, string | undefined>;

export const UNIT_MS: Record<string, number> = {
  s: 1000,
  sec: 1000,
  second: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
};

export function parseDuration(name: string, value: string | undefined, fallbackMs: number): number {
  if (!value) return fallbackMs;
  const match = /^(\d+)(s|m|h)?$/.exec(value.trim());
  if (!match) throw new ConfigError(`${name} must be a duration like 900s, 15m or 1h; got "${value}".`);
  return Number(match[1]) * UNIT_MS[match[2] ?? 's']!;
}

export function parseSeconds(name: string, value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 3600) {
    throw new ConfigError(`${name} must be a number of seconds from 0 to 3600; got "${value}".`);
  }
  return seconds;
}

/** The non-empty, trimmed entries of a comma-separated setting. */
export function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** LEDE_PUBLIC_URL, the server's address as readers reach it (links in mails and Slack messages), without a trailing slash; null when unset. */
export function parsePublicUrl(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError(`LEDE_PUBLIC_URL must be an http(s) URL; got "${value}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`LEDE_PUBLIC_URL must be an http(s) URL; got "${value}".`);
  return url.href.replace(/\/+$/, '');
}
