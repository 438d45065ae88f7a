import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { CreatedComment } from 'lede-protocol';
import type { MailConfig } from '../config/mail.js';
import { hmac } from '../crypto.js';
import { ApiError } from '../errors.js';
import type { CommentChange } from '../live/changes.js';
import type { Database } from '../store/schema.js';
import { AddressVault, plausibleAddress } from './address.js';
import { MailOutbox } from './outbox.js';

export type Notification = NonNullable<CreatedComment['notification']>;

/** An opt-in that passed its checks; `subscribe` stores it once the comment is stored. */
export interface OptIn {
  subscribe(commentId: string): Promise<Notification>;
}

/**
 * "Email me when someone replies": double opt-in per address, per-address and per-client
 * limits, and a reply mail when a reply to a subscribed comment is published (heard through
 * `context.changes`, in the process that published it).
 */
export class ReplyNotifications {
  readonly vault: AddressVault;
  readonly #outbox: MailOutbox | null;

  constructor(
    private readonly config: MailConfig | null,
    private readonly db: Kysely<Database>,
    private readonly secret: string,
    private readonly log: FastifyBaseLogger,
  ) {
    this.vault = new AddressVault(secret);
    this.#outbox = config ? new MailOutbox(config, db, this.vault, log) : null;
  }

  /** Checks an opt-in before its comment is stored, so a refusal keeps the comment unposted (and the reader's text in the form). */
  async prepare(address: string, client: string, locale: string, now: number): Promise<OptIn> {
    const { config } = this;
    const outbox = this.#outbox;
    if (!config || !outbox) throw new ApiError(422, 'notifications_unavailable', 'This server does not send reply notifications.', 'notifyEmail');
    const trimmed = address.trim();
    if (!plausibleAddress(trimmed)) throw new ApiError(422, 'invalid_field', 'notifyEmail must be an email address.', 'notifyEmail');
    const clientKey = hmac(this.secret, `mail-client\n${client}`);
    const addressHash = this.vault.hash(trimmed);
    const limits = config.limits;
    const fromClient = await this.db
      .selectFrom('reply_subscriptions')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('client_key', '=', clientKey)
      .where('created_at', '>', now - limits.client.windowMs)
      .executeTakeFirstOrThrow();
    if (Number(fromClient.count) >= limits.client.max) throw tooMany();
    const known = await this.db.selectFrom('mail_addresses').select('confirmed_at').where('address_hash', '=', addressHash).executeTakeFirst();
    const confirmed = known?.confirmed_at != null;
    if (!confirmed && (await outbox.countSince(addressHash, 'confirm', now - limits.confirm.windowMs)) >= limits.confirm.max) throw tooMany();

    return {
      subscribe: async (commentId) => {
        await this.db
          .insertInto('mail_addresses')
          .values({ address_hash: addressHash, address_sealed: this.vault.seal(trimmed), created_at: now, confirmed_at: null })
          .onConflict((oc) => oc.column('address_hash').doNothing())
          .execute();
        await this.db
          .insertInto('reply_subscriptions')
          .values({ comment_id: commentId, address_hash: addressHash, client_key: clientKey, locale, created_at: now })
          .execute();
        if (confirmed) return 'subscribed';
        await outbox.enqueue(`confirm:${commentId}`, addressHash, { kind: 'confirm', locale }, now);
        return 'confirm_sent';
      },
    };
  }

  /** Called for every change; mails the parent's subscriber when a reply becomes public. */
  async changed(change: CommentChange): Promise<void> {
    if (!this.#outbox || !this.config) return;
    if (change.kind !== 'created' && !(change.kind === 'moderated' && change.action === 'approve')) return;
    const reply = await this.db.selectFrom('comments').select(['id', 'parent_id', 'status']).where('id', '=', change.commentId).executeTakeFirst();
    if (!reply?.parent_id || reply.status !== 'published') return;
    const subscription = await this.db
      .selectFrom('reply_subscriptions')
      .innerJoin('mail_addresses', 'mail_addresses.address_hash', 'reply_subscriptions.address_hash')
      .select(['reply_subscriptions.address_hash', 'reply_subscriptions.locale', 'mail_addresses.confirmed_at'])
      .where('reply_subscriptions.comment_id', '=', reply.parent_id)
      .executeTakeFirst();
    if (!subscription || subscription.confirmed_at === null) return;
    // Nobody needs a mail about their own reply.
    const own = await this.db.selectFrom('reply_subscriptions').select('address_hash').where('comment_id', '=', reply.id).executeTakeFirst();
    if (own?.address_hash === subscription.address_hash) return;
    const now = Date.now();
    const { max, windowMs } = this.config.limits.replies;
    if ((await this.#outbox.countSince(subscription.address_hash, 'reply', now - windowMs)) >= max) {
      this.log.info({ reply: reply.id }, 'reply mail skipped: the address had its hourly share');
      return;
    }
    await this.#outbox.enqueue(`reply:${reply.id}`, subscription.address_hash, { kind: 'reply', replyId: reply.id, locale: subscription.locale }, now);
  }

  /** Follows a confirmation link; false when its address is no longer stored. */
  async confirm(addressHash: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('mail_addresses')
      .set({ confirmed_at: now })
      .where('address_hash', '=', addressHash)
      .where('confirmed_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) return true;
    return (await this.db.selectFrom('mail_addresses').select('address_hash').where('address_hash', '=', addressHash).executeTakeFirst()) !== undefined;
  }

  /** Forgets an address: its subscriptions, its unsent mail and the address itself. */
  async unsubscribe(addressHash: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('reply_subscriptions').where('address_hash', '=', addressHash).execute();
      await trx.deleteFrom('mail_outbox').where('address_hash', '=', addressHash).where('sent_at', 'is', null).execute();
      await trx.deleteFrom('mail_addresses').where('address_hash', '=', addressHash).execute();
    });
  }

  async close(): Promise<void> {
    await this.#outbox?.close();
  }
}

/** 422 rather than 429: a client retries a 429 with the same body, and this refusal lasts for hours. */
const tooMany = () =>
  new ApiError(
    422,
    'notifications_unavailable',
    'Too many reply notifications were asked for this address or from here; post without one, or try again tomorrow.',
    'notifyEmail',
  );
