import type { FastifyInstance } from 'fastify';
import { AdminListQuery, Approve, CommentParams } from 'lede-protocol';
import { adminGuard, registerSessionRoutes } from '../auth/routes.js';
import { Sessions } from '../auth/sessions.js';
import { ModeratorStore } from '../auth/store.js';
import type { AppContext } from '../context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is moderating: a moderator's name, or `token` for scripts using LEDE_ADMIN_TOKEN. Set on every admin request. */
    moderator?: string;
  }
}

/** Moderation routes under /api/admin, all behind the admin token or a moderator's session (auth/). */
export function registerAdminRoutes(admin: FastifyInstance, { config, store, database, secret }: AppContext): void {
  const moderators = new ModeratorStore(database.db);
  const auth = { config, moderators, sessions: new Sessions(moderators, config.auth, secret) };
  admin.addHook('onRequest', adminGuard(auth));
  registerSessionRoutes(admin, auth);

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
