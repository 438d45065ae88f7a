/**
 * The protocol's limits, error codes and enumerations as plain values: what a browser bundle
 * may import (`lede-protocol/limits.js`) without the schemas and their library.
 * @module
 */

/** Moderation states of a comment as readers may see it. */
export const COMMENT_STATUSES = ['published', 'pending', 'deleted'] as const;

/** Staff roles a sign-in token may carry, highest first: a comment shows the highest as a badge. */
export const STAFF_ROLES = ['moderator', 'journalist', 'staff'] as const;

/** Orders a thread lists its comments in. */
export const SORT_ORDERS = ['newest', 'oldest', 'top'] as const;

/**
 * Lengths in characters (code points, after normalisation), sizes and counts the server
 * enforces. The element's form and `LocalCommentProvider` check the same numbers.
 */
export const LIMITS = {
  name: { min: 1, max: 80 },
  body: { min: 1, max: 5000 },
  reason: { min: 1, max: 500 },
  threadId: { min: 1, max: 200 },
  /** Comment ids, as the server hands them out (and as clients may send them back). */
  id: { min: 1, max: 64 },
  /** Comments per page a client may ask for. */
  pageSize: { min: 1, max: 100 },
  cursor: { max: 512 },
  /** Threads one `GET /counts` may name. */
  countThreads: { min: 1, max: 100 },
  /** The honeypot field: anything longer is not a person's website. */
  website: { max: 500 },
  /** The page a comment was posted from (`pageUrl`). */
  pageUrl: { max: 2048 },
  /** A moderator's search in names and text. */
  search: { max: 200 },
  /** Comments one bulk moderation action may name. */
  bulk: { min: 1, max: 100 },
} as const;

/** `Idempotency-Key`: 8 to 200 printable ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = '^[\\x21-\\x7e]{8,200}$';

/** Every `error.code` the server answers with (docs/comments-protocol.md, "Errors"). */
export const ERROR_CODES = [
  'invalid_request',
  'invalid_cursor',
  'unauthorized',
  'bad_credentials',
  'csrf',
  'forbidden',
  'edit_window_closed',
  'origin_not_allowed',
  'host_not_allowed',
  'admin_disabled',
  'not_found',
  'request_timeout',
  'comment_deleted',
  'parent_deleted',
  'thread_closed',
  'comment_changed',
  'request_in_progress',
  'payload_too_large',
  'uri_too_long',
  'unsupported_media_type',
  'invalid_field',
  'invalid_parent',
  'too_fast',
  'idempotency_key_reused',
  'edit_needs_review',
  'rate_limited',
  'too_many_attempts',
  'headers_too_large',
  'internal',
  'database_unavailable',
  'author_banned',
  'not_published',
  'undo_expired',
  'undo_stale',
  'token_invalid',
  'token_expired',
  'token_audience',
  'sign_in_required',
  // live-server
  'too_many_streams',
  // mail
  'notifications_unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
