import type { Config } from './config.js';
import { ApiError } from './errors.js';
import type { HoldReason } from 'lede-protocol';

// Scheme URLs, www. hosts, and bare host names ending in a common top-level domain or
// followed by a path: what `links` moderation holds.
const LINK =
  /(\bhttps?:\/\/|\bwww\.|\b[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.(com|net|org|info|biz|io|co|ru|cn|xyz|top|me|ly|app|dev|site|online|shop)\b|\b[\p{L}\p{N}-]+\.[\p{L}]{2,}\/)/iu;

export const containsLink = (text: string): boolean => LINK.test(text);

/** Builds a matcher for whole banned words or phrases, ignoring case and compatibility forms. */
export function bannedWordMatcher(words: string[]): (text: string) => boolean {
  if (words.length === 0) return () => false;
  const alternatives = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives})(?![\\p{L}\\p{N}])`, 'u');
  return (text) => pattern.test(text.normalize('NFKC').toLowerCase());
}

export interface ContentCheck {
  moderation: Config['moderation'];
  hasBannedWords: (text: string) => boolean;
}

/** Why this text must wait for a moderator, whatever its author did before; `null` if it need not. */
export function contentHoldReason(check: ContentCheck, name: string, body: string): HoldReason | null {
  if (check.moderation === 'all') return 'moderation-all';
  if (check.hasBannedWords(name) || check.hasBannedWords(body)) return 'banned-words';
  if (check.moderation === 'links' && containsLink(body)) return 'links';
  return null;
}

export interface FormSignals {
  /** The honeypot field: hidden from people, filled in by naive bots. */
  website?: string;
  /** When the form was shown, in ms since the epoch by the client's clock. */
  startedAt?: number;
}

// Client clocks may run ahead; beyond this the timing says nothing and the post is held.
const CLOCK_SKEW_MS = 60_000;

/**
 * Reads the bot signals of a new post. Too quick a post is refused with a 422 the form can
 * show (the person waits a moment and sends again); the other signals hold the comment, so a
 * person whose browser autofilled the honeypot loses nothing.
 */
export function formHoldReason(signals: FormSignals, minSubmitMs: number, now: number): HoldReason | null {
  if (signals.website) return 'honeypot';
  if (minSubmitMs === 0) return null;
  if (signals.startedAt === undefined) return 'no-timing';
  const elapsed = now - signals.startedAt;
  if (elapsed < -CLOCK_SKEW_MS) return 'no-timing';
  if (elapsed < minSubmitMs) {
    const wait = Math.max(1, Math.ceil((minSubmitMs - elapsed) / 1000));
    throw new ApiError(422, 'too_fast', `That was quick! Please wait ${wait} second${wait === 1 ? '' : 's'} and send your comment again.`);
  }
  return null;
}
