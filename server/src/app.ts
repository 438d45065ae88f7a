import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { Ajv } from 'ajv';
import { isIP } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { Comment, LIMITS, type ErrorBody, type ErrorCode } from 'lede-protocol';
import { registerCaching } from './cache/index.js';
import { clientKey } from './client.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { answerUnreadableRequest, ApiError, DatabaseUnavailable } from './errors.js';
import { loggerOptions, RequestLogController, type LogTarget } from './logger.js';
import { registerAdminRoutes } from './routes/admin.js';
import { CONSOLE_DIR, registerConsole } from './routes/console.js';
import { registerPublicRoutes } from './routes/public.js';
import { CommentChanges } from './live/changes.js';
import { QueueEvents } from './live/events.js';
import { ReplyNotifications } from './mail/notifications.js';
import { registerNotificationRoutes } from './mail/routes.js';
import { queueBus } from './live/bus.js';
import { ThreadEvents } from './live/thread-events.js';
import { registerThreadEvents } from './live/thread-route.js';
import { registerThreadRoutes } from './routes/threads.js';
import { Readers } from './sso/readers.js';
import { registerReaderRoutes } from './sso/routes.js';
import { bannedWordMatcher } from './spam.js';
import { CommentStore } from './store/comments.js';
import { isUnavailable, type OpenDatabase } from './store/database.js';
import { ModerationStore } from './store/moderation-store.js';
import { databaseRateLimitStore } from './store/rate-limit-store.js';
import { webhooks } from './webhooks/webhooks.js';

export const REQUEST_BODY_LIMIT = 16 * 1024;
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;
const PURGE_INTERVAL_MS = 10 * 60_000;

/**
 * Builds the API on an open database. The caller owns the database; closing the app does
 * not close it. Tests use `app.inject`, the CLI calls `listen`. Logs go to stdout unless
 * `options.logTo` says otherwise; the moderation console is read from `options.consoleDir`
 * (by default the one `npm run build` copies into dist/console).
 */
