/** English: bundled with the element, and the fallback for every key. Apart from the catalog so translations can use its type without importing the catalog that loads them. */
/** English, always loaded and the fallback; other languages are fetched when a page uses them. */
export const en = {
  title: 'Comments',
  count: { one: '{count} comment', other: '{count} comments' },
  sort: 'Sort by',
  newest: 'Newest',
  oldest: 'Oldest',
  top: 'Top',
  name: 'Name',
  comment: 'Comment',
  /** Characters left under the limit. */
  left: { one: '{count} character left', other: '{count} characters left' },
  send: 'Post comment',
  reply: 'Reply',
  replyTo: 'Reply to {name}',
  replyingTo: 'replying to {name}',
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
  /** In place of the form on a thread that takes no new comments. */
  closed: 'Comments are closed.',
  /** The badge of a comment the editors picked. */
  featured: 'Featured',
  more: 'More comments',
  moreReplies: { one: '{count} more reply', other: '{count} more replies' },
  needName: 'Enter your name.',
  needBody: 'Write a comment.',
  tooLong: 'This is too long.',
  posted: 'Your comment was posted.',
  held: 'Your comment was received and awaits moderation.',
  queued: 'Your comment is not sent yet. It is saved here and will be sent when the connection is back.',
  /** The honeypot's label, for the rare person who meets it. */
  honeypot: 'Leave this field empty',
  // sso-client
  /** Under the locked name field of a signed-in reader. */
  signedInAs: 'Signed in as {name}',
  /** In place of the form on a thread that takes signed-in readers only. */
  signInNeeded: 'Sign in to comment.',
  signIn: 'Sign in',
  /** The accessible name of the mark beside a name the site has verified. */
  verified: 'Verified account',
  /** Staff badges beside an author's name. */
  staff: 'Staff',
  journalist: 'Journalist',
  moderator: 'Moderator',
  /** A moderator's buttons on a comment. */
  approve: 'Approve',
  reject: 'Reject',
  feature: 'Feature',
  unfeature: 'Unfeature',
  approved: 'Comment approved.',
  rejected: 'Comment rejected.',
  featuredNow: 'Comment featured.',
  unfeatured: 'Comment no longer featured.',
  /** A sign-in the server refused; the reader's text is kept in its form. */
  tokenInvalid: 'Your sign-in was not accepted. Sign in again; your comment is kept.',
  tokenExpired: 'Your sign-in has expired. Sign in again; your comment is kept.',
  tokenAudience: 'Your sign-in is for another site. Sign in again; your comment is kept.',
  signInRequired: 'Only signed-in readers can comment here. Sign in; your comment is kept.',
  // live
  /** The button over new top-level comments, also announced when they arrive. */
  newComments: { one: '{count} new comment', other: '{count} new comments' },
  /** Announced when replies arrive under comments on screen. */
  newReplies: { one: '{count} new reply', other: '{count} new replies' },
  /** The badge of a comment that arrived while the reader was here. */
  new: 'New',
  // mail
  /** The opt-in under the comment form (the `notifications` attribute). */
  notifyMe: 'Email me when someone replies',
  email: 'Email address',
  needEmail: 'Enter an email address to get replies.',
  checkInbox: 'Check your inbox to confirm.',
  subscribed: 'You will get an email when someone replies.',
} as const;

export type CommentsSource = typeof en;
