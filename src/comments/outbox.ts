/**
 * Nothing typed is lost: drafts, comments not sent yet (the outbox) and the edit tokens of one's own
 * comments live in `localStorage` under these keys, and failed posts are retried on this schedule.
 * Pure apart from the storage passed in: safe in Node.
 */
import type { Comment } from '../model.js';
import type { NewComment } from './provider.js';

/** A comment waiting to be sent, retried with the same idempotency key until the backend answers. */
export interface OutboxEntry {
  /** The idempotency key, also the entry's identity. */
  key: string;
  comment: NewComment;
  /** Failed attempts so far. */
  attempts: number;
  /** When to try again, in milliseconds since the epoch. */
  retryAt: number;
  /** The backend's message about the last failure, if it gave one ("try again in 1 minute"). */
  note?: string;
}

/** One of the author's own comments: the token to edit or delete it, and the comment while pending. */
export interface OwnComment {
  token: string;
  /** When it was posted, in milliseconds since the epoch. */
  at: number;
  /** When editing and deleting close, by this browser's clock. */
  until?: number;
  /** Kept only while held for moderation, so its author still sees it after a reload. */
  pending?: Comment;
}

const prefix = 'lede-comments:';

/** Storage keys: per thread for the outbox and drafts (per parent), page-wide for the name and own comments. */
export const storageKeys = {
  name: `${prefix}name`,
  own: `${prefix}own`,
  /** This browser's votes by comment id, so a reload still shows them pressed. */
  votes: `${prefix}votes`,
  outbox: (threadId: string) => `${prefix}outbox:${threadId}`,
  draft: (threadId: string, parentId: string | null) => `${prefix}draft:${threadId}:${parentId ?? ''}`,
};

/** How long own comments are remembered: well past any edit window and moderation queue. */
export const OWN_COMMENT_TTL = 7 * 24 * 3600_000;

/** The longest `Retry-After` obeyed, in seconds: a reader's comment never waits longer than an hour. */
export const MAX_RETRY_AFTER = 3600;

/**
 * Milliseconds until the next attempt after `attempts` failures: 2 s doubling to at most a minute,
 * ±20 % so many readers coming back online do not retry in step; never before `Retry-After`, up
 * to `MAX_RETRY_AFTER`.
 */
export function retryDelay(attempts: number, retryAfterSeconds = 0, random: () => number = Math.random): number {
  const backoff = Math.min(60_000, 2000 * 2 ** Math.max(0, attempts - 1)) * (0.8 + random() * 0.4);
  return Math.max(Math.round(backoff), Math.min(retryAfterSeconds, MAX_RETRY_AFTER) * 1000);
}

/** A key unique to one comment, within the 8–200 printable characters the protocol allows. */
export function newIdempotencyKey(): string {
  // randomUUID exists only in secure contexts (https, localhost).
  return crypto.randomUUID?.() ?? Date.now().toString(36) + Math.random().toString(36).slice(2);
}

/** `localStorage`, or undefined where it is blocked (some private modes, sandboxed frames). */
export function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** Reads JSON from storage; anything unreadable counts as absent. */
export function readStored<T>(storage: Storage | undefined, key: string, fallback: T): T {
  try {
    const text = storage?.getItem(key);
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Writes JSON to storage, removing the key for an empty value ('' or []); false when storage
 * refused (full or blocked), so the caller can keep the data in memory and say so.
 */
export function writeStored(storage: Storage | undefined, key: string, value: unknown): boolean {
  try {
    if (!storage) return false;
    if (value === '' || value === undefined || (Array.isArray(value) && value.length === 0)) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Own comments minus those older than `OWN_COMMENT_TTL`. */
export function freshOwnComments(own: Record<string, OwnComment>, now: number): Record<string, OwnComment> {
  return Object.fromEntries(Object.entries(own).filter(([, entry]) => now - entry.at < OWN_COMMENT_TTL));
}

/** Whether this browser holds unsent comments or drafts for a thread: work that must not wait for a scroll. */
export function hasStoredWork(storage: Storage | undefined, threadId: string): boolean {
  const draft = storageKeys.draft(threadId, '');
  try {
    for (let index = 0; index < (storage?.length ?? 0); index += 1) {
      const key = storage!.key(index)!;
      if (key === storageKeys.outbox(threadId) || key.startsWith(draft)) return true;
    }
  } catch {
    // Blocked storage holds nothing.
  }
  return false;
}
