import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { MailConfig } from '../config/mail.js';
import { randomToken } from '../crypto.js';
import type { Database } from '../store/schema.js';
import type { AddressVault } from './address.js';
import { confirmMail, replyMail, type RenderedMail } from './render.js';

/** What an outbox row carries besides the address (which stays sealed in mail_addresses). */
export type OutboxPayload = { locale: string } & ({ kind: 'confirm' } | { kind: 'reply'; replyId: string });

const BATCH = 20;
/** Long enough for a slow SMTP server; a worker that dies lets others retry after it. */
const CLAIM_MS = 2 * 60_000;
const MAX_ATTEMPTS = 8;

/**
 * The durable outbox: a mail is a row first, so a crash or an SMTP outage delays it instead of
 * losing it. Every process runs a worker; a row is claimed (locked_until) before it is sent, so
 * only one process sends it. Failures are retried with doubling delays, up to MAX_ATTEMPTS.
 */
export class MailOutbox {
  /** nodemailer is loaded only by servers that send mail: the others neither load nor keep it. */
  readonly #transport: Promise<Transporter>;
  readonly #timer: NodeJS.Timeout;
  #running: Promise<void> | null = null;
  #again = false;

  constructor(
    private readonly config: MailConfig,
    private readonly db: Kysely<Database>,
    private readonly vault: AddressVault,
    private readonly log: FastifyBaseLogger,
  ) {
    this.#transport = import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(config.smtpUrl));
    this.#timer = setInterval(() => this.kick(), config.pollMs);
    this.#timer.unref();
  }

  /** Queues a mail; false when one with the same key was queued before (a reply mailed once). */
  async enqueue(dedupeKey: string, addressHash: string, payload: OutboxPayload, now: number): Promise<boolean> {
    const result = await this.db
      .insertInto('mail_outbox')
      .values({
        id: randomToken(12),
        dedupe_key: dedupeKey,
        kind: payload.kind,
        address_hash: addressHash,
        payload: JSON.stringify(payload),
        created_at: now,
        attempts: 0,
        next_attempt_at: now,
        locked_until: 0,
        sent_at: null,
        failed_at: null,
        last_error: null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    const queued = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    if (queued) this.kick();
    return queued;
  }

  /** Mails of `kind` queued for an address since `since`: what the per-address limits count. */
  async countSince(addressHash: string, kind: OutboxPayload['kind'], since: number): Promise<number> {
    const row = await this.db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('address_hash', '=', addressHash)
      .where('kind', '=', kind)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Sends what is due now, in the background; a call during a run runs once more after it. */
  kick(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#drain()
      .catch((error: unknown) => this.log.warn({ err: error }, 'mail outbox run failed'))
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    this.#again = false;
    await this.#running;
    (await this.#transport).close();
  }

  async #drain(): Promise<void> {
    const now = Date.now();
    const due = await this.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .where('locked_until', '<=', now)
      .orderBy('next_attempt_at')
      .limit(BATCH)
      .execute();
    for (const row of due) {
      const claimed = await this.db
        .updateTable('mail_outbox')
        .set({ locked_until: now + CLAIM_MS })
        .where('id', '=', row.id)
        .where('locked_until', '<=', now)
        .where('sent_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      await this.#deliver(row.id, row.address_hash, JSON.parse(row.payload) as OutboxPayload, Number(row.attempts));
    }
  }

  async #deliver(id: string, addressHash: string, payload: OutboxPayload, attempts: number): Promise<void> {
    const mail = await this.#render(addressHash, payload);
    if (!mail) {
      // Unsubscribed, or the reply is gone: nothing to send.
      await this.db.deleteFrom('mail_outbox').where('id', '=', id).execute();
      return;
    }
    try {
      await (
        await this.#transport
      ).sendMail({
        from: this.config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: {
          'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
        },
      });
      await this.db
        .updateTable('mail_outbox')
        .set({ sent_at: Date.now(), attempts: attempts + 1 })
        .where('id', '=', id)
        .execute();
    } catch (error) {
      const tried = attempts + 1;
      const now = Date.now();
      // SMTP replies may quote the address: keep only the codes.
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      const reason = [code, responseCode].filter(Boolean).join(' ') || 'send failed';
      this.log.warn({ mail: id, attempt: tried, reason }, 'mail not sent; will retry');
      await this.db
        .updateTable('mail_outbox')
        .set({
          attempts: tried,
          last_error: reason,
          locked_until: 0,
          next_attempt_at: now + this.config.retryBaseMs * 2 ** (tried - 1),
          failed_at: tried >= MAX_ATTEMPTS ? now : null,
        })
        .where('id', '=', id)
        .execute();
    }
  }

  async #render(addressHash: string, payload: OutboxPayload): Promise<(RenderedMail & { to: string; unsubscribeUrl: string }) | null> {
    const address = await this.db.selectFrom('mail_addresses').selectAll().where('address_hash', '=', addressHash).executeTakeFirst();
    if (!address) return null;
    const link = (action: 'confirm' | 'unsubscribe', token: string) =>
      `${this.config.publicUrl}/api/notifications/${action}?token=${encodeURIComponent(token)}&lang=${payload.locale}`;
    const unsubscribeUrl = link('unsubscribe', this.vault.sign('unsubscribe', addressHash));
    const to = this.vault.open(address.address_sealed);
    if (payload.kind === 'confirm') {
      const confirmUrl = link('confirm', this.vault.sign('confirm', addressHash, Date.now() + this.config.confirmLinkMs));
      return { to, unsubscribeUrl, ...confirmMail(payload.locale, confirmUrl, unsubscribeUrl) };
    }
    if (address.confirmed_at === null) return null;
    const reply = await this.db
      .selectFrom('comments')
      .select(['author_name', 'body', 'page_url', 'status'])
      .where('id', '=', payload.replyId)
      .executeTakeFirst();
    if (!reply || reply.status !== 'published') return null;
    return { to, unsubscribeUrl, ...replyMail(payload.locale, { name: reply.author_name, body: reply.body, pageUrl: reply.page_url }, unsubscribeUrl) };
  }
}
