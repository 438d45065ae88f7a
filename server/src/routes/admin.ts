import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  AdminListQuery,
  Approve,
  AuditQuery,
  AuthorParams,
  Bulk,
  CommentParams,
  Reject,
  UndoParams,
  type ActionResult,
  type AdminConfig,
  type BulkResult,
} from 'lede-protocol';
import { adminGuard, registerSessionRoutes } from '../auth/routes.js';
import { Sessions } from '../auth/sessions.js';
import { ModeratorStore } from '../auth/store.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import type { StandingAction } from '../store/authors.js';
import type { Actor } from '../store/moderation.js';
import type { CommentChange } from '../live/changes.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is moderating: a moderator's name, or `token` for scripts using LEDE_ADMIN_TOKEN. Set on every admin request. */
    moderator?: string;
  }
}

/** Moderation routes under /api/admin, all behind the admin token or a moderator's session (auth/). */
export function registerAdminRoutes(admin: FastifyInstance, context: AppContext): void {
  const { config, moderation, events, changes, database, secret } = context;
  const moderators = new ModeratorStore(database.db);
  const auth = { config, moderators, sessions: new Sessions(moderators, config.auth, secret) };
  admin.addHook('onRequest', adminGuard(auth));
  registerSessionRoutes(admin, auth);

  const by = (request: FastifyRequest): Actor => ({ actor: request.moderator!, now: Date.now() });
  const checkReason = (reason: string | undefined): string | null => {
    if (reason === undefined) return null;
    if (!config.rejectReasons.includes(reason)) {
      throw new ApiError(422, 'invalid_field', `The reason must be one of the configured reasons: ${config.rejectReasons.join(', ')}.`, 'reason');
    }
    return reason;
  };
  type Moderated = Extract<CommentChange, { kind: 'moderated' }>['action'];
  /** Answers an action's result after reporting which comment it changed. */
  const announced = <T extends ActionResult>(action: Moderated, result: T): T => {
    if (result.comment) changes.emit({ kind: 'moderated', commentId: result.comment.id, action });
    return result;
  };

  admin.get('/config', async (request): Promise<AdminConfig> => ({ moderator: request.moderator!, rejectReasons: config.rejectReasons }));

  admin.get<{ Querystring: AdminListQuery }>('/comments', { schema: { querystring: AdminListQuery } }, async (request) => moderation.list(request.query));

  admin.get<{ Params: CommentParams }>('/comments/:id', { schema: { params: CommentParams } }, async (request) => moderation.context(request.params.id));

  admin.get<{ Params: AuthorParams }>('/authors/:key', { schema: { params: AuthorParams } }, async (request) => moderation.author(request.params.key));

  admin.get<{ Querystring: AuditQuery }>('/audit', { schema: { querystring: AuditQuery } }, async (request) => moderation.audit(request.query));

  admin.get('/events', async (_request, reply) => events.attach(reply));

  admin.post<{ Params: CommentParams; Body: Approve }>('/comments/:id/approve', { schema: { params: CommentParams, body: Approve } }, async (request) =>
    announced('approve', await moderation.approve(request.params.id, request.body.revision, by(request))),
  );

  admin.post<{ Params: CommentParams; Body: Reject }>(
    '/comments/:id/reject',
    {
      schema: { params: CommentParams, body: Reject },
      // The reason is optional, and so is a body at all.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => announced('reject', await moderation.reject(request.params.id, checkReason(request.body.reason), by(request))),
  );

  for (const [path, featured] of [
    ['feature', true],
    ['unfeature', false],
  ] as const) {
    admin.post<{ Params: CommentParams }>(`/comments/:id/${path}`, { schema: { params: CommentParams } }, async (request) =>
      announced(path, await moderation.feature(request.params.id, featured, by(request))),
    );
  }

  admin.delete<{ Params: CommentParams }>('/comments/:id', { schema: { params: CommentParams } }, async (request) =>
    announced('delete', await moderation.remove(request.params.id, by(request))),
  );

  for (const action of ['trust', 'untrust', 'ban', 'unban'] satisfies StandingAction[]) {
    admin.post<{ Params: AuthorParams }>(`/authors/:key/${action}`, { schema: { params: AuthorParams } }, async (request) =>
      moderation.standing(request.params.key, action, by(request)),
    );
  }

  admin.post<{ Params: UndoParams }>('/undo/:undoId', { schema: { params: UndoParams } }, async (request) => {
    const { comment, commentId } = await moderation.undo(request.params.undoId, by(request));
    if (commentId) changes.emit({ kind: 'moderated', commentId, action: 'undo' });
    return comment ? { comment } : {};
  });

  admin.post<{ Body: Bulk }>('/bulk', { schema: { body: Bulk } }, async (request): Promise<BulkResult> => {
    const { action, ids, revisions } = request.body;
    const reason = checkReason(request.body.reason);
    const results: BulkResult['results'] = [];
    // One transaction per comment: one that cannot be moderated (deleted, edited since) spoils none of the others.
    for (const id of new Set(ids)) {
      try {
        const actor = by(request);
        const done =
          action === 'approve'
            ? await moderation.approve(id, revisions?.[id], actor)
            : action === 'reject'
              ? await moderation.reject(id, reason, actor)
              : action === 'delete'
                ? await moderation.remove(id, actor)
                : await moderation.feature(id, action === 'feature', actor);
        results.push({ id, ok: true, undo: announced(action, done).undo });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        results.push({ id, ok: false, error: { code: error.code, message: error.message } });
      }
    }
    return { results };
  });
}
