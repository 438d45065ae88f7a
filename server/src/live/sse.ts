import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';

/** Every stream's heartbeat: a comment line, so proxies and browsers see the connection is alive. */
export const HEARTBEAT_MS = 15_000;
export const HEARTBEAT = ': heartbeat\n\n';
/** How soon a browser's EventSource reconnects after the connection drops. */
export const RETRY = 'retry: 3000\n';

/**
 * Takes the reply over as a Server-Sent Events stream and answers its response. Hijacked replies
 * skip Fastify's sending: the headers set so far (CORS, nosniff) go out here.
 */
export function openEventStream(reply: FastifyReply): ServerResponse {
  reply.hijack();
  const stream = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) stream.setHeader(name, value);
  stream.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    // Neither a browser nor a CDN may keep or share a stream.
    'cache-control': 'no-store',
    // Proxies such as nginx would otherwise hold events back in their buffers.
    'x-accel-buffering': 'no',
  });
  return stream;
}

/** One event; `data` is JSON on one line. */
export const sseEvent = (name: string, data: unknown, id?: number | string): string =>
  `${id === undefined ? '' : `id: ${id}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
