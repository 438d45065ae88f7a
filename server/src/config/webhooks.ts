import { isIP } from 'node:net';
import { commaList, ConfigError, parsePublicUrl, UNIT_MS, type Env } from './values.js';

export const WEBHOOK_EVENTS = ['comment.created', 'comment.held', 'comment.moderated'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Where deliveries go: signed Lede JSON, or a Slack incoming webhook's `{ text }` (a `slack:` prefix). */
export interface WebhookTarget {
  url: string;
  format: 'lede' | 'slack';
}

/** Signed webhooks (docs/webhooks.md); absent from `Config` while LEDE_WEBHOOK_URLS is unset. */
export interface WebhookConfig {
  /** As configured, `slack:` prefix included: what deliveries record and the worker sends to. */
  urls: string[];
  secret: string;
  events: WebhookEvent[];
  /** Waits before each retry; a delivery is given up after the last (LEDE_WEBHOOK_RETRIES). */
  retryDelaysMs: number[];
  /** How long a receiver has to answer (LEDE_WEBHOOK_TIMEOUT). */
  timeoutMs: number;
  /** The server's public address, for the console link in Slack messages (LEDE_PUBLIC_URL). */
  publicUrl: string | null;
}

export const DEFAULT_RETRY_DELAYS_MS = [10_000, 60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
const DURATION_MS: Record<string, number> = { ms: 1, ...UNIT_MS };

export function parseWebhookConfig(env: Env): WebhookConfig | undefined {
  const urls = commaList(env.LEDE_WEBHOOK_URLS);
  if (urls.length === 0) return undefined;
  urls.forEach((url) => webhookTarget(url));
  const secret = env.LEDE_WEBHOOK_SECRET ?? '';
  // Without a secret receivers could not tell our calls from anyone's.
  if (secret.length < 32) throw new ConfigError('LEDE_WEBHOOK_URLS is set: LEDE_WEBHOOK_SECRET must be set too, at least 32 characters long.');
  const events = commaList(env.LEDE_WEBHOOK_EVENTS);
  const unknown = events.find((event) => !(WEBHOOK_EVENTS as readonly string[]).includes(event));
  if (unknown) throw new ConfigError(`LEDE_WEBHOOK_EVENTS: unknown event "${unknown}"; use ${WEBHOOK_EVENTS.join(', ')}.`);
  const retries = env.LEDE_WEBHOOK_RETRIES;
  return {
    urls: [...new Set(urls)],
    secret,
    events: events.length > 0 ? (events as WebhookEvent[]) : [...WEBHOOK_EVENTS],
    retryDelaysMs:
      retries === undefined
        ? DEFAULT_RETRY_DELAYS_MS
        : retries.trim() === 'off'
          ? []
          : commaList(retries).map((value) => duration('LEDE_WEBHOOK_RETRIES', value)),
    timeoutMs: env.LEDE_WEBHOOK_TIMEOUT ? duration('LEDE_WEBHOOK_TIMEOUT', env.LEDE_WEBHOOK_TIMEOUT) : 10_000,
    publicUrl: parsePublicUrl(env.LEDE_PUBLIC_URL),
  };
}

/**
 * Reads one LEDE_WEBHOOK_URLS entry. HTTPS only, so comments and signatures do not cross the
 * network in the clear; plain HTTP is allowed to loopback (a receiver on the same machine, tests).
 */
export function webhookTarget(entry: string): WebhookTarget {
  const slack = entry.startsWith('slack:');
  const url = slack ? entry.slice('slack:'.length) : entry;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`LEDE_WEBHOOK_URLS: "${entry}" is not a web address.`);
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const loopback = host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new ConfigError(`LEDE_WEBHOOK_URLS: "${entry}" must be https:// (http:// only to localhost).`);
  }
  if (parsed.username || parsed.password) throw new ConfigError(`LEDE_WEBHOOK_URLS: "${entry}" must not carry a user name or password.`);
  return { url, format: slack ? 'slack' : 'lede' };
}

function duration(name: string, value: string): number {
  const match = /^(\d+)(ms|s|m|h)$/.exec(value.trim());
  if (!match) throw new ConfigError(`${name}: cannot read "${value}"; use durations like 500ms, 10s, 5m or 2h.`);
  return Number(match[1]) * DURATION_MS[match[2]!]!;
}
