import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  CommentPage,
  CommentParams,
  CommentResponse,
  CountsQuery,
  CreatedComment,
  EditComment,
  IdempotencyHeaders,
  LIMITS,
  NewComment,
  PageQuery,
  Report,
  ThreadParams,
  ThreadQuery,
  Vote,
  VoteResult,
} from 'lede-protocol';
import type { AppContext } from '../context.js';
import { clientKey } from '../client.js';
import type { RateLimitedAction } from '../config.js';
import { hmac, randomToken, sha256, tokenMatchesHash } from '../crypto.js';
import { ApiError, signInRequired } from '../errors.js';
import { pickLocale } from '../mail/messages.js';
import { admission, pageUrl } from '../posting.js';
import { contentHoldReason } from '../spam.js';
import { checkHealth } from '../store/database.js';
import { checkLength, cleanBody, cleanName, cleanText } from '../text.js';
import { isJwt } from '../sso/readers.js';
import { bearerToken, optionalBearerToken } from './bearer.js';

export function registerPublicRoutes(api: FastifyInstance, context: AppContext): void {
  const { config, store, secret, readers, threadEvents } = context;
  const limit = (action: RateLimitedAction) => {
    const rule = config.rateLimits[action];
    return rule ? { rateLimit: { max: rule.max, timeWindow: rule.windowMs, groupId: action } } : {};
  };
  // Keyed hashes stand in for IPs: one vote or report per address, without keeping addresses.
  const keyFor = (purpose: string, ...parts: string[]) => hmac(secret, [purpose, ...parts].join('\n'));
  const editTokenFor = (idempotencyKey: string, commentId: string) => keyFor('edit', idempotencyKey, commentId);
  /** One vote or report per signed-in reader wherever they are; per address for anyone else. */
  const voterKey = async (request: FastifyRequest, purpose: 'voter' | 'reporter') => {
    const reader = await readers.fromRequest(request);
    return reader ? keyFor(purpose, 'sso', reader.id) : keyFor(purpose, clientKey(request.ip));
  };

  api.get('/health', async (_request, reply) => {
    await checkHealth(context.database);
    return reply.send({ status: 'ok', database: context.database.kind });
  });

  api.get<{ Params: ThreadParams; Querystring: ThreadQuery }>(
    '/threads/:threadId/comments',
    { schema: { params: ThreadParams, querystring: ThreadQuery, response: { 200: CommentPage } } },
    async (request) => {
      const { sort, limit: size, cursor } = request.query;
      const threadId = checkThreadId(request.params.threadId);
      // A bad token on a read is ignored: the thread stays readable while the site's login renews it.
      const reader = await readers.fromRequest(request, { lenient: true });
      // Before the page is read: whatever changes after it, a stream from here brings.
      const lastEventId = threadEvents.position;
      const [page, closed, anonymous] = await Promise.all([
        store.listThread(threadId, sort, size, cursor, reader?.moderator),
        store.threadClosed(threadId, config.closeAfterMs, Date.now()),
        config.sso.anonymous === 'allow' && store.threadAnonymous(threadId),
      ]);
      return { ...page, closed, ...(anonymous ? {} : { anonymous: false as const }), lastEventId };
    },
  );

  api.post<{ Params: ThreadParams; Body: NewComment; Headers: IdempotencyHeaders }>(
    '/threads/:threadId/comments',
    {
      config: limit('posts'),
      schema: {
        params: ThreadParams,
        headers: IdempotencyHeaders,
        body: NewComment,
        response: { 201: CreatedComment, 202: CreatedComment },
      },
    },
    async (request, reply) => {
      const threadIdValue = checkThreadId(request.params.threadId);
      const reader = await readers.fromRequest(request);
      if (!reader && config.sso.anonymous === 'deny') throw signInRequired();
      // A signed-in reader's name is the site's; the form's is ignored.
      const name = reader ? reader.name : checkLength('author.name', cleanName(request.body.author.name), LIMITS.name);
      const body = checkLength('body', cleanBody(request.body.body), LIMITS.body);
      const parentId = request.body.parentId ?? null;
      const now = Date.now();
      // A signed-in reader is known by their id wherever they post from, whatever name the site shows.
      const authorKey = reader ? keyFor('author', 'sso', reader.id) : keyFor('author', name.toLowerCase(), clientKey(request.ip));

      const { heldReason, trusted } = await admission(context, request.body, name, body, authorKey, now);
      const page = pageUrl(request.body.pageUrl, config.allowedOrigins, request.headers.origin);
      const { notifyEmail } = request.body;
      const optIn =
        notifyEmail === undefined
          ? null
          : await context.notifications.prepare(notifyEmail, clientKey(request.ip), pickLocale(request.headers['accept-language']), now);

      const idempotencyKey = request.headers['idempotency-key'];
      const commentId = randomToken(12);
      // With a key the edit token can be derived again for a replay, so it is never stored.
      const editToken = idempotencyKey ? editTokenFor(idempotencyKey, commentId) : randomToken(32);
      const opened = checkOpened(request.body.opened);
      const closeAfterMs = config.closeAfterMs;
      const result = await store.create(
        {
          id: commentId,
          threadId: threadIdValue,
          parentId,
          name,
          body,
          authorKey,
          heldReason,
          trusted,
          editTokenHash: sha256(editToken),
          signedIn: reader ? { id: reader.id, role: reader.role ?? null } : null,
          pageUrl: page,
          now,
          opened,
          closeAfterMs,
        },
        idempotencyKey ? { keyHash: sha256(idempotencyKey), requestHash: sha256(JSON.stringify([threadIdValue, parentId, name, body])) } : null,
      );
      const notification = optIn && !result.replayed ? await optIn.subscribe(result.comment.id) : undefined;
      if (!result.replayed) context.changes.emit({ kind: 'created', commentId: result.comment.id });
      return reply.code(result.statusCode).send({
        ...(notification ? { notification } : {}),
        comment: result.comment,
        editToken: result.replayed ? editTokenFor(idempotencyKey!, result.comment.id) : editToken,
        // The window is the server's setting; clients show edit and delete until then.
        editableUntil: new Date(Date.parse(result.comment.createdAt) + config.editWindowMs).toISOString(),
      });
    },
  );

  api.get<{ Params: CommentParams }>('/comments/:id', { schema: { params: CommentParams, response: { 200: CommentResponse } } }, async (request) => {
    const token = optionalBearerToken(request);
    const reader = await readers.fromRequest(request, { lenient: true });
    const comment = await store.get(request.params.id, (row) =>
      reader ? reader.moderator || row.author_id === reader.id : token !== null && tokenMatchesHash(token, row.edit_token_hash),
    );
    return { comment };
  });

  api.get<{ Params: CommentParams; Querystring: PageQuery }>(
    '/comments/:id/replies',
    { schema: { params: CommentParams, querystring: PageQuery, response: { 200: CommentPage } } },
    async (request) => {
      const reader = await readers.fromRequest(request, { lenient: true });
      return store.listReplies(request.params.id, request.query.limit, request.query.cursor, reader?.moderator);
    },
  );

  /**
   * Checks who may change the comment (its edit token, or the signed-in reader who wrote it) and
   * the window; throws the error the author should see.
   */
  const authorizeAuthor = async (request: FastifyRequest, now: number) => {
    const token = bearerToken(request);
    const reader = isJwt(token) ? await readers.identify(token) : null;
    return (row: { edit_token_hash: string; created_at: number; status: string; author_id: string | null }) => {
      if (reader ? row.author_id !== reader.id : !tokenMatchesHash(token, row.edit_token_hash)) {
        throw new ApiError(403, 'forbidden', reader ? 'This comment was written by someone else.' : 'This edit token does not belong to this comment.');
      }
      if (row.status !== 'published' && row.status !== 'pending') {
        throw new ApiError(409, 'comment_deleted', 'This comment has been deleted.');
      }
      if (now - Number(row.created_at) > config.editWindowMs) {
        throw new ApiError(403, 'edit_window_closed', 'Comments can only be changed shortly after posting.');
      }
    };
  };

  api.patch<{ Params: CommentParams; Body: EditComment }>(
    '/comments/:id',
    { schema: { params: CommentParams, body: EditComment, response: { 200: CommentResponse } } },
    async (request) => {
      const now = Date.now();
      const body = checkLength('body', cleanBody(request.body.body), LIMITS.body);
      const authorize = await authorizeAuthor(request, now);
      const comment = await store.edit(
        request.params.id,
        (row) => {
          authorize(row);
          // A published comment stays published: an edit a moderator would have to see first is refused.
          if (row.status === 'published' && contentHoldReason(context.contentCheck, row.author_name, body)) {
            throw new ApiError(422, 'edit_needs_review', 'This change would need a moderator’s review; post it as a new comment instead.', 'body');
          }
        },
        body,
        now,
      );
      context.changes.emit({ kind: 'edited', commentId: comment.id });
      return { comment };
    },
  );

  api.delete<{ Params: CommentParams }>('/comments/:id', { schema: { params: CommentParams } }, async (request, reply) => {
    await store.remove(request.params.id, await authorizeAuthor(request, Date.now()));
    context.changes.emit({ kind: 'deleted', commentId: request.params.id });
    return reply.code(204).send();
  });

  api.post<{ Params: CommentParams; Body: Vote }>(
    '/comments/:id/votes',
    { config: limit('votes'), schema: { params: CommentParams, body: Vote, response: { 200: VoteResult } } },
    async (request) => {
      const result = await store.vote(request.params.id, await voterKey(request, 'voter'), request.body.value, Date.now());
      context.changes.emit({ kind: 'voted', commentId: request.params.id });
      return result;
    },
  );

  api.post<{ Params: CommentParams; Body: Report }>(
    '/comments/:id/reports',
    { config: limit('reports'), schema: { params: CommentParams, body: Report } },
    async (request, reply) => {
      const reason = checkLength('reason', cleanName(request.body.reason), LIMITS.reason);
      await store.report(request.params.id, await voterKey(request, 'reporter'), reason, Date.now());
      context.changes.emit({ kind: 'reported', commentId: request.params.id });
      return reply.code(202).send({ received: true });
    },
  );

  api.get<{ Querystring: CountsQuery }>('/counts', { schema: { querystring: CountsQuery } }, async (request) =>
    store.counts([...new Set(request.query.thread)]),
  );
}

/** The page's date for its thread, as milliseconds; a date no one can read is refused rather than ignored. */
function checkOpened(value: string | undefined): number | null {
  if (value === undefined) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new ApiError(422, 'invalid_field', 'opened must be an ISO 8601 date.', 'opened');
  return time;
}

/** Thread ids are the page's own identifiers; anything printable up to 200 characters. */
function checkThreadId(value: string): string {
  if (cleanText(value) !== value || /[\n\t]/.test(value)) {
    throw new ApiError(422, 'invalid_field', 'The thread id must not contain control characters.', 'threadId');
  }
  return value;
}
