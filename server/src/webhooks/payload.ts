import { randomUUID } from 'node:crypto';
import type { AdminComment } from 'lede-protocol';
import type { WebhookEvent } from '../config/webhooks.js';
import type { CommentChange } from '../live/changes.js';

export type ModerationAction = Extract<CommentChange, { kind: 'moderated' }>['action'];

/** A comment as moderators see it, less the author key (a keyed hash of name and network). */
export type WebhookComment = Omit<AdminComment, 'authorKey'>;

/** The JSON body of every delivery to a Lede receiver (docs/webhooks.md). */
export interface WebhookPayload {
  /** The event's id: the same for every receiver of this event. */
  id: string;
  type: WebhookEvent;
  createdAt: string;
  data: { comment: WebhookComment; action?: ModerationAction };
}

/** Which event a change is, given the comment as it is now; null for changes webhooks do not report. */
export function eventOf(change: CommentChange, comment: AdminComment): WebhookEvent | null {
  if (change.kind === 'moderated') return 'comment.moderated';
  if (change.kind !== 'created') return null;
  if (comment.status === 'published') return 'comment.created';
  return comment.status === 'pending' ? 'comment.held' : null;
}

export function webhookPayload(type: WebhookEvent, comment: AdminComment, change: CommentChange): WebhookPayload {
  const { authorKey: _authorKey, ...shown } = comment;
  return {
    id: randomUUID(),
    type,
    createdAt: new Date().toISOString(),
    data: { comment: shown, ...(change.kind === 'moderated' ? { action: change.action } : {}) },
  };
}

const EXCERPT = 280;
// Slack reads &, < and > as markup (links, mentions): everything a reader wrote is escaped.
const escapeSlack = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const MODERATED: Record<ModerationAction, string> = {
  approve: 'approved',
  reject: 'rejected',
  feature: 'featured',
  unfeature: 'unfeatured',
  delete: 'deleted',
  undo: 'had a moderator’s action undone',
};

/** A Slack incoming webhook's body: one readable line, the text quoted, links to the page and the console. */
export function slackMessage(payload: WebhookPayload, publicUrl: string | null): { text: string } {
  const { comment, action } = payload.data;
  const who = `*${escapeSlack(comment.author.name)}*`;
  const where = comment.pageUrl ? ` on <${escapeSlack(comment.pageUrl)}|${escapeSlack(comment.threadId)}>` : ` on ${escapeSlack(comment.threadId)}`;
  const line =
    payload.type === 'comment.created'
      ? `New comment by ${who}${where}`
      : payload.type === 'comment.held'
        ? `Comment by ${who} held for moderation (${comment.heldReason ?? 'held'})${where}`
        : `Comment by ${who} ${MODERATED[action!]}${where}`;
  const body = comment.body.length > EXCERPT ? `${comment.body.slice(0, EXCERPT)}…` : comment.body;
  const quoted = escapeSlack(body)
    .split('\n')
    .map((text) => `> ${text}`)
    .join('\n');
  const console = publicUrl ? `\n<${publicUrl}/admin/|Open the moderation console>` : '';
  return { text: `${line}\n${quoted}${console}` };
}
