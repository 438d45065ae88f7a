import type { Generated } from 'kysely';
import type { HoldReason, StaffRole, StoredStatus } from 'lede-protocol';

/** Times are integer milliseconds since the epoch (BIGINT); ids are random base64url strings. */
export interface CommentsTable {
  id: string;
  thread_id: string;
  parent_id: string | null;
  author_name: string;
  /** Keyed hash of the normalised name and client IP: how `first-time` moderation knows an author. */
  author_key: string;
  body: string;
  status: StoredStatus;
  held_reason: HoldReason | null;
  created_at: number;
  edited_at: number | null;
  score: number;
  /** Visible (published or placeholder) direct replies. */
  reply_count: number;
  report_count: number;
  /** sha256 of the edit token; the token itself is never stored. */
  edit_token_hash: string;
  /** When a moderator featured it; featured comments are pinned first. */
  featured_at: number | null;
  /** Reports since a moderator last approved it: what puts it in the `reported` queue. */
  open_reports: number;
  /** The page it was posted from (an allowed origin), for moderators' links. */
  page_url: string | null;
  /** A signed-in author's `author.id` (docs/sso.md); null for anonymous comments. */
  author_id: string | null;
  /** A signed-in author's highest staff role, if any. */
  author_role: StaffRole | null;
}

export interface VotesTable {
  comment_id: string;
  voter_key: string;
  value: number;
  created_at: number;
}

export interface ReportsTable {
  comment_id: string;
  reporter_key: string;
  reason: string;
  created_at: number;
}

export interface IdempotencyKeysTable {
  /** sha256 of the client's Idempotency-Key. */
  key_hash: string;
  /** sha256 of the request it first came with; '' once that comment is erased. */
  request_hash: string;
  /** The comment the request created (null only in rows older than migration 0002 without one). */
  comment_id: string | null;
  created_at: number;
}

export interface ApprovedAuthorsTable {
  author_key: string;
  approved_at: number;
}

/** How the site treats an author (by author key); no row: neither trusted nor banned. */
export interface AuthorsTable {
  author_key: string;
  trusted_at: number | null;
  banned_at: number | null;
}

/** Who did what to which comment or author, when: kept for good. */
export interface AuditLogTable {
  /** Assigned by the database, in order. */
  seq: Generated<number>;
  at: number;
  actor: string;
  action: string;
  comment_id: string | null;
  author_key: string | null;
  thread_id: string | null;
  detail: string | null;
}

/** What a moderation action changed, so it can be undone until `expires_at`. JSON in `before` and `after`. */
export interface UndoActionsTable {
  id: string;
  action: string;
  comment_id: string | null;
  author_key: string | null;
  before: string;
  after: string;
  expires_at: number;
}

export interface MetaTable {
  name: string;
  value: string;
}

export interface RateLimitsTable {
  key: string;
  count: number;
  reset_at: number;
}

/** A row exists once a thread had a post or a moderator's setting; threads without one are open. */
export interface ThreadsTable {
  id: string;
  /** When a moderator closed it; null while open. */
  closed_at: number | null;
  /** 1: every new comment waits for a moderator. */
  premoderate: number;
  /** Where LEDE_CLOSE_AFTER counts from: the date the page gave with the first post, else that post's time. */
  opens_at: number | null;
  /** When a moderator last reopened it: from then on LEDE_CLOSE_AFTER no longer closes it. */
  reopened_at: number | null;
  /** 0: only readers signed in with the site's login may post. */
  anonymous: number;
  /** Moved by triggers with every change to the thread or its comments (migration 0010): public reads' validator. */
  version: number;
}

/** Moderator accounts, managed with `lede-server moderators`. */
export interface ModeratorsTable {
  name: string;
  /** `scrypt$N$r$p$salt$hash` (auth/passwords.ts); never the password. */
  password_hash: string;
  created_at: number;
}

/** Signed-in moderators. Removing a moderator removes their sessions (on delete cascade). */
export interface AdminSessionsTable {
  /** sha256 of the session cookie's token; the token itself is never stored. */
  token_hash: string;
  moderator: string;
  created_at: number;
  /** Slides forward with use (the idle limit), never past created_at plus the absolute limit. */
  expires_at: number;
}

/** The webhook outbox (webhooks/outbox.ts): one row per event and receiver. */
export interface WebhookDeliveriesTable {
  /** The `Lede-Delivery` header: the same on every attempt, so receivers can drop repeats. */
  id: string;
  /** As configured, `slack:` prefix included. */
  url: string;
  event: string;
  /** The JSON body, fixed when the change happened. */
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  /** When the next attempt is due; while one is in flight, when its claim lapses. */
  next_attempt_at: number;
  created_at: number;
  finished_at: number | null;
  last_error: string | null;
}

/** The live threads' event log: one row per event sent, pruned by age and count (live/thread-log.ts). */
export interface ThreadEventsTable {
  /** Assigned by the database, in commit order: the SSE event id. */
  seq: Generated<number>;
  thread_id: string;
  comment_id: string;
  /** A ThreadEvent name (lede-protocol). */
  event: string;
  /** The event's data, as JSON. */
  data: string;
  created_at: number;
}

/** A reader's address for reply mail: AES-256-GCM sealed, found by its keyed hash; never on the API. */
export interface MailAddressesTable {
  /** hmac(secret, normalised address). */
  address_hash: string;
  /** iv.tag.ciphertext, base64url (mail/address.ts). */
  address_sealed: string;
  created_at: number;
  /** When the reader followed the confirmation link; until then no reply mail goes there. */
  confirmed_at: number | null;
}

/** "Email me when someone replies" on one comment. */
export interface ReplySubscriptionsTable {
  comment_id: string;
  address_hash: string;
  /** Keyed hash of the client IP, for the per-client limit. */
  client_key: string;
  /** The language the mails are written in. */
  locale: string;
  created_at: number;
}

/** Mail waiting to be sent, and sent mail kept for the per-address limits. */
export interface MailOutboxTable {
  id: string;
  dedupe_key: string;
  kind: 'confirm' | 'reply';
  address_hash: string;
  /** JSON: what the mail needs besides the address (mail/outbox.ts). */
  payload: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  /** A worker that claimed it sends it until then; others leave it alone. */
  locked_until: number;
  sent_at: number | null;
  /** Given up after the last retry. */
  failed_at: number | null;
  last_error: string | null;
}

export interface Database {
  comments: CommentsTable;
  votes: VotesTable;
  reports: ReportsTable;
  idempotency_keys: IdempotencyKeysTable;
  approved_authors: ApprovedAuthorsTable;
  authors: AuthorsTable;
  audit_log: AuditLogTable;
  undo_actions: UndoActionsTable;
  meta: MetaTable;
  rate_limits: RateLimitsTable;
  threads: ThreadsTable;
  moderators: ModeratorsTable;
  admin_sessions: AdminSessionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  thread_events: ThreadEventsTable;
  mail_addresses: MailAddressesTable;
  reply_subscriptions: ReplySubscriptionsTable;
  mail_outbox: MailOutboxTable;
}
