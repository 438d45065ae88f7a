import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Moderators' passwords are hashed with scrypt from node:crypto: memory-hard, built into Node
 * (OpenSSL), so no native add-on to build. N=2^16, r=8, p=2 is one of OWASP's equivalent
 * minimums (as costly as N=2^17, p=1) at half the memory: 64 MiB per hash. Hashes run on
 * libuv's thread pool (4 threads by default), never on the event loop. The parameters are
 * stored with each hash, so raising them later leaves existing passwords verifiable.
 */
export const SCRYPT = { N: 2 ** 16, r: 8, p: 2 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** The longest password anyone is made to hash (a long one only costs the first HMAC pass, but bodies are capped anyway). */
export const PASSWORD_MAX = 1024;
export const PASSWORD_MIN = 12;

function scrypt(password: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }): Promise<Buffer> {
  // Node refuses more than 32 MiB unless told; scrypt needs 128·N·r bytes.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => scryptCallback(password, salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` is the one `stored` was made from; compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * Spends the time of a real verification and answers false: an unknown name must take as long
 * to refuse as a wrong password, or timing would tell which names exist.
 */
export async function verifyNobody(password: string): Promise<false> {
  await scrypt(password, randomBytes(SALT_BYTES), SCRYPT);
  return false;
}
