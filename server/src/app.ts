import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { Ajv } from 'ajv';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { ApiError } from './errors.js';
import { loggerOptions, RequestLogController, type LogTarget } from './logger.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerPublicRoutes } from './routes/public.js';
import { commentSchema } from './routes/schemas.js';
import { bannedWordMatcher, type ContentCheck } from './spam.js';
import { CommentStore } from './store/comments.js';
import type { OpenDatabase } from './store/database.js';
import { databaseRateLimitStore } from './store/rate-limit-store.js';
import type { ErrorBody } from './wire.js';

/** What route handlers share. */
export interface AppContext {
  config: Config;
  store: CommentStore;
  database: OpenDatabase;
  /** Key for the hashes that identify voters, reporters and authors without storing IPs. */
  secret: string;
  contentCheck: ContentCheck;
}

export const REQUEST_BODY_LIMIT = 16 * 1024;
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;
const PURGE_INTERVAL_MS = 10 * 60_000;

/**
 * Builds the API on an open database. The caller owns the database; closing the app does
 * not close it. Tests use `app.inject`, the CLI calls `listen`. Logs go to stdout unless
 * `options.logTo` says otherwise.
 */
export async function buildApp(
  config: Config,
  database: OpenDatabase,
  options: { logTo?: LogTarget } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: await loggerOptions(config, options.logTo),
    logController: new RequestLogController(),
    bodyLimit: REQUEST_BODY_LIMIT,
    // Fastify reads a number as a hop count; its types only lack it.
    trustProxy: config.trustProxy as boolean | string | string[],
  });
  app.addSchema(commentSchema);
  // Query strings and paths are text, so their numbers are coerced; JSON bodies must carry
  // the right types as sent.
  const coercing = new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: true });
  const strict = new Ajv({ coerceTypes: false, useDefaults: true, removeAdditional: true });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
  const store = new CommentStore(database.db, database.kind);
  const context: AppContext = {
    config,
    store,
    database,
    secret: config.secret ?? (await store.secret()),
    contentCheck: { moderation: config.moderation, hasBannedWords: bannedWordMatcher(config.bannedWords) },
  };

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const { status, body } = errorResponse(error);
    if (status >= 500) request.log.error(error);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: 'No such route.' } } satisfies ErrorBody),
  );

  // Responses are JSON only: no browser may sniff one into HTML.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
  });
  registerOriginCheck(app, config.allowedOrigins);
  if (config.allowedOrigins.length > 0) {
    await app.register(cors, {
      origin: (origin, callback) => callback(null, originAllowed(config.allowedOrigins, origin)),
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key'],
      exposedHeaders: ['Retry-After'],
      maxAge: 600,
    });
  }
  await app.register(rateLimit, {
    global: false,
    // Postgres deployments run several processes: they must count in one place.
    ...(database.kind === 'postgres' ? { store: databaseRateLimitStore(database.db) } : {}),
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'rate_limited', `Too many requests; please try again in ${context.after}.`),
  });

  await app.register(
    async (api) => {
      registerPublicRoutes(api, context);
      await api.register(async (admin) => registerAdminRoutes(admin, context), { prefix: '/admin' });
    },
    { prefix: '/api' },
  );

  const purge = setInterval(() => {
    store.purgeExpired(Date.now(), IDEMPOTENCY_TTL_MS).catch((error: unknown) => app.log.warn({ err: error }, 'purge failed'));
  }, PURGE_INTERVAL_MS);
  purge.unref();
  app.addHook('onClose', async () => clearInterval(purge));
  return app;
}

function errorResponse(error: FastifyError | ApiError): { status: number; body: ErrorBody } {
  const fail = (status: number, code: string, message: string, field?: string) => ({
    status,
    body: { error: { code, message, ...(field ? { field } : {}) } },
  });
  if (error instanceof ApiError) return fail(error.statusCode, error.code, error.message, error.field);
  if (error.validation) {
    const [first] = error.validation;
    const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
    const path = [first?.instancePath.replace(/^\//, '').replaceAll('/', '.'), missing].filter(Boolean).join('.');
    return fail(400, 'invalid_request', `${error.validationContext ?? 'request'}${path ? `.${path}` : ''} ${first?.message ?? 'is invalid'}.`, path || undefined);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return fail(413, 'payload_too_large', `The request body must be at most ${REQUEST_BODY_LIMIT} bytes.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return fail(415, 'unsupported_media_type', 'Send JSON with Content-Type: application/json.');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return fail(error.statusCode, 'invalid_request', error.message);
  }
  return fail(500, 'internal', 'Something went wrong on the server; please try again.');
}

function originAllowed(allowed: string[], origin: string | undefined): boolean {
  return origin !== undefined && (allowed.includes('*') || allowed.includes(origin));
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Refused origins are logged once each; past this many the oldest is forgotten. */
const LOGGED_ORIGINS_MAX = 500;

/**
 * Browsers name the page's origin on cross-origin requests and on every write. Requests from
 * pages on other sites are refused, reads and preflights too (the browser would not let the
 * page read the answer anyway), so that the refusal is a clear 403 and not a CORS failure;
 * writes are refused even when they get past CORS (simple requests are sent without a
 * preflight). The first refusal of each origin is logged with the setting that allows it.
 * Requests without an Origin header (curl, servers) are not from a browser page and pass.
 * The scheme is not compared: behind a TLS-terminating proxy the server sees plain HTTP.
 */
function registerOriginCheck(app: FastifyInstance, allowed: string[]): void {
  const logged = new Set<string>();
  app.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    if (origin === undefined || hostOf(origin) === request.host || originAllowed(allowed, origin)) return;
    if (!logged.has(origin)) {
      if (logged.size >= LOGGED_ORIGINS_MAX) logged.delete(logged.values().next().value!);
      logged.add(origin);
      request.log.warn({ origin }, `origin ${origin} refused: ${allowingSetting(allowed, origin)}`);
    }
    throw new ApiError(403, 'origin_not_allowed', `Requests from ${origin} are not allowed; add it to LEDE_ALLOWED_ORIGINS.`);
  });
}

function allowingSetting(allowed: string[], origin: string): string {
  // Opaque origins ("null" from sandboxed frames and file: pages, extension schemes) cannot be listed.
  if (hostOf(origin) === null || new URL(origin).origin !== origin) return 'only LEDE_ALLOWED_ORIGINS=* would allow it';
  return `set LEDE_ALLOWED_ORIGINS=${[...allowed, origin].join(',')} to allow it`;
}
