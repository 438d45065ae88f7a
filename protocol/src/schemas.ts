/**
 * The comment protocol's JSON shapes, each written once as a JSON schema (TypeBox) with its
 * TypeScript type derived from it: the server validates requests and serialises responses
 * with the schemas, clients use the types. Response schemas are also an allowlist: a property
 * not named here never leaves the server.
 * @module
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { COMMENT_STATUSES, IDEMPOTENCY_KEY_PATTERN, LIMITS, SORT_ORDERS, STAFF_ROLES } from './limits.js';

/** A string from a list, as `enum` (one keyword, where a union of literals would be `anyOf`). */
export const StringEnum = <const T extends readonly string[]>(values: T, options: { default?: T[number] } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

/** `type: [type, 'null']`, which serialises faster than `anyOf` and reads the same. */
const Nullable = <T extends TSchema & { type: string }>(schema: T) => Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] });

/** Moderation state of a comment as readers may see it. */
export const CommentStatus = StringEnum(COMMENT_STATUSES);
export type CommentStatus = Static<typeof CommentStatus>;

/** Staff roles a site's sign-in token may give; each shows a badge. */
export const StaffRole = StringEnum(STAFF_ROLES);
export type StaffRole = Static<typeof StaffRole>;

/**
 * The public face of a commenter. Emails and addresses never leave the server. `id` and
 * `verified` only on comments written with the site's sign-in token (docs/sso.md); `role` is the
 * token's highest staff role.
 */
export const CommentAuthor = Type.Object({
  name: Type.String(),
  id: Type.Optional(Type.String()),
  verified: Type.Optional(Type.Literal(true)),
  role: Type.Optional(StaffRole),
});
export type CommentAuthor = Static<typeof CommentAuthor>;

/**
 * A comment as readers see it. `body` is the text as written, never HTML; `replies` are the
 * first replies, nested (fetch the rest when `replyCount` is larger). Registered with the
 * server under its `$id`, which the other schemas reference.
 */
export const Comment = Type.Recursive(
  (This) =>
    Type.Object({
      id: Type.String(),
      threadId: Type.String(),
      parentId: Nullable(Type.String()),
      author: CommentAuthor,
      body: Type.String(),
      createdAt: Type.String(),
      editedAt: Nullable(Type.String()),
      status: CommentStatus,
      score: Type.Integer(),
      replyCount: Type.Integer(),
      /** Set (only ever `true`) when a moderator featured the comment: pinned first, with a badge. */
      featured: Type.Optional(Type.Literal(true)),
      replies: Type.Optional(Type.Array(This)),
    }),
  { $id: 'comment' },
);
export type Comment = Static<typeof Comment>;

/** Where a response holds a comment: a reference to the registered schema. */
const CommentRef = Type.Unsafe<Comment>(Type.Ref('comment'));

/** Comment orders a thread lists in. */
export const SortOrder = StringEnum(SORT_ORDERS);
export type SortOrder = Static<typeof SortOrder>;

/**
 * One page of comments, with the cursor of the next (null on the last) and the total count. A
 * thread's pages say whether it is `closed` to new comments and replies (votes and reading go on),
 * and `anonymous: false` when only signed-in readers may post to it.
 */
export const CommentPage = Type.Object({
  comments: Type.Array(CommentRef),
  nextCursor: Nullable(Type.String()),
  total: Type.Integer(),
  closed: Type.Optional(Type.Boolean()),
  anonymous: Type.Optional(Type.Literal(false)),
  /**
   * The thread's live events stood here when the page was read: a stream opened with it as
   * `lastEventId` (docs/live.md) brings everything that changed after the page, and nothing is missed.
   */
  lastEventId: Type.Optional(Type.String({ maxLength: 20 })),
});
export type CommentPage = Static<typeof CommentPage>;

/** `GET` and `PATCH /comments/:id`. */
export const CommentResponse = Type.Object({ comment: CommentRef });
export type CommentResponse = Static<typeof CommentResponse>;

