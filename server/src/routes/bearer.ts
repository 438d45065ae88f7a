import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';

/**
 * The token of `Authorization: Bearer <token>`, or null. Other schemes are not ours: a site
 * behind Basic auth has the browser send its credentials with every request.
 */
export function optionalBearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match ? match[1]! : null;
}

/** Pulls the token out of `Authorization: Bearer <token>`; 401 without one. */
export function bearerToken(request: FastifyRequest): string {
  const token = optionalBearerToken(request);
  if (token === null) throw new ApiError(401, 'unauthorized', 'Send Authorization: Bearer <token>.');
  return token;
}
