import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError, type Env } from './values.js';

/**
 * Sign-in with the site's own login (docs/sso.md): how its tokens are checked. Exactly one key:
 * a shared secret (HS256), a JWKS address, or a public key file; each pins the algorithms it
 * accepts, so a token cannot pick a weaker one (`none`, or HS256 signed with a public key).
 */
export type SsoKey =
  | { kind: 'secret'; secret: Uint8Array; algorithms: ['HS256'] }
  | { kind: 'jwks'; url: URL; algorithms: string[] }
  | { kind: 'public-key'; key: KeyObject; algorithms: [string] };

export interface SsoConfig {
  /** Null: sign-in is off, and a JWT bearer is refused as `token_invalid`. */
  key: SsoKey | null;
  issuer: string | null;
  audience: string | null;
  /** `deny`: only signed-in readers may comment (LEDE_ANONYMOUS). */
  anonymous: 'allow' | 'deny';
  /** `author.id`: an opaque keyed hash of issuer and `sub` (default), or the `sub` itself. */
  id: 'opaque' | 'sub';
}

/** The asymmetric algorithms a JWKS may use; jose matches each key's type to its algorithm. */
export const JWKS_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];
/** Below this a shared HS256 secret can be guessed offline from one token. */
const MIN_SECRET_LENGTH = 32;

export function parseSsoConfig(env: Env): SsoConfig {
  const anonymous = env.LEDE_ANONYMOUS || 'allow';
  if (anonymous !== 'allow' && anonymous !== 'deny') throw new ConfigError(`LEDE_ANONYMOUS must be allow or deny; got "${anonymous}".`);
  const id = env.LEDE_SSO_ID || 'opaque';
  if (id !== 'opaque' && id !== 'sub') throw new ConfigError(`LEDE_SSO_ID must be opaque or sub; got "${id}".`);
  const key = parseKey(env);
  const issuer = env.LEDE_SSO_ISSUER || null;
  const audience = env.LEDE_SSO_AUDIENCE || null;
  if (!key) {
    if (anonymous === 'deny') throw new ConfigError('LEDE_ANONYMOUS=deny needs sign-in: set LEDE_SSO_SECRET, LEDE_SSO_JWKS_URL or LEDE_SSO_PUBLIC_KEY_FILE.');
    if (issuer || audience || env.LEDE_SSO_ID)
      throw new ConfigError(
        'LEDE_SSO_ISSUER, LEDE_SSO_AUDIENCE and LEDE_SSO_ID need a sign-in key (LEDE_SSO_SECRET, LEDE_SSO_JWKS_URL or LEDE_SSO_PUBLIC_KEY_FILE).',
      );
    return { key: null, issuer: null, audience: null, anonymous, id };
  }
  // Without both, a token the site's login made for another of its services would sign in here too.
  if (!issuer || !audience) throw new ConfigError('Sign-in needs LEDE_SSO_ISSUER and LEDE_SSO_AUDIENCE: the iss and aud your login puts in tokens for Lede.');
  return { key, issuer, audience, anonymous, id };
}

function parseKey(env: Env): SsoKey | null {
  const given = (['LEDE_SSO_SECRET', 'LEDE_SSO_JWKS_URL', 'LEDE_SSO_PUBLIC_KEY_FILE'] as const).filter((name) => env[name]);
  if (given.length > 1) throw new ConfigError(`Set only one of ${given.join(', ')}: each is a way to check tokens, and a token must have one.`);
  if (env.LEDE_SSO_SECRET) {
    if (env.LEDE_SSO_SECRET.length < MIN_SECRET_LENGTH) throw new ConfigError(`LEDE_SSO_SECRET must be at least ${MIN_SECRET_LENGTH} characters long.`);
    return { kind: 'secret', secret: new TextEncoder().encode(env.LEDE_SSO_SECRET), algorithms: ['HS256'] };
  }
  if (env.LEDE_SSO_JWKS_URL) return { kind: 'jwks', url: parseJwksUrl(env.LEDE_SSO_JWKS_URL), algorithms: JWKS_ALGORITHMS };
  if (env.LEDE_SSO_PUBLIC_KEY_FILE) return readPublicKey(env.LEDE_SSO_PUBLIC_KEY_FILE);
  return null;
}

function parseJwksUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`LEDE_SSO_JWKS_URL must be an address; got "${value}".`);
  }
  // Plain http only on loopback: anyone on the path could otherwise hand out their own keys.
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError(`LEDE_SSO_JWKS_URL must be an https:// address (http:// only on loopback); got "${value}".`);
  }
  return url;
}

/** A PEM public key (SPKI); its type decides the one algorithm its tokens may use. */
function readPublicKey(path: string): SsoKey {
  let key: KeyObject;
  try {
    key = createPublicKey(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`LEDE_SSO_PUBLIC_KEY_FILE: cannot read a PEM public key from ${path}: ${(error as Error).message}`);
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const algorithm =
    key.asymmetricKeyType === 'rsa'
      ? 'RS256'
      : key.asymmetricKeyType === 'ed25519'
        ? 'EdDSA'
        : key.asymmetricKeyType === 'ec' && curve === 'prime256v1'
          ? 'ES256'
          : null;
  if (!algorithm)
    throw new ConfigError(`LEDE_SSO_PUBLIC_KEY_FILE: ${path} holds a ${key.asymmetricKeyType} key${curve ? ` (${curve})` : ''}; use RSA, P-256 or Ed25519.`);
  return { kind: 'public-key', key, algorithms: [algorithm] };
}
