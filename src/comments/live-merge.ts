/**
 * A live thread's changes merged into the comments on screen without moving them: new top-level
 * comments wait apart (`waiting`) until the reader asks for them, new replies to comments on
 * screen go in place and are named in `fresh`, and edits, deletions, featuring and votes change
 * comments where they are. Pure: no DOM, safe in Node.
 */
import type { Comment } from '../model.js';
import type { CommentPage, ThreadEvent } from './provider.js';
import { findComment, insertComment, updateComment, walkThread } from './thread.js';

export interface LiveState {
  /** The comments on screen (the thread store's). */
  comments: Comment[];
  total: number;
  /** New top-level comments, newest first, not shown yet. */
  waiting: Comment[];
}

/** What a merge changed: the state, and new replies put on screen. */
export type Merged = { state: LiveState; fresh: string[] };

/** A comment as it is now, kept where it is with the replies already loaded under it. */
const refreshed = (now: Comment) => (old: Comment) => ({ ...now, replies: old.replies, replyCount: Math.max(old.replyCount, now.replyCount) });

/** Whether a comment changed in what it shows: a comment that did not keeps its identity, and its row is not rendered again. */
const differs = (old: Comment, now: Comment) =>
  (['body', 'editedAt', 'status', 'score', 'featured'] as const).some((key) => old[key] !== now[key]) ||
  JSON.stringify(old.author) !== JSON.stringify(now.author) ||
  now.replyCount > old.replyCount;

/** `reply` under its parent, which already counts it (it comes from the same page). */
const attach = (comments: Comment[], reply: Comment) =>
  updateComment(comments, reply.parentId!, (parent) => ({ ...parent, replies: [...(parent.replies ?? []), reply] }));

/** `comments` without comment `id`: a placeholder if it has replies, else gone, its parent counting one reply less. */
function without(comments: Comment[], target: Comment): Comment[] {
  if (target.replyCount > 0) return updateComment(comments, target.id, (old) => ({ ...old, author: { name: '' }, body: '', status: 'deleted' as const }));
  if (!target.parentId) return comments.filter((other) => other.id !== target.id);
  return updateComment(comments, target.parentId, (parent) => ({
    ...parent,
    replyCount: Math.max(0, parent.replyCount - 1),
    replies: parent.replies?.filter((reply) => reply.id !== target.id),
  }));
}

/** `state` with one event applied (a `reset` is the caller's: it catches up with `mergePage`). */
export function applyEvent({ comments, total, waiting }: LiveState, event: ThreadEvent): Merged {
  const fresh: string[] = [];
  const { type, data } = event;
  if (type === 'created' || type === 'edited' || type === 'featured') {
    const shown = findComment(comments, data.id);
    const held = findComment(waiting, data.id);
    if (shown) {
      // Already here: the reader's own comment (posted, or approved since), or seen on a page.
      if (type === 'created' && shown.status !== 'published' && data.status === 'published') total += 1;
      comments = updateComment(comments, data.id, refreshed(data));
    } else if (held) {
      waiting = updateComment(waiting, data.id, refreshed(data));
    } else if (type === 'created') {
      total += 1;
      if (!data.parentId) waiting = [data, ...waiting];
      else if (findComment(comments, data.parentId)) {
        comments = insertComment(comments, data, false);
        fresh.push(data.id);
      } else if (findComment(waiting, data.parentId)) waiting = insertComment(waiting, data, false);
    }
  } else if (type === 'deleted') {
    const shown = findComment(comments, data.id);
    const held = findComment(waiting, data.id);
    if (shown) comments = without(comments, shown);
    if (held) waiting = without(waiting, held);
    if ((shown ?? held)?.status === 'published') total -= 1;
  } else if (type === 'votes') {
    comments = updateComment(comments, data.id, (old) => ({ ...old, score: data.score }));
    waiting = updateComment(waiting, data.id, (old) => ({ ...old, score: data.score }));
  }
  return { state: { comments, total, waiting }, fresh };
}

/**
 * `state` caught up with a freshly read first page (a poll, a `reset`, a return to the tab):
 * comments on screen take their current text, badges and scores; replies to them not shown yet
 * go in place; top-level comments newer than any known wait. `keep` (a comment with an open
 * form) is left as it is. Removals show only as placeholders: a comment missing from the page
 * may just have moved to the next one.
 */
export function mergePage(state: LiveState, page: CommentPage, keep?: string): Merged {
  let { comments, waiting } = state;
  const fresh: string[] = [];
  const known = [...walkThread(comments), ...walkThread(waiting)];
  const newest = known.reduce((latest, comment) => (comment.createdAt > latest ? comment.createdAt : latest), '');
  for (const comment of walkThread(page.comments)) {
    // Its replies come next in the walk, each merged on its own.
    const { replies: _replies, ...now } = comment;
    const shown = findComment(comments, comment.id);
    if (shown) {
      if (comment.id !== keep && differs(shown, now)) comments = updateComment(comments, comment.id, refreshed(now));
    } else if (findComment(waiting, comment.id)) {
      waiting = updateComment(waiting, comment.id, refreshed(now));
    } else if (!comment.parentId) {
      if (comment.createdAt > newest) waiting = [now, ...waiting].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    } else if (findComment(comments, comment.parentId)) {
      comments = attach(comments, now);
      fresh.push(comment.id);
    } else if (findComment(waiting, comment.parentId)) {
      waiting = attach(waiting, now);
    }
  }
  return { state: { comments, total: page.total, waiting }, fresh };
}