export async function buildApp(config: Config, database: OpenDatabase, options: { logTo?: LogTarget; consoleDir?: string } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: await loggerOptions(config, options.logTo),
    logController: new RequestLogController(),
    bodyLimit: REQUEST_BODY_LIMIT,
    // Fastify trusts nothing when given a bare hop count (it cannot tell a proxy from a client
    // that connects directly); an operator who sets one vouches for that, so it is applied here.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    // Clients that send slowly, or not at all, must not hold sockets: the server has only so many.
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    // Node checks the header and request deadlines at this interval (30 s by default).
    http: { headersTimeout: config.headersTimeoutMs, connectionsCheckingInterval: Math.min(1000, config.headersTimeoutMs / 2) },
    // Thread ids have up to 200 characters, at most two UTF-16 units each once decoded (what the
    // router measures); the route schemas check the exact limit.
    routerOptions: { maxParamLength: 2 * LIMITS.threadId.max },
    // Errors raised before routing (a malformed or over-long path) skip the hooks and the error handler.
    frameworkErrors: (error, _request, reply) => {
      const { status, body } = errorResponse(error);
      // The reply is typed for any route's generics; this one has none.
      return (reply as FastifyReply).code(status).header('X-Content-Type-Options', 'nosniff').header('Cache-Control', 'no-store').send(body);
    },
    clientErrorHandler: answerUnreadableRequest,
  });
  app.server.maxConnections = config.maxConnections;
  let lastDropWarning = 0;
  app.server.on('drop', () => {
    if (Date.now() - lastDropWarning < 60_000) return;
    lastDropWarning = Date.now();
    app.log.warn(`Refusing connections: ${config.maxConnections} are open (LEDE_MAX_CONNECTIONS).`);
  });
  app.addSchema(Comment);
  // Query strings and paths are text, so their numbers are coerced; JSON bodies must carry
  // the right types as sent.
  const coercing = new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: true });
  const strict = new Ajv({ coerceTypes: false, useDefaults: true, removeAdditional: true });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
  const store = new CommentStore(database.db, database.kind, database.checkStorage);
  const moderation = new ModerationStore(store.store);
  const events = new QueueEvents(await queueBus(database), moderation, app.log);
  // Before the server stops accepting: it waits for open connections, and event streams stay open.
  app.addHook('preClose', async () => events.close());
  const threadEvents = await ThreadEvents.start(database, config.live, app.log);
  app.addHook('preClose', async () => threadEvents.close());
  const changes = new CommentChanges(app.log);
  changes.on((change) => threadEvents.changed(change));
  // Votes change no queue.
  changes.on((change) => {
    if (change.kind !== 'voted') events.changed(change.commentId);
  });
  if (config.webhooks) changes.on(webhooks(app, config.webhooks, database, moderation));
  const secret = config.secret ?? (await store.secret());
  const notifications = new ReplyNotifications(config.mail, database.db, secret, app.log);
  changes.on((change) => notifications.changed(change));
  app.addHook('onClose', async () => notifications.close());
  const context: AppContext = {
    config,
    store,
    moderation,
    events,
    threadEvents,
    changes,
    database,
    secret,
    contentCheck: { moderation: config.moderation, hasBannedWords: bannedWordMatcher(config.bannedWords) },
    readers: new Readers(config.sso, secret),
    notifications,
  };

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const { status, body } = errorResponse(error);
    if (status >= 500) request.log.error(error);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: { code: 'not_found', message: 'No such route.' } } satisfies ErrorBody));

  // Responses are JSON only: no browser may sniff one into HTML.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
  });
  registerOriginCheck(app, config);
  if (config.allowedOrigins.length > 0) {
    await app.register(cors, {
      origin: (origin, callback) => callback(null, originAllowed(config.allowedOrigins, origin)),
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key'],
      exposedHeaders: ['Retry-After'],
      maxAge: 600,
    });
  }
  await app.register(rateLimit, {
    global: false,
    // Postgres deployments run several processes: they must count in one place.
    ...(database.kind === 'postgres' ? { store: databaseRateLimitStore(database.db) } : {}),
    keyGenerator: (request) => clientKey(request.ip),
    errorResponseBuilder: (_request, context) => new ApiError(429, 'rate_limited', `Too many requests; please try again in ${context.after}.`),
  });

  registerCaching(app, context);
  await app.register(
    async (api) => {
      registerPublicRoutes(api, context);
      registerReaderRoutes(api, context);
      registerThreadEvents(api, threadEvents);
      await api.register(async (mail) => registerNotificationRoutes(mail, notifications));
      await api.register(
        async (admin) => {
          registerAdminRoutes(admin, context);
          registerThreadRoutes(admin, context);
        },
        { prefix: '/admin' },
      );
    },
    { prefix: '/api' },
  );
  registerConsole(app, options.consoleDir ?? CONSOLE_DIR);

  const purge = setInterval(() => {
    store.purgeExpired(Date.now(), IDEMPOTENCY_TTL_MS).catch((error: unknown) => app.log.warn({ err: error }, 'purge failed'));
  }, PURGE_INTERVAL_MS);
  purge.unref();
  app.addHook('onClose', async () => clearInterval(purge));
  return app;
}

