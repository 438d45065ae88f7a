import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CommentParams, Reader, ReaderModeration, ReaderModerationResult } from 'lede-protocol';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import type { Identity } from './readers.js';

/**
 * What readers signed in with the site's login do besides writing comments: ask who they are
 * (`GET /me`), and, with the `moderator` role, moderate from the reader's element.
 */
export function registerReaderRoutes(api: FastifyInstance, context: AppContext): void {
  const { config, readers, moderation, store } = context;

  /** The request's reader; 401 without a sign-in token. */
  const signedIn = async (request: FastifyRequest): Promise<Identity> => {
    const reader = await readers.fromRequest(request);
    if (!reader) throw new ApiError(401, 'unauthorized', 'Send the site’s sign-in token as Authorization: Bearer <token>.');
    return reader;
  };

  api.get('/me', { schema: { response: { 200: Reader } } }, async (request): Promise<Reader> => {
    const { id, name, picture, role, moderator } = await signedIn(request);
    return { id, name, ...(picture ? { picture } : {}), ...(role ? { role } : {}), moderator, editWindowSeconds: Math.floor(config.editWindowMs / 1000) };
  });

  api.post<{ Params: CommentParams; Body: ReaderModeration }>(
    '/comments/:id/moderate',
    { schema: { params: CommentParams, body: ReaderModeration, response: { 200: ReaderModerationResult } } },
    async (request): Promise<ReaderModerationResult> => {
      const reader = await signedIn(request);
      if (!reader.moderator) throw new ApiError(403, 'forbidden', 'Only moderators may moderate comments; your sign-in has no moderator role.');
      const { id } = request.params;
      const { action } = request.body;
      // The audit names the site's reader apart from the server's own moderator accounts.
      const by = { actor: `sso:${reader.name}`, now: Date.now() };
      if (action === 'approve') await moderation.approve(id, undefined, by);
      else if (action === 'reject') await moderation.reject(id, null, by);
      else await moderation.feature(id, action === 'feature', by);
      context.changes.emit({ kind: 'moderated', commentId: id, action });
      // A rejected comment without replies is gone; with replies it stays as a placeholder.
      const comment = await store
        .get(id, () => true)
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.statusCode === 404) return undefined;
          throw error;
        });
      return comment ? { comment } : {};
    },
  );
}
