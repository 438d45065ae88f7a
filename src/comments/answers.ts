/**
 * What a comment backend answers, checked before the element relies on it: a broken or hostile
 * server (or adapter) yields a `LedeError` with code `invalid-data` naming the field, which the
 * element shows as a failure, never a TypeError thrown into the page. Pure: no DOM, safe in Node.
 */
import { COMMENT_STATUSES } from 'lede-protocol/limits.js';
import type { Comment } from '../model.js';
import { invalid, isObject } from '../shared/validate.js';
import type { CommentPage, CommentProvider, PostedComment, Reader, ThreadEvent } from './provider.js';

const statuses = new Set<unknown>(COMMENT_STATUSES);

function string(value: unknown, field: string): string {
  return typeof value === 'string' ? value : invalid(field, 'a string');
}

function number(value: unknown, field: string): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : invalid(field, 'a number');
}

/** A comment and all its nested replies; a deep chain is walked with a stack, not recursion. */
export function checkComment(value: unknown, field = 'comment'): Comment {
  const stack: [unknown, string][] = [[value, field]];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (!isObject(item)) invalid(path, 'an object');
    for (const key of ['id', 'threadId', 'body', 'createdAt'] as const) string(item[key], `${path}.${key}`);
    if (item.parentId !== null) string(item.parentId, `${path}.parentId`);
    if (item.editedAt !== null) string(item.editedAt, `${path}.editedAt`);
    if (!isObject(item.author)) invalid(`${path}.author`, 'an object');
    string(item.author.name, `${path}.author.name`);
    if (item.author.id !== undefined) string(item.author.id, `${path}.author.id`);
    if (item.author.verified !== undefined && item.author.verified !== true) invalid(`${path}.author.verified`, 'true or absent');
    if (!statuses.has(item.status)) invalid(`${path}.status`, 'published, pending or deleted');
    number(item.score, `${path}.score`);
    number(item.replyCount, `${path}.replyCount`);
    if (item.featured !== undefined && item.featured !== true) invalid(`${path}.featured`, 'true or absent');
    if (item.replies === undefined) continue;
    if (!Array.isArray(item.replies)) invalid(`${path}.replies`, 'an array');
    item.replies.forEach((reply, index) => stack.push([reply, `${path}.replies[${index}]`]));
  }
  return value as Comment;
}

export function checkPage(value: unknown): CommentPage {
  if (!isObject(value)) invalid('page', 'an object');
  if (!Array.isArray(value.comments)) invalid('comments', 'an array');
  value.comments.forEach((comment, index) => checkComment(comment, `comments[${index}]`));
  if (value.nextCursor !== null) string(value.nextCursor, 'nextCursor');
  number(value.total, 'total');
  if (value.closed !== undefined && typeof value.closed !== 'boolean') invalid('closed', 'a boolean');
  if (value.anonymous !== undefined && typeof value.anonymous !== 'boolean') invalid('anonymous', 'a boolean');
  if (value.lastEventId !== undefined) string(value.lastEventId, 'lastEventId');
  return value as unknown as CommentPage;
}

export function checkPosted(value: unknown): PostedComment {
  if (!isObject(value)) invalid('answer', 'an object');
  checkComment(value.comment);
  string(value.editToken, 'editToken');
  if (value.editableUntil !== undefined) string(value.editableUntil, 'editableUntil');
  return value as unknown as PostedComment;
}

/** The signed-in reader (or null), as `me` answers. */
export function checkReader(value: unknown): Reader | null {
  if (value === null) return null;
  if (!isObject(value)) invalid('reader', 'an object or null');
  string(value.id, 'reader.id');
  string(value.name, 'reader.name');
  if (typeof value.moderator !== 'boolean') invalid('reader.moderator', 'a boolean');
  number(value.editWindowSeconds, 'reader.editWindowSeconds');
  return value as unknown as Reader;
}

export const EVENT_TYPES = ['created', 'edited', 'featured', 'deleted', 'votes', 'reset'] as const;

/** A live thread's event (see `ThreadEvent`). */
export function checkEvent(value: unknown): ThreadEvent {
  if (!isObject(value) || !EVENT_TYPES.includes(value.type as ThreadEvent['type'])) invalid('event.type', EVENT_TYPES.join(', '));
  const { type, data } = value;
  if (!isObject(data)) invalid('event.data', 'an object');
  if (type === 'created' || type === 'edited' || type === 'featured') checkComment(data, 'event.data');
  if ((type === 'deleted' || type === 'votes') && typeof data.id !== 'string') invalid('event.data.id', 'a string');
  if (type === 'votes') number(data.score, 'event.data.score');
  return value as unknown as ThreadEvent;
}

/** `provider` with every answer the element reads checked first. */
export function checkedProvider(provider: CommentProvider): CommentProvider {
  const get = provider.get?.bind(provider);
  const me = provider.me?.bind(provider);
  const events = provider.events?.bind(provider);
  return {
    list: async (...args) => checkPage(await provider.list(...args)),
    replies: async (...args) => checkPage(await provider.replies(...args)),
    post: async (...args) => checkPosted(await provider.post(...args)),
    get:
      get &&
      (async (...args) => {
        const comment = await get(...args);
        return comment === null ? null : checkComment(comment);
      }),
    edit: async (...args) => checkComment(await provider.edit(...args)),
    delete: (...args) => provider.delete(...args),
    vote: async (...args) => {
      const answer: unknown = await provider.vote(...args);
      if (!isObject(answer)) invalid('answer', 'an object');
      return { score: number(answer.score, 'score'), vote: number(answer.vote, 'vote') };
    },
    report: (...args) => provider.report(...args),
    count: (...args) => provider.count(...args),
    me: me && (async (...args) => checkReader(await me(...args))),
    moderate: provider.moderate?.bind(provider),
    // A malformed event counts as the stream failing.
    events:
      events &&
      ((threadId, handlers, options) =>
        events(
          threadId,
          {
            event: (event) => {
              try {
                checkEvent(event);
              } catch {
                return handlers.error();
              }
              handlers.event(event);
            },
            error: () => handlers.error(),
          },
          options,
        )),
  };
}
