import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { clientKey } from '../client.js';
import type { RateLimitedAction } from '../config.js';
import { hmac, randomToken, sha256, tokenMatchesHash } from '../crypto.js';
import { ApiError } from '../errors.js';
import { contentHoldReason, formHoldReason } from '../spam.js';
import { checkHealth } from '../store/database.js';
import { checkLength, cleanBody, cleanName, cleanText, LIMITS } from '../text.js';
import type { SortOrder } from '../wire.js';
import { bearerToken, optionalBearerToken } from './bearer.js';
import { commentResponse, createdResponse, pageResponse } from './schemas.js';

const id = { type: 'string', minLength: 1, maxLength: 64 } as const;
const threadId = { type: 'string', minLength: 1, maxLength: LIMITS.threadId.max } as const;
const page = {
  limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  cursor: { type: 'string', maxLength: 512 },
} as const;

interface PostBody {
  author: { name: string };
  body: string;
  parentId?: string | null;
  website?: string;
  startedAt?: number;
}

export function registerPublicRoutes(api: FastifyInstance, context: AppContext): void {
  const { config, store, secret } = context;
  const limit = (action: RateLimitedAction) => {
    const rule = config.rateLimits[action];
    return rule ? { rateLimit: { max: rule.max, timeWindow: rule.windowMs, groupId: action } } : {};
  };
  // Keyed hashes stand in for IPs: one vote or report per address, without keeping addresses.
  const keyFor = (purpose: string, ...parts: string[]) => hmac(secret, [purpose, ...parts].join('\n'));
  const editTokenFor = (idempotencyKey: string, commentId: string) => keyFor('edit', idempotencyKey, commentId);

  api.get('/health', async (_request, reply) => {
    await checkHealth(context.database);
    return reply.send({ status: 'ok', database: context.database.kind });
  });

  api.get<{ Params: { threadId: string }; Querystring: { sort: SortOrder; limit: number; cursor?: string } }>(
    '/threads/:threadId/comments',
    {
      schema: {
        params: { type: 'object', properties: { threadId }, required: ['threadId'] },
        querystring: {
          type: 'object',
          properties: { sort: { type: 'string', enum: ['newest', 'oldest', 'top'], default: 'newest' }, ...page },
        },
        response: pageResponse,
      },
    },
    async (request) => {
      const { sort, limit: size, cursor } = request.query;
      return store.listThread(checkThreadId(request.params.threadId), sort, size, cursor);
    },
  );

  api.post<{ Params: { threadId: string }; Body: PostBody; Headers: { 'idempotency-key'?: string } }>(
    '/threads/:threadId/comments',
    {
      config: limit('posts'),
      schema: {
        params: { type: 'object', properties: { threadId }, required: ['threadId'] },
        headers: {
          type: 'object',
          properties: { 'idempotency-key': { type: 'string', pattern: '^[\\x21-\\x7e]{8,200}$' } },
        },
        body: {
          type: 'object',
          required: ['author', 'body'],
          properties: {
            author: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
            body: { type: 'string' },
            parentId: { anyOf: [id, { type: 'null' }] },
            website: { type: 'string', maxLength: 500 },
            startedAt: { type: 'integer', minimum: 0 },
          },
        },
        response: createdResponse,
      },
    },
    async (request, reply) => {
      const threadIdValue = checkThreadId(request.params.threadId);
      const name = checkLength('author.name', cleanName(request.body.author.name), LIMITS.name);
      const body = checkLength('body', cleanBody(request.body.body), LIMITS.body);
      const parentId = request.body.parentId ?? null;
      const now = Date.now();
      const authorKey = keyFor('author', name.toLowerCase(), clientKey(request.ip));

      let heldReason = formHoldReason(request.body, config.minSubmitMs, now) ?? contentHoldReason(context.contentCheck, name, body);
      if (!heldReason && config.moderation === 'first-time' && !(await store.isApprovedAuthor(authorKey))) {
        heldReason = 'first-time';
      }

      const idempotencyKey = request.headers['idempotency-key'];
      const commentId = randomToken(12);
      // With a key the edit token can be derived again for a replay, so it is never stored.
      const editToken = idempotencyKey ? editTokenFor(idempotencyKey, commentId) : randomToken(32);
      const result = await store.create(
        { id: commentId, threadId: threadIdValue, parentId, name, body, authorKey, heldReason, editTokenHash: sha256(editToken), now },
        idempotencyKey
          ? { keyHash: sha256(idempotencyKey), requestHash: sha256(JSON.stringify([threadIdValue, parentId, name, body])) }
          : null,
      );
      return reply.code(result.statusCode).send({
        comment: result.comment,
        editToken: result.replayed ? editTokenFor(idempotencyKey!, result.comment.id) : editToken,
        // The window is the server's setting; clients show edit and delete until then.
        editableUntil: new Date(Date.parse(result.comment.createdAt) + config.editWindowMs).toISOString(),
      });
    },
  );

  api.get<{ Params: { id: string } }>(
    '/comments/:id',
    { schema: { params: { type: 'object', properties: { id }, required: ['id'] }, response: commentResponse } },
    async (request) => {
      const token = optionalBearerToken(request);
      const comment = await store.get(request.params.id, (row) => token !== null && tokenMatchesHash(token, row.edit_token_hash));
      return { comment };
    },
  );

  api.get<{ Params: { id: string }; Querystring: { limit: number; cursor?: string } }>(
    '/comments/:id/replies',
    {
      schema: {
        params: { type: 'object', properties: { id }, required: ['id'] },
        querystring: { type: 'object', properties: page },
        response: pageResponse,
      },
    },
    async (request) => store.listReplies(request.params.id, request.query.limit, request.query.cursor),
  );

  /** Checks the edit token and window; throws the error the author should see. */
  const authorizeAuthor = (request: FastifyRequest, now: number) => {
    const token = bearerToken(request);
    return (row: { edit_token_hash: string; created_at: number; status: string }) => {
      if (!tokenMatchesHash(token, row.edit_token_hash)) {
        throw new ApiError(403, 'forbidden', 'This edit token does not belong to this comment.');
      }
      if (row.status !== 'published' && row.status !== 'pending') {
        throw new ApiError(409, 'comment_deleted', 'This comment has been deleted.');
      }
      if (now - Number(row.created_at) > config.editWindowMs) {
        throw new ApiError(403, 'edit_window_closed', 'Comments can only be changed shortly after posting.');
      }
    };
  };

  api.patch<{ Params: { id: string }; Body: { body: string } }>(
    '/comments/:id',
    {
      schema: {
        params: { type: 'object', properties: { id }, required: ['id'] },
        body: { type: 'object', required: ['body'], properties: { body: { type: 'string' } } },
        response: commentResponse,
      },
    },
    async (request) => {
      const now = Date.now();
      const body = checkLength('body', cleanBody(request.body.body), LIMITS.body);
      const authorize = authorizeAuthor(request, now);
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
      return { comment };
    },
  );

  api.delete<{ Params: { id: string } }>(
    '/comments/:id',
    { schema: { params: { type: 'object', properties: { id }, required: ['id'] } } },
    async (request, reply) => {
      await store.remove(request.params.id, authorizeAuthor(request, Date.now()));
      return reply.code(204).send();
    },
  );

  api.post<{ Params: { id: string }; Body: { value: -1 | 0 | 1 } }>(
    '/comments/:id/votes',
    {
      config: limit('votes'),
      schema: {
        params: { type: 'object', properties: { id }, required: ['id'] },
        body: { type: 'object', required: ['value'], properties: { value: { type: 'integer', enum: [1, -1, 0] } } },
      },
    },
    async (request) => store.vote(request.params.id, keyFor('voter', clientKey(request.ip)), request.body.value, Date.now()),
  );

  api.post<{ Params: { id: string }; Body: { reason: string } }>(
    '/comments/:id/reports',
    {
      config: limit('reports'),
      schema: {
        params: { type: 'object', properties: { id }, required: ['id'] },
        body: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } },
      },
    },
    async (request, reply) => {
      const reason = checkLength('reason', cleanName(request.body.reason), LIMITS.reason);
      await store.report(request.params.id, keyFor('reporter', clientKey(request.ip)), reason, Date.now());
      return reply.code(202).send({ received: true });
    },
  );

  api.get<{ Querystring: { thread: string[] } }>(
    '/counts',
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['thread'],
          properties: { thread: { type: 'array', items: threadId, minItems: 1, maxItems: 100 } },
        },
      },
    },
    async (request) => store.counts([...new Set(request.query.thread)]),
  );
}

/** Thread ids are the page's own identifiers; anything printable up to 200 characters. */
function checkThreadId(value: string): string {
  if (cleanText(value) !== value || /[\n\t]/.test(value)) {
    throw new ApiError(422, 'invalid_field', 'The thread id must not contain control characters.', 'threadId');
  }
  return value;
}
