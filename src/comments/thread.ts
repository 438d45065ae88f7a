/**
 * The thread as data: flattening the nested comment tree into rows with a capped indent, and
 * changing it immutably, so comments that did not change keep their identity (the element skips
 * re-rendering them). Pure: no DOM, safe in Node.
 */
import type { Comment } from '../model.js';

/** One line of the rendered thread: a comment, or the "more replies" button under a parent. */
export type ThreadRow = { comment: Comment; depth: number; replyingTo?: string } | { more: Comment; depth: number; count: number };

/** How deep replies indent; deeper ones line up at this depth and say whom they answer. */
export const MAX_DEPTH = 3;

type Pending = { comment: Comment; depth: number; parent?: Comment } | { more: Comment; depth: number };

/**
 * The rows of a thread in reading order. A comment nested deeper than `maxDepth` sits at
 * `maxDepth` with `replyingTo` naming its parent's author. A comment whose `replyCount` is
 * larger than the replies it carries is followed, after those replies, by a `more` row.
 */
export function flattenThread(comments: readonly Comment[], maxDepth = MAX_DEPTH): ThreadRow[] {
  const rows: ThreadRow[] = [];
  // An explicit stack: a long chain of replies must not exhaust the call stack.
  const stack: Pending[] = comments.map((comment) => ({ comment, depth: 0 })).reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    const depth = Math.min(item.depth, maxDepth);
    if ('more' in item) {
      const count = item.more.replyCount - (item.more.replies?.length ?? 0);
      rows.push({ more: item.more, depth, count });
      continue;
    }
    const { comment, parent } = item;
    const replyingTo = item.depth > maxDepth && parent ? parent.author.name : undefined;
    rows.push(replyingTo === undefined ? { comment, depth } : { comment, depth, replyingTo });
    const replies = comment.replies ?? [];
    if (comment.replyCount > replies.length) stack.push({ more: comment, depth: item.depth + 1 });
    for (let index = replies.length - 1; index >= 0; index -= 1) stack.push({ comment: replies[index]!, depth: item.depth + 1, parent: comment });
  }
  return rows;
}

/**
 * What a row shows depends on its comment object alone: its depth and "replying to" follow from
 * its place in the tree, which changes only with its parent. Unchanged keys, unchanged rows.
 */
export const rowKey = (row: ThreadRow): Comment => ('comment' in row ? row.comment : row.more);

/** Splits rows into fixed-size chunks: the unit of progressive rendering. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

/**
 * The tree with the comment `id` replaced by `change(comment)`; only the comments on its path are
 * new objects. Unchanged when `id` is not found.
 */
export function updateComment(comments: readonly Comment[], id: string, change: (comment: Comment) => Comment): Comment[] {
  let found = false;
  const visit = (list: readonly Comment[]): Comment[] =>
    list.map((comment) => {
      if (found) return comment;
      if (comment.id === id) {
        found = true;
        return change(comment);
      }
      if (!comment.replies) return comment;
      const replies = visit(comment.replies);
      return replies.some((reply, index) => reply !== comment.replies![index]) ? { ...comment, replies } : comment;
    });
  return visit(comments);
}

/** `existing` followed by the comments of `incoming` it does not hold yet (matched by id). */
export function appendUnique(existing: readonly Comment[], incoming: readonly Comment[]): Comment[] {
  const ids = new Set(existing.map((comment) => comment.id));
  return [...existing, ...incoming.filter((comment) => !ids.has(comment.id))];
}

/** Adds a reply under its parent (counted in `replyCount`; once, if it is there already), or a top-level comment at the start or end. */
export function insertComment(comments: readonly Comment[], comment: Comment, atEnd: boolean): Comment[] {
  if (!comment.parentId) return atEnd ? appendUnique(comments, [comment]) : [comment, ...comments.filter((other) => other.id !== comment.id)];
  return updateComment(comments, comment.parentId, (parent) =>
    parent.replies?.some((reply) => reply.id === comment.id)
      ? parent
      : {
          ...parent,
          replyCount: parent.replyCount + 1,
          replies: appendUnique(parent.replies ?? [], [comment]),
        },
  );
}

/** Every comment of a tree, depth first, in order. */
export function* walkThread(comments: readonly Comment[]): Generator<Comment> {
  for (const comment of comments) {
    yield comment;
    if (comment.replies) yield* walkThread(comment.replies);
  }
}

/** Finds a comment anywhere in the tree. */
export function findComment(comments: readonly Comment[], id: string): Comment | undefined {
  const stack = [...comments];
  while (stack.length > 0) {
    const comment = stack.pop()!;
    if (comment.id === id) return comment;
    if (comment.replies) stack.push(...comment.replies);
  }
  return undefined;
}
