import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { hmac, secretsMatch } from '../crypto.js';

/**
 * Addresses at rest: AES-256-GCM under a key derived from the server secret (HKDF), so a copy of
 * the database alone reveals none; a keyed hash finds an address without decrypting any.
 */
export class AddressVault {
  readonly #key: Buffer;

  constructor(private readonly secret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'lede', 'mail-address-key', 32));
  }

  /** Lookup key: the same for any spelling of the domain or case of the address. */
  hash(address: string): string {
    return hmac(this.secret, `mail-address\n${normalise(address)}`);
  }

  seal(address: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const sealed = Buffer.concat([cipher.update(address, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
  }

  open(sealed: string): string {
    const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.#key, iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
  }

  /** A link token: what it allows, for which address, until when (0: for good), signed. */
  sign(purpose: 'confirm' | 'unsubscribe', addressHash: string, expiresAt = 0): string {
    const payload = `${purpose}.${addressHash}.${expiresAt}`;
    return `${payload}.${hmac(this.secret, `mail-link\n${payload}`)}`;
  }

  /** The address hash a token was signed for, or null when it is forged, for another purpose, or expired. */
  verify(token: string, purpose: 'confirm' | 'unsubscribe', now: number): string | null {
    const [given, addressHash, expires, signature, ...rest] = token.split('.');
    if (given !== purpose || !addressHash || !expires || !signature || rest.length > 0) return null;
    if (!secretsMatch(signature, hmac(this.secret, `mail-link\n${given}.${addressHash}.${expires}`))) return null;
    const expiresAt = Number(expires);
    return expiresAt !== 0 && expiresAt < now ? null : addressHash;
  }
}

function normalise(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * A deliberately plain check (one @, a dotted domain, no spaces or angle brackets): the
 * confirmation mail is the real test, and these characters could not reach a header.
 */
export function plausibleAddress(address: string): boolean {
  return address.length <= 254 && /^[^\s@<>,;"()\\[\]]+@[^\s@<>,;"()\\[\]]+\.[^\s@<>,;"()\\[\].]{2,}$/.test(address);
}
