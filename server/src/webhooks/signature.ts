import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `Lede-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. The time
 * is signed with the body, so a captured call cannot be replayed once the receiver's tolerance
 * has passed. Only node:crypto here: receivers import this module on its own (`lede-server/webhooks`).
 */
export function signWebhook(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * Whether `header` (the `Lede-Signature` value) signs `body` (the raw request body, exactly as
 * received: not re-serialised JSON) with `secret`, at most `toleranceSeconds` away from now.
 * Compares in constant time; any `v1` may match (several appear while a secret is rotated).
 */
export function verifyWebhook(secret: string, header: string | null | undefined, body: string, toleranceSeconds = 300): boolean {
  if (!header) return false;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === null || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
  return signatures.some((signature) => timingSafeEqual(Buffer.from(signature, 'hex'), expected));
}

const hmac = (secret: string, timestamp: number, body: string): string => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
