import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { freePort } from '../../scripts/pg-cluster.js';
import { DEFAULT_NOTIFY_LIMITS, type MailConfig } from '../../src/config/mail.js';
import { AddressVault } from '../../src/mail/address.js';
import { openDatabase } from '../../src/store/database.js';
import { freshDatabase, makeApp, makeAppOn, uniqueThread, type Api, type Backend, type Json } from '../helpers.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp.js';

const PUBLIC_URL = 'https://news.example/comments';

const mailConfig = (port: number, overrides: Partial<MailConfig> = {}): MailConfig => ({
  smtpUrl: `smtp://127.0.0.1:${port}`,
  from: 'The Daily <comments@news.example>',
  publicUrl: PUBLIC_URL,
  limits: { ...DEFAULT_NOTIFY_LIMITS },
  retryBaseMs: 100,
  pollMs: 100,
  confirmLinkMs: 60_000,
  ...overrides,
});

const newAddress = () => `Reader.${randomUUID()}@Example.test`;
let ipCount = 0;
/** Each test posts from its own client: the per-client limit counts across the suite's database. */
const nextIp = () => `10.8.${Math.floor(++ipCount / 250)}.${(ipCount % 250) + 1}`;

/** The path of the link in a mail's text that starts with the public URL and goes to `action`. */
function linkIn(mail: ParsedMail, action: 'confirm' | 'unsubscribe'): string {
  const match = new RegExp(`${PUBLIC_URL.replaceAll('.', '\\.')}(/api/notifications/${action}\\?\\S+)`).exec(mail.text ?? '');
  assert.ok(match, `no ${action} link in: ${mail.text}`);
  return match[1]!;
}

/** A header as it was sent (mailparser folds List-* headers into one object). */
const rawHeader = (mail: ParsedMail, name: string) => mail.headerLines.find((header) => header.key === name)?.line.replace(/\r\n\s+/g, ' ');

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

