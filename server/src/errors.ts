import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorCode } from 'lede-protocol';

/** An error the API answers with `{ error: { code, message, field? } }` and `status`. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The database cannot keep a write now; `reason` says why, for the log only. */
export class DatabaseUnavailable extends ApiError {
  constructor(readonly reason: string) {
    super(503, 'database_unavailable', 'Comments cannot be saved right now; please try again later.');
  }
}

export const notFound = (what = 'Comment'): ApiError => new ApiError(404, 'not_found', `${what} not found.`);

/** A post without a sign-in token where only signed-in readers may comment. */
export const signInRequired = (): ApiError =>
  new ApiError(401, 'sign_in_required', 'Only signed-in readers may comment here; sign in, then send again. Your text has been kept.');

export const invalidField = (field: string, message: string): ApiError => new ApiError(422, 'invalid_field', message, field);

/**
 * Answers a connection whose request Node could not read (malformed, headers too large, or too
 * slow to arrive) in the protocol's error shape, then closes it.
 */
export function answerUnreadableRequest(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message]: [number, ErrorCode, string] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'The request took too long to arrive.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'The request headers are too large.']
        : [400, 'invalid_request', 'The request could not be read.'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
