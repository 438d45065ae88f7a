// The tables' shape, apart from their loader (messages.ts): a table fetched by `import()` imports
// only these types, never the module that imported it.

/**
 * A message about a number: gets the number as the locale writes it and its plural category.
 * Tables import nothing else, so each language loads as one small file.
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
