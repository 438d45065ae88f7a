import type { FastifyInstance } from 'fastify';
import { ThreadEventsQuery, ThreadParams } from 'lede-protocol';
import type { ThreadEvents } from './thread-events.js';

/** `GET /threads/:threadId/events`: the thread's live events (docs/live.md). */
export function registerThreadEvents(api: FastifyInstance, events: ThreadEvents): void {
  api.get<{ Params: ThreadParams; Querystring: ThreadEventsQuery }>(
    '/threads/:threadId/events',
    { schema: { params: ThreadParams, querystring: ThreadEventsQuery } },
    async (request, reply) => {
      const header = request.headers['last-event-id'];
      // A browser's EventSource resends the header when it reconnects; the query serves the first connection.
      await events.attach(reply, request.params.threadId, (Array.isArray(header) ? header[0] : header) ?? request.query.lastEventId);
    },
  );
}
