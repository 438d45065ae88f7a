import { LogController, type FastifyLoggerOptions, type FastifyReply, type FastifyRequest } from 'fastify';
import type { MessageFormatFunc } from 'pino-pretty';
import type { Config } from './config.js';

/** Where logs go: `false` for nowhere, or a stream that gets JSON lines. */
export type LogTarget = false | NonNullable<FastifyLoggerOptions['stream']>;

interface RequestLog {
  req?: { method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
}

/** A request's line on a terminal: `GET /api/health 200 3ms`. */
const messageFormat: MessageFormatFunc = (log, messageKey) => {
  const { req, res, responseTime } = log as RequestLog;
  if (req && res) return `${req.method} ${req.url} ${res.statusCode} ${Math.round(responseTime ?? 0)}ms`;
  return String(log[messageKey] ?? '');
};

/**
 * Fastify's logger options: JSON lines on stdout, or one coloured line per event when
 * stdout is a terminal (or `LEDE_LOG_FORMAT=pretty`). The pretty stream writes synchronously
 * in this thread, so there is no worker to stop and nothing is lost when the process exits.
 * It is loaded only when used, sparing the JSON start-up its import.
 */
export async function loggerOptions(config: Config, target?: LogTarget): Promise<FastifyLoggerOptions | false> {
  if (target === false) return false;
  const pretty = !target && (config.logFormat === 'auto' ? process.stdout.isTTY === true : config.logFormat === 'pretty');
  return {
    level: config.logLevel,
    // Logs are storage too: requests are logged without the client's address or port.
    serializers: { req: (request: FastifyRequest) => ({ method: request.method, url: request.url }) },
    stream: pretty
      ? (await import('pino-pretty')).build({
          sync: true,
          // Colour follows the terminal itself, not TERM (unset under many process managers and CI).
          colorize: process.stdout.isTTY === true && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb',
          singleLine: true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname,reqId,req,res,responseTime,origin',
          messageFormat,
        })
      : target,
  };
}

/** One line per request, written when it is answered, instead of Fastify's two. */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const fields = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...fields, err: error }, 'request errored');
    else reply.log.info(fields, 'request completed');
  }
}
