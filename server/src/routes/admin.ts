import type { FastifyInstance } from 'fastify';
import { AdminListQuery, Approve, CommentParams } from 'lede-protocol';
import type { AppContext } from '../context.js';
import { secretsMatch } from '../crypto.js';
import { ApiError } from '../errors.js';
import { bearerToken } from './bearer.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is moderating: a moderator's name, or `token` for scripts using LEDE_ADMIN_TOKEN. Set on every admin request. */
    moderator?: string;
  }
}

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
    request.moderator = 'token';
  });

  admin.get<{ Querystring: AdminListQuery }>('/comments', { schema: { querystring: AdminListQuery } }, async (request) => {
    const { status, thread, limit, cursor } = request.query;
    return store.adminList(status, thread, limit, cursor);
  });

  admin.post<{ Params: CommentParams; Body: Approve }>('/comments/:id/approve', { schema: { params: CommentParams, body: Approve } }, async (request) => ({
    comment: await store.approve(request.params.id, request.body.revision, Date.now()),
  }));

  admin.post<{ Params: CommentParams }>('/comments/:id/reject', { schema: { params: CommentParams } }, async (request) => ({
    comment: await store.reject(request.params.id),
  }));

  admin.delete<{ Params: CommentParams }>('/comments/:id', { schema: { params: CommentParams } }, async (request, reply) => {
    await store.adminRemove(request.params.id);
    return reply.code(204).send();
  });
}
