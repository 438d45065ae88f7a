/**
 * A message about a number: gets the number as the locale writes it and its plural category.
 * Tables import nothing, so each language loads as one small file.
 */
export type Counted = (count: string, plural: Intl.LDMLPluralRule) => string;

export interface CommentsMessages {
  title: string;
  /** "12 comments", with the locale's plural forms. */
  count: Counted;
  sort: string;
  newest: string;
  oldest: string;
  top: string;
  name: string;
  comment: string;
  /** Characters left under the limit. */
  left: Counted;
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
  moreReplies: Counted;
  needName: string;
  needBody: string;
  tooLong: string;
  posted: string;
  held: string;
  queued: string;
  /** The honeypot's label, for the rare person who meets it. */
  honeypot: string;
}

/**
 * English, always loaded and the fallback. Other languages are fetched with `import()` when a
 * page uses them, so a page carries only its own language's strings.
 */
export const en: CommentsMessages = {
  title: 'Comments',
  count: (count, plural) => `${count} comment${plural === 'one' ? '' : 's'}`,
  sort: 'Sort by',
  newest: 'Newest',
  oldest: 'Oldest',
  top: 'Top',
  name: 'Name',
  comment: 'Comment',
  left: (count) => `${count} characters left`,
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
  moreReplies: (count, plural) => `${count} more repl${plural === 'one' ? 'y' : 'ies'}`,
  needName: 'Enter your name.',
  needBody: 'Write a comment.',
  tooLong: 'This is too long.',
  posted: 'Your comment was posted.',
  held: 'Your comment was received and awaits moderation.',
  queued: 'Your comment is not sent yet. It is saved here and will be sent when the connection is back.',
  honeypot: 'Leave this field empty',
};

/** The other languages, by primary language subtag. */
export const otherLanguages: Record<string, () => Promise<{ default: Partial<CommentsMessages> }>> = {
  ar: () => import('./messages-ar.js'),
  fr: () => import('./messages-fr.js'),
};
