import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { secretsMatch } from '../crypto.js';
import { ApiError } from '../errors.js';
import type { AdminFilter } from '../store/comments.js';
import { bearerToken } from './bearer.js';

const params = { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['id'] } as const;

/** Moderation routes under /api/admin, all behind the admin token. */
export function registerAdminRoutes(admin: FastifyInstance, { config, store }: AppContext): void {
  admin.addHook('onRequest', async (request, reply) => {
    if (!config.adminToken) {
      throw new ApiError(403, 'admin_disabled', 'Moderation is disabled: set LEDE_ADMIN_TOKEN on the server.');
    }
    reply.header('Cache-Control', 'no-store');
    if (!secretsMatch(bearerToken(request), config.adminToken)) {
      throw new ApiError(401, 'unauthorized', 'The admin token is not valid.');
    }
  });

  admin.get<{ Querystring: { status: AdminFilter; thread?: string; limit: number; cursor?: string } }>(
    '/comments',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['pending', 'published', 'reported', 'all'], default: 'pending' },
            thread: { type: 'string', minLength: 1, maxLength: 200 },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
            cursor: { type: 'string', maxLength: 512 },
          },
        },
      },
    },
    async (request) => {
      const { status, thread, limit, cursor } = request.query;
      return store.adminList(status, thread, limit, cursor);
    },
  );

  admin.post<{ Params: { id: string }; Body: { revision: string } }>(
    '/comments/:id/approve',
    {
      schema: {
        params,
        body: { type: 'object', required: ['revision'], properties: { revision: { type: 'string', minLength: 1, maxLength: 128 } } },
      },
    },
    async (request) => ({ comment: await store.approve(request.params.id, request.body.revision, Date.now()) }),
  );

  admin.post<{ Params: { id: string } }>('/comments/:id/reject', { schema: { params } }, async (request) => ({
    comment: await store.reject(request.params.id),
  }));

  admin.delete<{ Params: { id: string } }>('/comments/:id', { schema: { params } }, async (request, reply) => {
    await store.adminRemove(request.params.id);
    return reply.code(204).send();
  });
}