/** Believes the last `hops` addresses: the socket's peer and the proxies it names before itself. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

function errorResponse(error: FastifyError | ApiError): { status: number; body: ErrorBody } {
  const fail = (status: number, code: ErrorCode, message: string, field?: string) => ({
    status,
    body: { error: { code, message, ...(field ? { field } : {}) } },
  });
  if (error instanceof ApiError) return fail(error.statusCode, error.code, error.message, error.field);
  if (isUnavailable(error)) return errorResponse(new DatabaseUnavailable(error.message));
  if (error.validation) {
    const [first] = error.validation;
    const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
    const path = [first?.instancePath.replace(/^\//, '').replaceAll('/', '.'), missing].filter(Boolean).join('.');
    return fail(
      400,
      'invalid_request',
      `${error.validationContext ?? 'request'}${path ? `.${path}` : ''} ${first?.message ?? 'is invalid'}.`,
      path || undefined,
    );
  }
  // Fastify's own messages may quote the request (a path, a content type): never pass them on.
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return fail(413, 'payload_too_large', `The request body must be at most ${REQUEST_BODY_LIMIT} bytes.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return fail(415, 'unsupported_media_type', 'Send JSON with Content-Type: application/json.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return fail(400, 'invalid_request', 'The body is not valid JSON.');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return fail(414, 'uri_too_long', 'The address is too long.');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return fail(error.statusCode, 'invalid_request', 'The request could not be read.');
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

/** The lower-case name in a Host header (`[::1]` for an IPv6 literal), or null if there is none. */
function hostName(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}

/**
 * DNS rebinding points a name the attacker owns at this server, so that the attacker's page
 * shares its origin. A Host that is an IP address or a loopback name (which browsers resolve
 * themselves) cannot be such a name; a name the operator listed is theirs.
 */
function hostTrusted(host: string, allowedHosts: string[]): boolean {
  const name = hostName(host);
  if (name === null) return false;
  return name === 'localhost' || name.endsWith('.localhost') || isIP(name.replace(/^\[(.*)\]$/, '$1')) !== 0 || allowedHosts.includes(name);
}

/**
 * With LEDE_ALLOWED_HOSTS set, only requests for those names (or an IP address, or localhost)
 * are answered. Browsers name the page's origin on every write; writes from pages on other sites
 * are refused even when they get past CORS (simple requests are sent without a preflight).
 * The allowed origins are what counts, whatever Host a proxy passes on; the server's own
 * origin (Origin matching Host) counts only on a trusted host, or a rebound name would pass.
 * Reads and preflights from other sites are refused too, so that the page's developer sees a clear
 * 403 rather than a CORS failure, and the first refusal of each origin is logged with the setting
 * that allows it. Reads are public, so the own origin may read on any host name.
 * Requests without an Origin header (curl, servers) are not from a browser page and pass.
 * The scheme is not compared for the own origin: behind a TLS-terminating proxy the server
 * sees plain HTTP.
 */
/** Refused origins are logged once each; past this many the oldest is forgotten. */
const LOGGED_ORIGINS_MAX = 500;

function registerOriginCheck(app: FastifyInstance, { allowedOrigins, allowedHosts }: Config): void {
  const logged = new Set<string>();
  app.addHook('onRequest', async (request) => {
    if (allowedHosts.length > 0 && !hostTrusted(request.host, allowedHosts)) {
      throw new ApiError(403, 'host_not_allowed', 'This server does not answer for that host name; add it to LEDE_ALLOWED_HOSTS.');
    }
    const origin = request.headers.origin;
    if (origin === undefined || originAllowed(allowedOrigins, origin)) return;
    const read = ['GET', 'HEAD', 'OPTIONS'].includes(request.method);
    if (hostOf(origin) === request.host.toLowerCase() && (read || hostTrusted(request.host, allowedHosts))) return;
    if (!logged.has(origin)) {
      if (logged.size >= LOGGED_ORIGINS_MAX) logged.delete(logged.values().next().value!);
      logged.add(origin);
      request.log.warn({ origin }, `origin ${origin} refused: ${allowingSetting(allowedOrigins, origin)}`);
    }
    throw new ApiError(403, 'origin_not_allowed', 'Requests from this origin are not allowed; add it to LEDE_ALLOWED_ORIGINS.');
  });
}

function allowingSetting(allowed: string[], origin: string): string {
  // Opaque origins ("null" from sandboxed frames and file: pages, extension schemes) cannot be listed.
  if (hostOf(origin) === null || new URL(origin).origin !== origin) return 'only LEDE_ALLOWED_ORIGINS=* would allow it';
  return `set LEDE_ALLOWED_ORIGINS=${[...allowed, origin].join(',')} to allow it`;
}
