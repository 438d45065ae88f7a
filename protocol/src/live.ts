/**
 * Live threads (`GET /api/threads/:threadId/events`, Server-Sent Events; docs/live.md): what
 * each event's `data` holds. Every event carries `id: <seq>`, an integer as a string that
 * increases per server database; a client resumes after it with `Last-Event-ID`.
 * @module
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Comment } from './schemas.js';

/** The comment events' data: a reference to the `Comment` schema (`$id: comment`), as in every response schema. */
const CommentRef = Type.Unsafe<Comment>(Type.Ref('comment'));

/** The event names a thread's stream sends. */
export const THREAD_EVENT_NAMES = ['created', 'edited', 'featured', 'deleted', 'votes', 'reset'] as const;
export type ThreadEventName = (typeof THREAD_EVENT_NAMES)[number];

/** `deleted`: the comment was deleted or rejected; readers drop it (or show its placeholder). */
export const DeletedEventData = Type.Object({ id: Type.String() });
export type DeletedEventData = Static<typeof DeletedEventData>;

/** `votes`: the comment's new score. */
export const VotesEventData = Type.Object({ id: Type.String(), score: Type.Integer() });
export type VotesEventData = Static<typeof VotesEventData>;

/** `reset`: the `Last-Event-ID` sent is older than the server keeps (or unknown to it): reload the thread. */
export const ResetEventData = Type.Object({});
export type ResetEventData = Static<typeof ResetEventData>;

const event = <N extends ThreadEventName, D extends Parameters<typeof Type.Object>[0][string]>(name: N, data: D) =>
  Type.Object({ event: Type.Literal(name), id: Type.String({ pattern: '^[0-9]+$' }), data });

/**
 * One event as a client receives it (validate with `Comment` added to the validator): `created` (a newly published comment, including one a
 * moderator approved; never with nested `replies`), `edited`, `featured` (set or cleared: see
 * `featured`), `deleted`, `votes` and `reset`.
 */
export const ThreadEvent = Type.Union([
  event('created', CommentRef),
  event('edited', CommentRef),
  event('featured', CommentRef),
  event('deleted', DeletedEventData),
  event('votes', VotesEventData),
  event('reset', ResetEventData),
]);
export type ThreadEvent = Static<typeof ThreadEvent>;

/** `?lastEventId=`: for clients that cannot send the `Last-Event-ID` header. */
export const ThreadEventsQuery = Type.Object({ lastEventId: Type.Optional(Type.String({ maxLength: 20 })) });
export type ThreadEventsQuery = Static<typeof ThreadEventsQuery>;
