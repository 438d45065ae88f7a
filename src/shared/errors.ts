/** What went wrong, as a machine-readable code. */
export type LedeErrorCode =
  /** The data was not valid JSON. */
  | 'invalid-json'
  /** The data was JSON but not a usable article or story: a missing or mistyped field. */
  | 'invalid-data'
  /** The data was a known format's JSON but not a kind Lede reads (e.g. a schema.org `Recipe`). */
  | 'unsupported-format'
  /** The request did not complete: offline, DNS, CORS, connection reset. */
  | 'network'
  /** The server answered with an error status. */
  | 'http'
  /** The request took longer than the element's timeout. */
  | 'timeout'
  /** The response body was larger than Lede reads (5 MB, `maxBodyBytes`). */
  | 'too-large';

/**
 * An error Lede reports instead of throwing. Elements catch every failure, render an error state
 * and dispatch it in a `lede-error` event.
 */
export class LedeError extends Error {
  override readonly name = 'LedeError';
  readonly code: LedeErrorCode;
  /** The offending field as a path ("headline", "body[2].text"), for data errors. */
  readonly field?: string;
  /** HTTP status, for `http` errors. */
  readonly status?: number;
  /** Seconds to wait before trying again, from a 429's `Retry-After`. */
  readonly retryAfter?: number;
  /** The server's own name for the error (the comment protocol's `error.code`, e.g. `thread_closed`), for `http` errors. */
  readonly reason?: string;

  constructor(code: LedeErrorCode, message: string, options: { field?: string; status?: number; retryAfter?: number; reason?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
    this.reason = options.reason;
  }
}

/** Wraps anything thrown into a `LedeError`, keeping the original as `cause`. */
export function toLedeError(error: unknown, fallback: LedeErrorCode = 'network'): LedeError {
  if (error instanceof LedeError) return error;
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new LedeError('timeout', 'The request timed out.', { cause: error });
  }
  if (error instanceof SyntaxError) return new LedeError('invalid-json', `Not valid JSON: ${error.message}`, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new LedeError(fallback, message, { cause: error });
}

/**
 * Whether a failed request may succeed later unchanged: the network, a timeout, a garbled or
 * incomplete answer, a server fault, a rate limit or a request timeout. The one rule for every
 * retry: feeds and article data fetched again, and comments re-sent (safe: the idempotency key
 * stores a comment once, and an entry stays until an answer can be read).
 */
export function isRetryable(error: LedeError): boolean {
  const status = error.status ?? 0;
  return ['network', 'timeout', 'invalid-json', 'invalid-data'].includes(error.code) || status >= 500 || status === 429 || status === 408;
}
