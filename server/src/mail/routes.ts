import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ReplyNotifications } from './notifications.js';
import { mailMessages, MAIL_LOCALES } from './messages.js';
import { actionPage } from './render.js';

interface LinkQuery {
  token: string;
  lang?: string;
}
const LinkQuery = {
  type: 'object',
  properties: { token: { type: 'string', maxLength: 300 }, lang: { type: 'string', maxLength: 10 } },
  required: ['token'],
} as const;

/**
 * The pages behind the links in mails. GET only asks (scanners prefetch links); POST acts.
 * POST /unsubscribe is also RFC 8058's one-click target: mail providers POST
 * `List-Unsubscribe=One-Click` to the List-Unsubscribe URL, whose token says which address.
 */
export function registerNotificationRoutes(api: FastifyInstance, notifications: ReplyNotifications): void {
  // RFC 8058 posts a form; the token in the URL is all that counts, so the body is read and ignored.
  api.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data'], { parseAs: 'string' }, (_request, _body, done) => done(null, {}));

  const page = (reply: FastifyReply, status: number, html: string) =>
    reply
      .code(status)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
      .header('Cache-Control', 'no-store')
      .header('Referrer-Policy', 'no-referrer')
      .send(html);
  const localeOf = (query: LinkQuery) => (query.lang && MAIL_LOCALES.includes(query.lang) ? query.lang : 'en');

  for (const purpose of ['confirm', 'unsubscribe'] as const) {
    const schema = { querystring: LinkQuery };
    api.get<{ Querystring: LinkQuery }>(`/notifications/${purpose}`, { schema }, async (request, reply) => {
      const locale = localeOf(request.query);
      const m = mailMessages(locale);
      if (notifications.vault.verify(request.query.token, purpose, Date.now()) === null) return page(reply, 400, actionPage(locale, m.linkInvalid, null));
      return purpose === 'confirm'
        ? page(reply, 200, actionPage(locale, m.confirmTitle, m.confirmButton))
        : page(reply, 200, actionPage(locale, m.unsubscribeTitle, m.unsubscribeButton));
    });
    api.post<{ Querystring: LinkQuery }>(`/notifications/${purpose}`, { schema }, async (request, reply) => {
      const locale = localeOf(request.query);
      const m = mailMessages(locale);
      const addressHash = notifications.vault.verify(request.query.token, purpose, Date.now());
      if (addressHash === null) return page(reply, 400, actionPage(locale, m.linkInvalid, null));
      if (purpose === 'unsubscribe') {
        await notifications.unsubscribe(addressHash);
        return page(reply, 200, actionPage(locale, m.unsubscribeTitle, null, m.unsubscribed));
      }
      // An address unsubscribed since the mail was sent stays unsubscribed.
      if (!(await notifications.confirm(addressHash, Date.now()))) return page(reply, 400, actionPage(locale, m.linkInvalid, null));
      return page(reply, 200, actionPage(locale, m.confirmTitle, null, m.confirmed));
    });
  }
}
