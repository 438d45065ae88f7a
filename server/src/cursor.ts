import { ApiError } from './errors.js';

/**
 * Keyset position after the last comment of a page: the sort key of that comment and its id.
 * `score` is only part of the key for `top`.
 */
export interface Position {
  order: string;
  createdAt: number;
  id: string;
  score?: number;
}

/** Opaque to clients: base64url JSON. Nothing in it is secret, everything in it is checked. */
export function encodeCursor(position: Position): string {
  const tuple = [position.order, position.createdAt, position.id, position.score ?? null];
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
}

/** Reads a cursor made for `order`; anything else is a 400. */
export function decodeCursor(cursor: string, order: string): Position {
  let tuple: unknown;
  try {
    tuple = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    tuple = null;
  }
  if (
    Array.isArray(tuple) &&
    tuple.length === 4 &&
    tuple[0] === order &&
    Number.isSafeInteger(tuple[1]) &&
    typeof tuple[2] === 'string' &&
    tuple[2].length <= 64 &&
    (tuple[3] === null || Number.isSafeInteger(tuple[3]))
  ) {
    return { order, createdAt: tuple[1], id: tuple[2], ...(tuple[3] === null ? {} : { score: tuple[3] }) };
  }
  throw new ApiError(400, 'invalid_cursor', 'The cursor is not valid for this list; start again without it.', 'cursor');
}
