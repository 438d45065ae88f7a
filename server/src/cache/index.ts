import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CommentPage, CommentResponse } from 'lede-protocol';
import type { AppContext } from '../context.js';
import { noneMatch, weakTag } from './conditional.js';
import { commentSeed, countsSeed, threadSeed, type Seed } from './validators.js';

type Validator = (request: FastifyRequest) => Promise<Seed>;

/**
 * The same data from another release or wire format must not match an old tag: the server's
 * version and the readers' schemas go into every tag.
 */
const REPRESENTATION = createHash('sha256')
  .update(serverVersion())
  .update(JSON.stringify([CommentPage, CommentResponse]))
  .digest('base64url');

/** From package.json; where a bundle moved it out of reach, a value of this process's own: tags then never outlive it. */
function serverVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return randomUUID();
  }
}

/**
 * Validators and Cache-Control for the public reads (docs/caching.md). A read without
 * Authorization gets a weak ETag and `public` caching, and If-None-Match answers 304 after one
 * indexed query, before the handler reads the page. Any request with Authorization may be
 * answered with what only its bearer sees (a pending comment, a moderator's queue): `private,
 * no-store`. Both vary on Authorization, so no shared cache answers the one with the other.
 * Everything else under /api, and every error, is `no-store`.
 */
export function registerCaching(app: FastifyInstance, { config, database }: AppContext): void {
  const { maxAge, sharedMaxAge, staleWhileRevalidate } = config.cache;
  const publicControl = `public, max-age=${maxAge}, s-maxage=${sharedMaxAge}, stale-while-revalidate=${staleWhileRevalidate}`;
  const db = database.db;
  const validators: Record<string, Validator> = {
    '/api/threads/:threadId/comments': (request) => threadSeed(db, (request.params as { threadId: string }).threadId, config.closeAfterMs, Date.now()),
    '/api/comments/:id/replies': (request) => commentSeed(db, (request.params as { id: string }).id),
    '/api/comments/:id': (request) => commentSeed(db, (request.params as { id: string }).id),
    '/api/counts': (request) => countsSeed(db, [...new Set((request.query as { thread: string[] }).thread)]),
  };

  // After validation: params and query are checked and have their defaults.
  app.addHook('preHandler', async (request, reply) => {
    const validator = validators[request.routeOptions.url ?? ''];
    if (!validator || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    varyOnAuthorization(reply);
    if (request.headers.authorization !== undefined) {
      reply.header('cache-control', 'private, no-store');
      return;
    }
    const seed = await validator(request);
    if (seed === null) return;
    // The server-wide sign-in policy shows in pages (`anonymous: false`) and may change with a restart.
    const etag = weakTag(tagOf(request, [...seed, config.sso.anonymous]));
    reply.header('etag', etag).header('cache-control', publicControl);
    if (noneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode >= 400 || (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))) {
      reply.header('cache-control', 'no-store').removeHeader('etag');
    }
    return payload;
  });
}

/** Every input of the answer: route, parameters, query (sort, cursor, limit, …) and the seed. */
function tagOf(request: FastifyRequest, seed: unknown[]): string {
  const query = Object.entries(request.query as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256')
    .update(JSON.stringify([REPRESENTATION, request.routeOptions.url, request.params, query, seed]))
    .digest('base64url')
    .slice(0, 27);
}

/** Appends to what CORS may have set (`Origin`). */
function varyOnAuthorization(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, Authorization` : 'Authorization');
}