/** `POST /threads/:threadId/comments`: the stored comment, its edit token and until when it works. */
export const CreatedComment = Type.Object({
  comment: CommentRef,
  editToken: Type.String(),
  editableUntil: Type.String(),
  /** With `notifyEmail`: a confirmation mail went out, or the address was confirmed before. */
  notification: Type.Optional(StringEnum(['confirm_sent', 'subscribed'] as const)),
});
export type CreatedComment = Static<typeof CreatedComment>;

/** A comment id in a path or a body. */
export const CommentId = Type.String({ minLength: LIMITS.id.min, maxLength: LIMITS.id.max });
/** A thread id: the page's own identifier. */
export const ThreadId = Type.String({ minLength: LIMITS.threadId.min, maxLength: LIMITS.threadId.max });

export const CommentParams = Type.Object({ id: CommentId });
export type CommentParams = Static<typeof CommentParams>;
export const ThreadParams = Type.Object({ threadId: ThreadId });
export type ThreadParams = Static<typeof ThreadParams>;

const pageQuery = {
  limit: Type.Integer({ minimum: LIMITS.pageSize.min, maximum: LIMITS.pageSize.max, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: LIMITS.cursor.max })),
};
/** `GET /comments/:id/replies`. */
export const PageQuery = Type.Object(pageQuery);
export type PageQuery = Static<typeof PageQuery>;
/** `GET /threads/:threadId/comments`. */
export const ThreadQuery = Type.Object({ sort: StringEnum(SORT_ORDERS, { default: 'newest' }), ...pageQuery });
export type ThreadQuery = Static<typeof ThreadQuery>;

/** `GET /counts?thread=…&thread=…`. */
export const CountsQuery = Type.Object({
  thread: Type.Array(ThreadId, { minItems: LIMITS.countThreads.min, maxItems: LIMITS.countThreads.max }),
});
export type CountsQuery = Static<typeof CountsQuery>;

/** The post's optional `Idempotency-Key` header (Node lower-cases header names). */
export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ pattern: IDEMPOTENCY_KEY_PATTERN })) });
export type IdempotencyHeaders = Static<typeof IdempotencyHeaders>;

/**
 * What a new comment's form sends. Name and body are checked after normalisation (their limits
 * count characters as stored), so the schema only types them. `website` and `startedAt` are the
 * honeypot and timing fields.
 */
export const NewComment = Type.Object({
  author: Type.Object({ name: Type.String() }),
  body: Type.String(),
  parentId: Type.Optional(Type.Union([CommentId, Type.Null()])),
  website: Type.Optional(Type.String({ maxLength: LIMITS.website.max })),
  /** When the form was shown, in milliseconds since the epoch. */
  startedAt: Type.Optional(Type.Integer({ minimum: 0 })),
  /** The page the form is on, so moderators can open the article; kept only from an allowed origin. */
  pageUrl: Type.Optional(Type.String({ maxLength: LIMITS.pageUrl.max })),
  /** When the page says its thread opened (ISO 8601): the first post's starts the LEDE_CLOSE_AFTER clock. */
  opened: Type.Optional(Type.String({ maxLength: 40 })),
  /** "Email me when someone replies": the address, confirmed by mail before any reply mail. */
  notifyEmail: Type.Optional(Type.String({ maxLength: 254 })),
});
export type NewComment = Static<typeof NewComment>;

/** `PATCH /comments/:id`. */
export const EditComment = Type.Object({ body: Type.String() });
export type EditComment = Static<typeof EditComment>;

/** `POST /comments/:id/votes`: +1, -1, or 0 to withdraw a vote. */
export const Vote = Type.Object({ value: Type.Unsafe<-1 | 0 | 1>({ type: 'integer', enum: [1, -1, 0] }) });
export type Vote = Static<typeof Vote>;

/** The answer to a vote: the new score and this voter's vote. */
export const VoteResult = Type.Object({ score: Type.Integer(), vote: Type.Integer() });
export type VoteResult = Static<typeof VoteResult>;

/** `POST /comments/:id/reports`. */
export const Report = Type.Object({ reason: Type.String() });
export type Report = Static<typeof Report>;

/** Every error: `message` for people, `code` for programs, `field` naming the offending input. */
export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
});
export type ErrorBody = Static<typeof ErrorBody>;
