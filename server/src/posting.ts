import type { HoldReason, NewComment } from 'lede-protocol';
import type { AppContext } from './context.js';
import { ApiError } from './errors.js';
import { contentHoldReason, formHoldReason } from './spam.js';

/** Why a new post must wait (`heldReason`, null: it need not), and whether its author is trusted. */
export interface Admission {
  heldReason: HoldReason | null;
  /** Trusted authors skip pre-moderation: LEDE_MODERATION's and a pre-moderated thread's. */
  trusted: boolean;
}

/**
 * Why a new post must wait for a moderator, or a 403 for a banned author under
 * LEDE_BAN_MODE=refuse. Trusted authors skip pre-moderation (`all`, `links`, `first-time`, and
 * per thread in the store), not the bot signals or the banned words.
 */
export async function admission(
  { config, store, contentCheck }: AppContext,
  form: NewComment,
  name: string,
  body: string,
  authorKey: string,
  now: number,
): Promise<Admission> {
  const { trusted, banned } = await store.authorStanding(authorKey);
  if (banned && config.banMode === 'refuse') {
    throw new ApiError(403, 'author_banned', 'You can no longer comment on this site. Your text has not been sent.');
  }
  const reason =
    formHoldReason(form, config.minSubmitMs, now) ??
    (banned ? 'banned-author' : null) ??
    contentHoldReason(trusted ? { ...contentCheck, moderation: 'none' } : contentCheck, name, body);
  if (reason || trusted || config.moderation !== 'first-time') return { heldReason: reason, trusted };
  return { heldReason: (await store.isApprovedAuthor(authorKey)) ? null : 'first-time', trusted };
}

/**
 * The page a post says it came from, kept only as an http(s) address on an allowed origin
 * (or the posting page's own): moderators open it, so it must not point anywhere else.
 * Anything else is dropped, not refused: the comment matters more than the link.
 */
export function pageUrl(value: string | undefined, allowedOrigins: string[], requestOrigin: string | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const allowed = allowedOrigins.includes('*') || allowedOrigins.includes(url.origin) || url.origin === requestOrigin;
  return allowed ? url.href : null;
}
