import type { KeyObject } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LIMITS, STAFF_ROLES, type StaffRole } from 'lede-protocol';
import type { SsoConfig } from '../config/sso.js';
import { hmac } from '../crypto.js';
import { ApiError } from '../errors.js';
import { optionalBearerToken } from '../routes/bearer.js';
import { characters, cleanName, hasVisibleCharacter } from '../text.js';

/** A reader signed in with the site's login, as their token says. */
export interface Identity {
  /** What their comments carry as `author.id` (see `SsoConfig.id`). */
  id: string;
  name: string;
  picture?: string;
  /** The highest staff role among the token's roles. */
  role?: StaffRole;
  moderator: boolean;
}

/** Clocks of the site's login and this server may disagree by this much. */
const CLOCK_TOLERANCE_S = 30;
/** The length of an opaque `author.id`: 132 bits of a keyed hash. */
const OPAQUE_ID_LENGTH = 22;

/** A bearer with two dots is a JWT (`header.payload.signature`); anything else is an edit token. */
export const isJwt = (token: string): boolean => token.split('.').length === 3;

const refuse = (code: 'token_invalid' | 'token_expired' | 'token_audience', message: string) => new ApiError(401, code, message);

/**
 * Checks the site's sign-in tokens (docs/sso.md) with jose: signature with the one configured key
 * and its pinned algorithms, issuer, audience, expiry; then reads the reader from the claims.
 */
export class Readers {
  readonly #key: Uint8Array | KeyObject | JWTVerifyGetKey | null;

  constructor(
    private readonly config: SsoConfig,
    /** The server's secret, which keys opaque ids. */
    private readonly secret: string,
  ) {
    const key = config.key;
    // The JWKS is fetched when first needed, then cached by jose (and fetched again for an unknown `kid`).
    this.#key = key === null ? null : key.kind === 'secret' ? key.secret : key.kind === 'jwks' ? createRemoteJWKSet(key.url) : key.key;
  }

  /** The token's reader, or the 401 (503 when the JWKS cannot be fetched) to answer with. */
  async identify(token: string): Promise<Identity> {
    if (this.#key === null || this.config.key === null) throw refuse('token_invalid', 'This server does not take sign-in tokens.');
    const key = this.#key;
    const options = {
      algorithms: this.config.key.algorithms,
      issuer: this.config.issuer!,
      audience: this.config.audience!,
      clockTolerance: CLOCK_TOLERANCE_S,
      requiredClaims: ['exp', 'sub'],
    };
    let payload: JWTPayload;
    try {
      // Two calls for jose's two overloads: a key, or a key set that picks one.
      payload = (typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options)).payload;
    } catch (error) {
      throw tokenError(error);
    }
    return this.#identity(payload);
  }

  /**
   * The signed-in reader behind a request's `Authorization: Bearer <JWT>`; null without one (or
   * with an edit token). A bad token is refused, unless `lenient`: reads then go on as anyone's.
   */
  async fromRequest(request: FastifyRequest, { lenient = false } = {}): Promise<Identity | null> {
    const token = optionalBearerToken(request);
    if (token === null || !isJwt(token)) return null;
    try {
      return await this.identify(token);
    } catch (error) {
      if (lenient && error instanceof ApiError && error.statusCode === 401) return null;
      throw error;
    }
  }

  #identity(payload: JWTPayload): Identity {
    const { sub, name, picture, roles = [] } = payload as JWTPayload & { name?: unknown; picture?: unknown; roles?: unknown };
    if (typeof sub !== 'string' || sub.length === 0 || sub.length > 255)
      throw refuse('token_invalid', 'The sign-in token’s sub claim must be the reader’s id, up to 255 characters.');
    const cleaned = typeof name === 'string' ? cleanName(name) : '';
    if (!hasVisibleCharacter(cleaned) || characters(cleaned) > LIMITS.name.max) {
      throw refuse('token_invalid', `The sign-in token’s name claim must be the reader’s display name, 1 to ${LIMITS.name.max} characters.`);
    }
    if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string'))
      throw refuse('token_invalid', 'The sign-in token’s roles claim must be an array of strings.');
    const role = STAFF_ROLES.find((staff) => roles.includes(staff));
    const id = this.config.id === 'sub' ? sub : hmac(this.secret, ['sso-id', payload.iss, sub].join('\n')).slice(0, OPAQUE_ID_LENGTH);
    return {
      id,
      name: cleaned,
      ...(typeof picture === 'string' && isWebAddress(picture) ? { picture } : {}),
      ...(role ? { role } : {}),
      moderator: role === 'moderator',
    };
  }
}

/** Avatars are shown in pages: only http(s) addresses, never `javascript:` or `data:`. */
function isWebAddress(value: string): boolean {
  if (value.length > LIMITS.pageUrl.max) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** jose's reasons as the protocol's codes, with messages a site's developer can act on. */
function tokenError(error: unknown): ApiError {
  if (error instanceof errors.JWTExpired) return refuse('token_expired', 'The sign-in token has expired; sign in again.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return refuse('token_audience', 'The sign-in token was made for another audience (its aud is not LEDE_SSO_AUDIENCE).');
    if (error.claim === 'iss') return refuse('token_invalid', 'The sign-in token comes from another issuer (its iss is not LEDE_SSO_ISSUER).');
    return refuse('token_invalid', `The sign-in token is not valid: ${error.claim} ${error.reason}.`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return refuse('token_invalid', 'The sign-in token is signed with an algorithm this server does not accept.');
  if (error instanceof errors.JWSSignatureVerificationFailed) return refuse('token_invalid', 'The sign-in token’s signature does not match.');
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return refuse('token_invalid', 'The sign-in token is signed with a key the site’s key set does not have.');
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError)) {
    return new ApiError(503, 'internal', 'Sign-in cannot be checked right now (the site’s key set is unavailable); please try again.');
  }
  return refuse('token_invalid', 'The sign-in token cannot be read.');
}
