/** What mails and the confirm/unsubscribe pages say, per language; `{name}` placeholders are filled as text. */
export interface MailMessages {
  dir: 'ltr' | 'rtl';
  confirmSubject: string;
  confirmIntro: string;
  confirmAction: string;
  confirmIgnore: string;
  replySubject: string;
  replyIntro: string;
  replyView: string;
  footer: string;
  unsubscribe: string;
  confirmTitle: string;
  confirmButton: string;
  confirmed: string;
  unsubscribeTitle: string;
  unsubscribeButton: string;
  unsubscribed: string;
  linkInvalid: string;
}

const en: MailMessages = {
  dir: 'ltr',
  confirmSubject: 'Confirm reply notifications',
  confirmIntro: 'You asked to be told by email when someone replies to your comment.',
  confirmAction: 'Confirm your address',
  confirmIgnore: 'If this was not you, ignore this message: nothing will be sent.',
  replySubject: '{name} replied to your comment',
  replyIntro: '{name} replied to your comment:',
  replyView: 'Read the conversation',
  footer: 'You get this mail because you asked to hear about replies.',
  unsubscribe: 'Stop these emails',
  confirmTitle: 'Confirm reply notifications?',
  confirmButton: 'Confirm',
  confirmed: 'Thank you: replies to your comments will be sent to you by email.',
  unsubscribeTitle: 'Stop reply notifications?',
  unsubscribeButton: 'Unsubscribe',
  unsubscribed: 'Done: no more reply notifications will be sent to this address.',
  linkInvalid: 'This link is not valid or has expired.',
};

const fr: MailMessages = {
  dir: 'ltr',
  confirmSubject: 'Confirmez les notifications de réponse',
  confirmIntro: 'Vous avez demandé à être prévenu par e-mail quand quelqu’un répond à votre commentaire.',
  confirmAction: 'Confirmer votre adresse',
  confirmIgnore: 'Si ce n’était pas vous, ignorez ce message : rien ne sera envoyé.',
  replySubject: '{name} a répondu à votre commentaire',
  replyIntro: '{name} a répondu à votre commentaire :',
  replyView: 'Lire la conversation',
  footer: 'Vous recevez ce message car vous avez demandé à être prévenu des réponses.',
  unsubscribe: 'Ne plus recevoir ces e-mails',
  confirmTitle: 'Confirmer les notifications de réponse ?',
  confirmButton: 'Confirmer',
  confirmed: 'Merci : les réponses à vos commentaires vous seront envoyées par e-mail.',
  unsubscribeTitle: 'Arrêter les notifications de réponse ?',
  unsubscribeButton: 'Se désabonner',
  unsubscribed: 'C’est fait : plus aucune notification ne sera envoyée à cette adresse.',
  linkInvalid: 'Ce lien n’est pas valide ou a expiré.',
};

const de: MailMessages = {
  dir: 'ltr',
  confirmSubject: 'Antwort-Benachrichtigungen bestätigen',
  confirmIntro: 'Sie möchten per E-Mail erfahren, wenn jemand auf Ihren Kommentar antwortet.',
  confirmAction: 'Adresse bestätigen',
  confirmIgnore: 'Falls Sie das nicht waren, ignorieren Sie diese Nachricht: Es wird nichts gesendet.',
  replySubject: '{name} hat auf Ihren Kommentar geantwortet',
  replyIntro: '{name} hat auf Ihren Kommentar geantwortet:',
  replyView: 'Unterhaltung lesen',
  footer: 'Sie erhalten diese E-Mail, weil Sie Antwort-Benachrichtigungen angefordert haben.',
  unsubscribe: 'Diese E-Mails abbestellen',
  confirmTitle: 'Antwort-Benachrichtigungen bestätigen?',
  confirmButton: 'Bestätigen',
  confirmed: 'Danke: Antworten auf Ihre Kommentare werden Ihnen per E-Mail gesendet.',
  unsubscribeTitle: 'Antwort-Benachrichtigungen beenden?',
  unsubscribeButton: 'Abbestellen',
  unsubscribed: 'Erledigt: An diese Adresse werden keine Benachrichtigungen mehr gesendet.',
  linkInvalid: 'Dieser Link ist ungültig oder abgelaufen.',
};

const es: MailMessages = {
  dir: 'ltr',
  confirmSubject: 'Confirma los avisos de respuesta',
  confirmIntro: 'Pediste que te avisáramos por correo cuando alguien responda a tu comentario.',
  confirmAction: 'Confirmar tu dirección',
  confirmIgnore: 'Si no fuiste tú, ignora este mensaje: no se enviará nada.',
  replySubject: '{name} respondió a tu comentario',
  replyIntro: '{name} respondió a tu comentario:',
  replyView: 'Leer la conversación',
  footer: 'Recibes este correo porque pediste avisos de respuestas.',
  unsubscribe: 'Dejar de recibir estos correos',
  confirmTitle: '¿Confirmar los avisos de respuesta?',
  confirmButton: 'Confirmar',
  confirmed: 'Gracias: te enviaremos por correo las respuestas a tus comentarios.',
  unsubscribeTitle: '¿Dejar de recibir avisos de respuesta?',
  unsubscribeButton: 'Darse de baja',
  unsubscribed: 'Listo: no se enviarán más avisos a esta dirección.',
  linkInvalid: 'Este enlace no es válido o ha caducado.',
};

const ar: MailMessages = {
  dir: 'rtl',
  confirmSubject: 'تأكيد إشعارات الردود',
  confirmIntro: 'طلبت أن نُعلمك بالبريد الإلكتروني عندما يرد أحد على تعليقك.',
  confirmAction: 'تأكيد عنوانك',
  confirmIgnore: 'إن لم تكن أنت من طلب ذلك، فتجاهل هذه الرسالة: لن يُرسل شيء.',
  replySubject: 'ردّ {name} على تعليقك',
  replyIntro: 'ردّ {name} على تعليقك:',
  replyView: 'اقرأ المحادثة',
  footer: 'تصلك هذه الرسالة لأنك طلبت إشعارك بالردود.',
  unsubscribe: 'إيقاف هذه الرسائل',
  confirmTitle: 'تأكيد إشعارات الردود؟',
  confirmButton: 'تأكيد',
  confirmed: 'شكرًا: ستصلك الردود على تعليقاتك بالبريد الإلكتروني.',
  unsubscribeTitle: 'إيقاف إشعارات الردود؟',
  unsubscribeButton: 'إلغاء الاشتراك',
  unsubscribed: 'تم: لن تُرسل إشعارات أخرى إلى هذا العنوان.',
  linkInvalid: 'هذا الرابط غير صالح أو انتهت صلاحيته.',
};

const CATALOGS: Record<string, MailMessages> = { en, fr, de, es, ar };
export const MAIL_LOCALES = Object.keys(CATALOGS);

export const mailMessages = (locale: string): MailMessages => CATALOGS[locale] ?? en;

/** The first supported language of an Accept-Language header (quality order), else English. */
export function pickLocale(header: string | undefined): string {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { language: tag.split('-')[0]!.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.find((entry) => MAIL_LOCALES.includes(entry.language))?.language ?? 'en';
}

export const fill = (template: string, values: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
