import { ConfigError, parsePublicUrl, UNIT_MS, type Env } from './values.js';
import type { RateLimit } from './moderation.js';

export type NotifyLimit = 'confirm' | 'client' | 'replies';

/** Reply notifications; null (the feature is off) while LEDE_SMTP_URL is unset. */
export interface MailConfig {
  /** nodemailer's SMTP URL: smtp://user:pass@host:587 or smtps://… */
  smtpUrl: string;
  from: string;
  /** Where links in mails point: this server's public base URL (its `/api` is under it). */
  publicUrl: string;
  /**
   * `confirm`: confirmation mails per address; `client`: addresses given per client IP;
   * `replies`: reply mails per address. Each is what stops the form from sending spam.
   */
  limits: Record<NotifyLimit, RateLimit>;
  /** First retry delay after a failed send; doubles each time. */
  retryBaseMs: number;
  /** How often the outbox worker looks for due mail (other processes' mail included). */
  pollMs: number;
  /** How long a signed confirmation link works. */
  confirmLinkMs: number;
}

export const DEFAULT_NOTIFY_LIMITS: Record<NotifyLimit, RateLimit> = {
  confirm: { max: 3, windowMs: UNIT_MS.day! },
  client: { max: 10, windowMs: UNIT_MS.hour! },
  replies: { max: 20, windowMs: UNIT_MS.hour! },
};

export function parseMailConfig(env: Env): MailConfig | null {
  const smtpUrl = env.LEDE_SMTP_URL?.trim();
  if (!smtpUrl) return null;
  if (!/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('LEDE_SMTP_URL must be an smtp:// or smtps:// URL.');
  const from = env.LEDE_MAIL_FROM?.trim();
  if (!from) throw new ConfigError('LEDE_MAIL_FROM must be set with LEDE_SMTP_URL (e.g. "The Daily <comments@news.example>").');
  return {
    smtpUrl,
    from,
    publicUrl: requiredPublicUrl(env.LEDE_PUBLIC_URL),
    limits: parseNotifyLimits(env.LEDE_NOTIFY_LIMITS),
    retryBaseMs: 30_000,
    pollMs: 5_000,
    confirmLinkMs: 7 * UNIT_MS.day!,
  };
}

function requiredPublicUrl(value: string | undefined): string {
  const url = parsePublicUrl(value);
  if (!url) throw new ConfigError('LEDE_PUBLIC_URL must be set with LEDE_SMTP_URL: links in mails point there.');
  return url;
}

export function parseNotifyLimits(value: string | undefined): Record<NotifyLimit, RateLimit> {
  const limits = { ...DEFAULT_NOTIFY_LIMITS };
  if (!value) return limits;
  for (const part of value.split(',')) {
    const match = /^\s*(confirm|client|replies)\s*=\s*(\d+)\/(\d*)([a-z]+)\s*$/.exec(part);
    const unit = match?.[4] ? UNIT_MS[match[4]] : undefined;
    if (!match || !unit || Number(match[2]) < 1) {
      throw new ConfigError(`LEDE_NOTIFY_LIMITS: cannot read "${part.trim()}"; use e.g. confirm=3/day,client=10/hour,replies=20/hour.`);
    }
    limits[match[1] as NotifyLimit] = { max: Number(match[2]), windowMs: Number(match[3] || 1) * unit };
  }
  return limits;
}
