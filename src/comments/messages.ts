import type { MessageTable } from '../shared/messages.js';
import { formatNumber, pluralCategory } from '../shared/format.js';

export interface CommentsMessages {
  title: string;
  /** "12 comments", with the locale's plural forms. */
  count: (count: number, locale: string) => string;
  sort: string;
  newest: string;
  oldest: string;
  top: string;
  name: string;
  comment: string;
  /** Characters left under the limit. */
  left: (count: number, locale: string) => string;
  send: string;
  reply: string;
  replyTo: (name: string) => string;
  replyingTo: (name: string) => string;
  cancel: string;
  edit: string;
  save: string;
  delete: string;
  confirmDelete: string;
  report: string;
  reason: string;
  reported: string;
  upvote: string;
  downvote: string;
  edited: string;
  deleted: string;
  pending: string;
  notSent: string;
  sending: string;
  sendNow: string;
  loading: string;
  loadError: string;
  retry: string;
  empty: string;
  more: string;
  moreReplies: (count: number, locale: string) => string;
  needName: string;
  needBody: string;
  tooLong: string;
  posted: string;
  held: string;
  queued: string;
}

const n = formatNumber;

export const commentsMessages: MessageTable<CommentsMessages> = {
  en: {
    title: 'Comments',
    count: (count, locale) => `${n(count, locale)} comment${count === 1 ? '' : 's'}`,
    sort: 'Sort by',
    newest: 'Newest',
    oldest: 'Oldest',
    top: 'Top',
    name: 'Name',
    comment: 'Comment',
    left: (count, locale) => `${n(count, locale)} characters left`,
    send: 'Post comment',
    reply: 'Reply',
    replyTo: (name) => `Reply to ${name}`,
    replyingTo: (name) => `replying to ${name}`,
    cancel: 'Cancel',
    edit: 'Edit',
    save: 'Save',
    delete: 'Delete',
    confirmDelete: 'Delete this comment?',
    report: 'Report',
    reason: 'What is wrong with this comment?',
    reported: 'Reported. Thank you.',
    upvote: 'Vote up',
    downvote: 'Vote down',
    edited: 'edited',
    deleted: 'This comment was deleted.',
    pending: 'Awaiting moderation',
    notSent: 'Not sent yet',
    sending: 'Sending…',
    sendNow: 'Send now',
    loading: 'Loading comments…',
    loadError: 'Comments could not be loaded.',
    retry: 'Try again',
    empty: 'No comments yet.',
    more: 'More comments',
    moreReplies: (count, locale) => `${n(count, locale)} more repl${count === 1 ? 'y' : 'ies'}`,
    needName: 'Enter your name.',
    needBody: 'Write a comment.',
    tooLong: 'This is too long.',
    posted: 'Your comment was posted.',
    held: 'Your comment was received and awaits moderation.',
    queued: 'Your comment is not sent yet. It is saved here and will be sent when the connection is back.',
  },
  ar: {
    title: 'التعليقات',
    count: (count, locale) =>
      ({ zero: 'لا تعليقات', one: 'تعليق واحد', two: 'تعليقان', few: `${n(count, locale)} تعليقات` })[pluralCategory(count, locale) as string] ?? `${n(count, locale)} تعليقًا`,
    sort: 'الترتيب',
    newest: 'الأحدث',
    oldest: 'الأقدم',
    top: 'الأعلى تقييمًا',
    name: 'الاسم',
    comment: 'التعليق',
    left: (count, locale) => `متبقٍ ${n(count, locale)} حرفًا`,
    send: 'نشر التعليق',
    reply: 'رد',
    replyTo: (name) => `الرد على ${name}`,
    replyingTo: (name) => `ردًا على ${name}`,
    cancel: 'إلغاء',
    edit: 'تعديل',
    save: 'حفظ',
    delete: 'حذف',
    confirmDelete: 'أتريد حذف هذا التعليق؟',
    report: 'إبلاغ',
    reason: 'ما المشكلة في هذا التعليق؟',
    reported: 'تم الإبلاغ. شكرًا لك.',
    upvote: 'تصويت مؤيد',
    downvote: 'تصويت معارض',
    edited: 'معدَّل',
    deleted: 'حُذف هذا التعليق.',
    pending: 'بانتظار المراجعة',
    notSent: 'لم يُرسل بعد',
    sending: 'جارٍ الإرسال…',
    sendNow: 'أرسل الآن',
    loading: 'جارٍ تحميل التعليقات…',
    loadError: 'تعذّر تحميل التعليقات.',
    retry: 'أعد المحاولة',
    empty: 'لا تعليقات بعد.',
    more: 'مزيد من التعليقات',
    moreReplies: (count, locale) => `ردود أخرى (${n(count, locale)})`,
    needName: 'أدخل اسمك.',
    needBody: 'اكتب تعليقًا.',
    tooLong: 'النص أطول من المسموح.',
    posted: 'نُشر تعليقك.',
    held: 'وصل تعليقك وهو بانتظار المراجعة.',
    queued: 'لم يُرسل تعليقك بعد. إنه محفوظ هنا وسيُرسل عند عودة الاتصال.',
  },
  fr: {
    title: 'Commentaires',
    count: (count, locale) => `${n(count, locale)} commentaire${pluralCategory(count, locale) === 'one' ? '' : 's'}`,
    sort: 'Trier par',
    newest: 'Plus récents',
    oldest: 'Plus anciens',
    top: 'Mieux notés',
    name: 'Nom',
    comment: 'Commentaire',
    left: (count, locale) => `${n(count, locale)} caractères restants`,
    send: 'Publier',
    reply: 'Répondre',
    replyTo: (name) => `Répondre à ${name}`,
    replyingTo: (name) => `en réponse à ${name}`,
    cancel: 'Annuler',
    edit: 'Modifier',
    save: 'Enregistrer',
    delete: 'Supprimer',
    confirmDelete: 'Supprimer ce commentaire ?',
    report: 'Signaler',
    reason: 'Quel est le problème ?',
    reported: 'Signalé. Merci.',
    upvote: 'Voter pour',
    downvote: 'Voter contre',
    edited: 'modifié',
    deleted: 'Ce commentaire a été supprimé.',
    pending: 'En attente de modération',
    notSent: 'Pas encore envoyé',
    sending: 'Envoi…',
    sendNow: 'Envoyer maintenant',
    loading: 'Chargement des commentaires…',
    loadError: 'Impossible de charger les commentaires.',
    retry: 'Réessayer',
    empty: 'Aucun commentaire pour l’instant.',
    more: 'Plus de commentaires',
    moreReplies: (count, locale) => `${n(count, locale)} autre${count === 1 ? '' : 's'} réponse${count === 1 ? '' : 's'}`,
    needName: 'Indiquez votre nom.',
    needBody: 'Écrivez un commentaire.',
    tooLong: 'Ce texte est trop long.',
    posted: 'Votre commentaire est publié.',
    held: 'Votre commentaire a été reçu et attend la modération.',
    queued: 'Votre commentaire n’est pas encore envoyé. Il est gardé ici et partira au retour de la connexion.',
  },
};