export function mailSuite(backend: Backend): void {
  describe('reply notifications by mail', () => {
    let smtp: SmtpSink;
    let api: Api;

    /** A test's own SMTP server process and app (both end with the test). */
    async function start() {
      smtp = await startSmtpSink();
      api = await makeApp(backend, { mail: mailConfig(smtp.port) });
    }

    /** Posts a comment asking for reply mail; returns it and the confirmation mail. */
    async function optIn(address: string, ip = nextIp(), headers: Record<string, string> = {}) {
      const thread = uniqueThread('mail');
      const posted = await api.post(thread, { name: 'Ada', notifyEmail: address }, { ip, headers });
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
      assert.equal(posted.body.notification, 'confirm_sent');
      const [confirm] = await smtp.mailsTo(address);
      return { thread, comment: posted.body.comment, confirm: confirm! };
    }

    async function confirmByLink(mail: ParsedMail) {
      const path = linkIn(mail, 'confirm');
      const page = await api.app.inject({ method: 'GET', url: path });
      assert.equal(page.statusCode, 200);
      assert.match(page.headers['content-type'] as string, /^text\/html/);
      assert.match(page.body, /<form method="post">/);
      const done = await api.app.inject({ method: 'POST', url: path });
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /<p role="status">/);
    }

    it('sends a confirmation mail first, with one-click unsubscribe headers, and no reply mail until it is confirmed', async () => {
      await start();
      const address = newAddress();
      const { thread, comment, confirm } = await optIn(address);
      assert.equal(confirm.subject, 'Confirm reply notifications');
      assert.equal(confirm.from?.text, '"The Daily" <comments@news.example>');
      assert.match(confirm.text!, /Confirm your address: https:\/\/news\.example\/comments\/api\/notifications\/confirm\?token=/);
      assert.match(confirm.html as string, /<a href="https:\/\/news\.example\/comments\/api\/notifications\/confirm\?token=/);
      assert.equal(rawHeader(confirm, 'list-unsubscribe'), `List-Unsubscribe: <${PUBLIC_URL}${linkIn(confirm, 'unsubscribe')}>`);
      assert.equal(rawHeader(confirm, 'list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');

      const reply = await api.post(thread, { name: 'Grace', parentId: comment.id }, { ip: nextIp() });
      assert.equal(reply.status, 201);
      // A mail scanner fetching the link must not confirm anyone.
      assert.equal((await api.app.inject({ method: 'GET', url: linkIn(confirm, 'confirm') })).statusCode, 200);
      await api.post(thread, { name: 'Grace', parentId: comment.id }, { ip: nextIp() });
      await settle();
      assert.equal((await smtp.receivedBy(address)).length, 1, 'only the confirmation mail');
    });

    it('mails each published reply once confirmed: escaped text, the page link, in the reader’s language', async () => {
      await start();
      const address = newAddress();
      const { thread, comment, confirm } = await optIn(address, nextIp(), { 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.5' });
      assert.equal(confirm.subject, 'Confirmez les notifications de réponse');
      await confirmByLink(confirm);
      const body = 'Nice <img src=x onerror=alert(1)> & "quoted"\n\nSecond paragraph';
      const reply = await api.post(
        thread,
        { name: 'Grace <b>Hopper</b>', body, parentId: comment.id },
        { ip: nextIp(), headers: { origin: 'https://news.example' } },
      );
      assert.equal(reply.status, 201);
      const [, mail] = await smtp.mailsTo(address, 2);
      assert.equal(mail!.subject, 'Grace <b>Hopper</b> a répondu à votre commentaire');
      assert.match(mail!.text!, /Nice <img src=x onerror=alert\(1\)> & "quoted"/);
      assert.match(mail!.text!, /Ne plus recevoir ces e-mails: https:\/\/news\.example/);
      const html = mail!.html as string;
      assert.ok(!html.includes('<img'), html);
      assert.ok(!html.includes('<b>'), html);
      assert.match(html, /Nice &lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;quoted&quot;<\/p><p>Second paragraph/);
      assert.equal(rawHeader(mail!, 'list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');

      // The same address opting in again is subscribed at once, and the reader's own reply mails no one.
      const again = await api.post(thread, { name: 'Ada', parentId: reply.body.comment.id, notifyEmail: address.toUpperCase() }, { ip: nextIp() });
      assert.equal(again.body.notification, 'subscribed');
      await settle();
      assert.equal((await smtp.receivedBy(address)).length, 2);
    });

    it('mails when a moderator approves a held reply, and only once however often it is approved', async () => {
      await start();
      const held = await makeApp(backend, { mail: mailConfig(smtp.port), moderation: 'all' });
      const address = newAddress();
      const thread = uniqueThread('mail-held');
      const parent = await held.post(thread, { name: 'Ada', notifyEmail: address }, { ip: nextIp() });
      assert.equal(parent.status, 202);
      assert.equal(parent.body.notification, 'confirm_sent');
      const [confirm] = await smtp.mailsTo(address);
      await confirmByLink(confirm!);
      assert.equal((await held.approve(parent.body.comment)).status, 200);
      const reply = await held.post(thread, { name: 'Grace', body: 'Held reply', parentId: parent.body.comment.id }, { ip: nextIp() });
      assert.equal(reply.status, 202);
      await settle();
      assert.equal((await smtp.receivedBy(address)).length, 1, 'no mail for a held reply');
      assert.equal((await held.approve(reply.body.comment)).status, 200);
      const [, mail] = await smtp.mailsTo(address, 2);
      assert.match(mail!.text!, /Held reply/);
      await held.approve(reply.body.comment);
      await settle();
      assert.equal((await smtp.receivedBy(address)).length, 2);
    });

    it('unsubscribes with RFC 8058 one-click POST: no more mail, and the address is forgotten', async () => {
      await start();
      const address = newAddress();
      const { thread, comment, confirm } = await optIn(address);
      await confirmByLink(confirm);
      const url = new URL(/<(.*)>/.exec(rawHeader(confirm, 'list-unsubscribe') ?? '')![1]!);
      assert.ok(url.href.startsWith(PUBLIC_URL));
      const page = await api.app.inject({ method: 'GET', url: url.pathname.replace('/comments', '') + url.search });
      assert.match(page.body, /Stop reply notifications\?/);
      const done = await api.app.inject({
        method: 'POST',
        url: url.pathname.replace('/comments', '') + url.search,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /no more reply notifications/);
      const vault = new AddressVault(
        (await backend.database.db.selectFrom('meta').select('value').where('name', '=', 'secret').executeTakeFirstOrThrow()).value,
      );
      const left = await backend.database.db.selectFrom('mail_addresses').select('address_hash').where('address_hash', '=', vault.hash(address)).execute();
      assert.deepEqual(left, []);
      await api.post(thread, { name: 'Grace', parentId: comment.id }, { ip: nextIp() });
      await settle();
      assert.equal((await smtp.receivedBy(address)).length, 1);
      // A confirmation link followed after unsubscribing confirms nothing.
      assert.equal((await api.app.inject({ method: 'POST', url: linkIn(confirm, 'confirm') })).statusCode, 400);
    });

    it('refuses forged, foreign and expired links', async () => {
      await start();
      const address = newAddress();
      const { confirm } = await optIn(address);
      const path = linkIn(confirm, 'confirm');
      const forged = path.replace(/token=([^&]*)/, (_, token: string) => `token=${encodeURIComponent(decodeURIComponent(token).slice(0, -2) + 'AA')}`);
      assert.equal((await api.app.inject({ method: 'POST', url: forged })).statusCode, 400);
      // An unsubscribe token is no confirmation.
      const asConfirm = linkIn(confirm, 'unsubscribe').replace('/unsubscribe?', '/confirm?');
      assert.equal((await api.app.inject({ method: 'POST', url: asConfirm })).statusCode, 400);
      const secret = (await backend.database.db.selectFrom('meta').select('value').where('name', '=', 'secret').executeTakeFirstOrThrow()).value;
      const expired = new AddressVault(secret).sign('confirm', new AddressVault(secret).hash(address), Date.now() - 1);
      assert.equal((await api.app.inject({ method: 'POST', url: `/api/notifications/confirm?token=${encodeURIComponent(expired)}` })).statusCode, 400);
    });

    it('limits confirmation mails per address and opt-ins per client, refusing before the comment is stored', async () => {
      await start();
      const limited = await makeApp(backend, {
        mail: mailConfig(smtp.port, {
          limits: { confirm: { max: 2, windowMs: 86_400_000 }, client: { max: 3, windowMs: 3_600_000 }, replies: { max: 20, windowMs: 3_600_000 } },
        }),
      });
      const address = newAddress();
      const thread = uniqueThread('mail-limits');
      for (let i = 0; i < 2; i++) assert.equal((await limited.post(thread, { notifyEmail: address }, { ip: nextIp() })).status, 201);
      const refused = await limited.post(thread, { body: 'third', notifyEmail: address }, { ip: nextIp() });
      assert.equal(refused.status, 422);
      assert.equal((refused.body as Json).error.code, 'notifications_unavailable');
      assert.equal((refused.body as Json).error.field, 'notifyEmail');
      assert.equal((await limited.list(thread)).body.total, 2, 'the refused comment was not stored');
      assert.equal((await smtp.mailsTo(address, 2)).length, 2);

      const ip = nextIp();
      for (let i = 0; i < 3; i++) assert.equal((await limited.post(thread, { notifyEmail: newAddress() }, { ip })).status, 201);
      assert.equal((await limited.post(thread, { notifyEmail: newAddress() }, { ip })).status, 422);
      assert.equal((await limited.post(thread, {}, { ip })).status, 201, 'comments without an opt-in still post');
    });

    it('skips reply mails past the per-address limit', async () => {
      await start();
      const limited = await makeApp(backend, {
        mail: mailConfig(smtp.port, { limits: { ...DEFAULT_NOTIFY_LIMITS, replies: { max: 1, windowMs: 3_600_000 } } }),
      });
      const address = newAddress();
      const thread = uniqueThread('mail-replies');
      const parent = await limited.post(thread, { notifyEmail: address }, { ip: nextIp() });
      const [confirm] = await smtp.mailsTo(address);
      await confirmByLink(confirm!);
      for (const body of ['First reply', 'Second reply']) await limited.post(thread, { body, parentId: parent.body.comment.id }, { ip: nextIp() });
      const [, mail] = await smtp.mailsTo(address, 2);
      assert.match(mail!.text!, /First reply/);
      await settle();
      assert.equal((await smtp.receivedBy(address)).length, 2);
    });

    it('refuses an address it cannot use, and an opt-in on a server without mail', async () => {
      await start();
      const bad = await api.post(uniqueThread(), { notifyEmail: 'not an address' }, { ip: nextIp() });
      assert.equal(bad.status, 422);
      assert.equal((bad.body as Json).error.field, 'notifyEmail');
      const header = await api.post(uniqueThread(), { notifyEmail: 'a@b.example\r\nBcc: x@y.example' }, { ip: nextIp() });
      assert.equal(header.status, 422);
      const off = await makeApp(backend);
      const unavailable = await off.post(uniqueThread(), { notifyEmail: newAddress() });
      assert.equal(unavailable.status, 422);
      assert.equal((unavailable.body as Json).error.code, 'notifications_unavailable');
    });

    it('never shows or stores the address in the clear: not in any response, nor in any table', async () => {
      await start();
      const address = newAddress();
      const { thread, comment } = await optIn(address);
      const seen = [
        await api.list(thread),
        await api.request({ method: 'GET', url: `/api/comments/${comment.id}` }),
        await api.request({ method: 'GET', url: `/api/comments/${comment.id}/replies` }),
        await api.admin('GET', `/comments?status=all&thread=${encodeURIComponent(thread)}`),
        await api.admin('GET', `/comments/${comment.id}`),
      ];
      for (const reply of seen) assert.ok(!JSON.stringify(reply.body).toLowerCase().includes(address.toLowerCase()), JSON.stringify(reply.body));
      const { db } = backend.database;
      for (const table of ['comments', 'mail_addresses', 'reply_subscriptions', 'mail_outbox', 'audit_log', 'idempotency_keys'] as const) {
        const rows = await db.selectFrom(table).selectAll().execute();
        assert.ok(!JSON.stringify(rows).toLowerCase().includes(address.toLowerCase().split('@')[0]!), `${table} holds the address`);
      }
    });

    it('keeps a mail while the SMTP server is down and sends it when it is back', async () => {
      const port = await freePort();
      const config = await freshDatabase(backend);
      const database = await openDatabase(config);
      const own = await makeAppOn(database, config, { mail: mailConfig(port) });
      const address = newAddress();
      const posted = await own.post(uniqueThread(), { notifyEmail: address });
      assert.equal(posted.body.notification, 'confirm_sent');
      for (let tries = 0; ; tries++) {
        const row = await database.db.selectFrom('mail_outbox').select(['attempts', 'last_error', 'sent_at']).executeTakeFirstOrThrow();
        if (Number(row.attempts) >= 2) {
          assert.equal(row.sent_at, null);
          assert.match(row.last_error!, /ECONNREFUSED|ESOCKET|ECONNECTION/);
          break;
        }
        assert.ok(tries < 200, 'the worker did not retry');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const late = await startSmtpSink(port);
      const [mail] = await late.mailsTo(address, 1, 15_000);
      assert.equal(mail!.subject, 'Confirm reply notifications');
      await own.app.close();
      await database.close();
    });
  });
}
