import { readFileSync } from 'node:fs';
import { commaList, ConfigError, UNIT_MS } from './values.js';

export type ModerationMode = 'none' | 'links' | 'first-time' | 'all';
/** What happens to a banned author's new comments: held for a moderator, or refused (403 author_banned). */
export type BanMode = 'hold' | 'refuse';
export type RateLimitedAction = 'posts' | 'votes' | 'reports';

export interface RateLimit {
  max: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMITS: Record<RateLimitedAction, RateLimit> = {
  posts: { max: 5, windowMs: 60_000 },
  votes: { max: 30, windowMs: 60_000 },
  reports: { max: 10, windowMs: 60_000 },
};

const MODERATION_MODES: ModerationMode[] = ['none', 'links', 'first-time', 'all'];

export function parseModeration(value: string | undefined): ModerationMode {
  if (!value) return 'none';
  if (!(MODERATION_MODES as string[]).includes(value)) {
    throw new ConfigError(`LEDE_MODERATION must be one of ${MODERATION_MODES.join(', ')}; got "${value}".`);
  }
  return value as ModerationMode;
}

export function parseRateLimits(value: string | undefined): Record<RateLimitedAction, RateLimit | null> {
  if (value?.trim() === 'off') return { posts: null, votes: null, reports: null };
  const limits: Record<RateLimitedAction, RateLimit | null> = { ...DEFAULT_RATE_LIMITS };
  if (!value) return limits;
  for (const part of value.split(',')) {
    const match = /^\s*(posts|votes|reports)\s*=\s*(?:(off)|(\d+)\/(\d*)([a-z]+))\s*$/.exec(part);
    const unit = match?.[5] ? UNIT_MS[match[5]] : undefined;
    if (!match || (!match[2] && (!unit || Number(match[3]) < 1))) {
      throw new ConfigError(`LEDE_RATE_LIMITS: cannot read "${part.trim()}"; use e.g. posts=5/min,votes=30/min,reports=10/10min or off.`);
    }
    const action = match[1] as RateLimitedAction;
    limits[action] = match[2] ? null : { max: Number(match[3]), windowMs: Number(match[4] || 1) * unit! };
  }
  return limits;
}

export function parseBannedWords(list: string | undefined, file: string | undefined): string[] {
  const words = (list ?? '').split(',');
  if (file) {
    try {
      words.push(
        ...readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => !line.startsWith('#')),
      );
    } catch (error) {
      throw new ConfigError(`LEDE_BANNED_WORDS_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code}).`);
    }
  }
  return [...new Set(words.map((word) => word.trim().normalize('NFKC').toLowerCase()).filter(Boolean))];
}

export function parseBanMode(value: string | undefined): BanMode {
  if (!value) return 'hold';
  if (value !== 'hold' && value !== 'refuse') throw new ConfigError(`LEDE_BAN_MODE must be hold or refuse; got "${value}".`);
  return value;
}

export const DEFAULT_REJECT_REASONS = ['Spam', 'Off-topic', 'Abusive', 'Personal information'];

/** The reasons a moderator may give a rejection (the console offers them), comma-separated. */
export function parseRejectReasons(value: string | undefined): string[] {
  const reasons = [...new Set(commaList(value))];
  if (reasons.some((reason) => reason.length > 500)) throw new ConfigError('LEDE_REJECT_REASONS: each reason must be at most 500 characters.');
  return reasons.length > 0 ? reasons : DEFAULT_REJECT_REASONS;
}
