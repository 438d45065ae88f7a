import { webhookTarget } from '../config/webhooks.js';
import type { Delivery } from './outbox.js';
import { slackMessage, type WebhookPayload } from './payload.js';
import { signWebhook } from './signature.js';

export type Outcome = { ok: true } | { ok: false; retry: boolean; error: string; retryAfterMs?: number };

const USER_AGENT = 'lede-server-webhooks/1';

export interface SendOptions {
  secret: string;
  timeoutMs: number;
  publicUrl: string | null;
}

/**
 * One attempt at one delivery. Network errors, timeouts, 408, 429 and 5xx are worth another
 * try; any other answer outside 2xx (redirects included: they are not followed) will not change.
 */
export async function send(delivery: Delivery, options: SendOptions): Promise<Outcome> {
  const target = webhookTarget(delivery.url);
  const body = target.format === 'slack' ? JSON.stringify(slackMessage(JSON.parse(delivery.payload) as WebhookPayload, options.publicUrl)) : delivery.payload;
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': USER_AGENT,
        'Lede-Event': delivery.event,
        'Lede-Delivery': delivery.id,
        'Lede-Signature': signWebhook(options.secret, body),
      },
      body,
    });
    // Only the status matters; reading the rest frees the connection.
    await response.arrayBuffer().catch(() => {});
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return {
      ok: false,
      retry: true,
      error: (error as Error).name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : (cause?.code ?? (error as Error).message),
    };
  }
  if (response.ok) return { ok: true };
  const retry = response.status === 408 || response.status === 429 || response.status >= 500;
  const retryAfterMs = retryAfter(response.headers.get('retry-after'));
  return { ok: false, retry, error: `HTTP ${response.status}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
function retryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
