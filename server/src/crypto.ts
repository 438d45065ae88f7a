import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export const hmac = (secret: string, text: string): string => createHmac('sha256', secret).update(text).digest('base64url');

/** A URL-safe random string of `bytes` random bytes. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Compares two secrets in time independent of where they differ (hashing evens out lengths). */
export function secretsMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Compares a presented token with a stored sha256 hex digest in constant time. */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
  const a = createHash('sha256').update(token).digest();
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
