import type { CommentsMessages } from './messages-types.js';

export type { CommentsMessages, Counted } from './messages-types.js';

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
