import type { FastifyInstance } from 'fastify';
import { ThreadParams, ThreadSettings, UpdateThread } from 'lede-protocol';
import type { AppContext } from '../context.js';

/**
 * Thread controls under /api/admin, registered in the admin routes' scope so their sign-in check
 * covers them: close and reopen a thread, hold its comments for review, take signed-in readers only.
 */
export function registerThreadRoutes(admin: FastifyInstance, { config, store }: AppContext): void {
  // LEDE_ANONYMOUS=deny holds for every thread, whatever its own setting.
  const withServerPolicy = (settings: ThreadSettings): ThreadSettings => (config.sso.anonymous === 'deny' ? { ...settings, anonymous: false } : settings);

  admin.get<{ Params: ThreadParams }>('/threads/:threadId', { schema: { params: ThreadParams, response: { 200: ThreadSettings } } }, async (request) =>
    withServerPolicy(await store.threadSettings(request.params.threadId, config.closeAfterMs, Date.now())),
  );

  admin.put<{ Params: ThreadParams; Body: UpdateThread }>(
    '/threads/:threadId',
    { schema: { params: ThreadParams, body: UpdateThread, response: { 200: ThreadSettings } } },
    async (request) =>
      withServerPolicy(await store.updateThread(request.params.threadId, request.body, config.closeAfterMs, { actor: request.moderator!, now: Date.now() })),
  );
}
