import { escapeUTF8 } from 'entities';
import { fill, mailMessages, type MailMessages } from './messages.js';

/** A mail's three parts; readers' names and text are escaped into the HTML part, never trusted. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeUTF8(paragraph).replaceAll('\n', '<br>')}</p>`)
    .join('');

function layout(m: MailMessages, locale: string, body: string, unsubscribeUrl: string): string {
  return `<!doctype html><html lang="${locale}" dir="${m.dir}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.5">${body}<hr><p style="color:#555;font-size:small">${escapeUTF8(m.footer)} <a href="${escapeUTF8(unsubscribeUrl)}">${escapeUTF8(m.unsubscribe)}</a></p></body></html>`;
}

const footer = (m: MailMessages, unsubscribeUrl: string) => `\n\n-- \n${m.footer}\n${m.unsubscribe}: ${unsubscribeUrl}\n`;

export function confirmMail(locale: string, confirmUrl: string, unsubscribeUrl: string): RenderedMail {
  const m = mailMessages(locale);
  return {
    subject: m.confirmSubject,
    text: `${m.confirmIntro}\n\n${m.confirmAction}: ${confirmUrl}\n\n${m.confirmIgnore}${footer(m, unsubscribeUrl)}`,
    html: layout(
      m,
      locale,
      `<p>${escapeUTF8(m.confirmIntro)}</p><p><a href="${escapeUTF8(confirmUrl)}">${escapeUTF8(m.confirmAction)}</a></p><p>${escapeUTF8(m.confirmIgnore)}</p>`,
      unsubscribeUrl,
    ),
  };
}

export interface ReplyDetails {
  name: string;
  body: string;
  /** The article, when the comment came from an allowed page. */
  pageUrl: string | null;
}

export function replyMail(locale: string, reply: ReplyDetails, unsubscribeUrl: string): RenderedMail {
  const m = mailMessages(locale);
  // A name is one line already (text.ts); the subject must stay one.
  const name = reply.name.replace(/\s+/g, ' ');
  const link = reply.pageUrl ? `\n\n${m.replyView}: ${reply.pageUrl}` : '';
  const htmlLink = reply.pageUrl ? `<p><a href="${escapeUTF8(reply.pageUrl)}">${escapeUTF8(m.replyView)}</a></p>` : '';
  return {
    subject: fill(m.replySubject, { name }),
    text: `${fill(m.replyIntro, { name })}\n\n${reply.body}${link}${footer(m, unsubscribeUrl)}`,
    html: layout(m, locale, `<p>${escapeUTF8(fill(m.replyIntro, { name }))}</p><blockquote>${paragraphs(reply.body)}</blockquote>${htmlLink}`, unsubscribeUrl),
  };
}

/**
 * The page a link in a mail opens: it only asks, and the button POSTs, because mail scanners
 * fetch every link they see and must not confirm or unsubscribe anyone by doing so.
 */
export function actionPage(locale: string, title: string, button: string | null, message?: string): string {
  const m = mailMessages(locale);
  const form = button ? `<form method="post"><button type="submit">${escapeUTF8(button)}</button></form>` : '';
  return `<!doctype html><html lang="${locale}" dir="${m.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeUTF8(title)}</title></head><body style="font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem"><main><h1>${escapeUTF8(title)}</h1>${message ? `<p role="status">${escapeUTF8(message)}</p>` : ''}${form}</main></body></html>`;
}
