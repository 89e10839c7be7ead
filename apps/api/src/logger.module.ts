import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PinoLogger, LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { appConfig, AppConfig, type ReplayedAnswer, withoutTicket } from '@app/core';

/** The id of a request: the caller's X-Request-Id when it is a sane one, else a new UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
}

/** Structured request logs; every request gets an id (X-Request-Id in and out) that the audit log keeps. */
export const LoggerModule = PinoLoggerModule.forRootAsync({
  inject: [appConfig.KEY],
  useFactory: (config: AppConfig) => ({
    pinoHttp: {
      level: config.logLevel,
      // On Fastify the request comes with the id of the server's genReqId (requestIdOf, and
      // X-Request-Id is sent by a hook of configureApp); this one is for any other server.
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const id = requestIdOf(request);
        response.setHeader('X-Request-Id', id);
        return id;
      },
      // A request is logged by its id, method, address (a download ticket masked: it opens a
      // file for a minute, like a token) and client: never its headers, so no token or cookie
      // reaches the log, and a request costs no copy of them.
      serializers: {
        req: (request: {
          id?: unknown;
          method?: string;
          url?: string;
          remoteAddress?: string;
        }) => ({
          id: request.id,
          method: request.method,
          url: request.url ? withoutTicket(request.url) : request.url,
          remoteAddress: request.remoteAddress,
        }),
      },
      customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
        error || response.statusCode >= 500
          ? 'error'
          : response.statusCode >= 400
            ? 'warn'
            : 'info',
    },
  }),
});

/**
 * Logs a request answered before the framework (a replayed read, 200 or 304) as pino-http logs
 * the others: the same line and level, through the same logger and serializers.
 */
export function logRequest(request: IncomingMessage, answer: ReplayedAnswer): void {
  const logger = PinoLogger.root as typeof PinoLogger.root | undefined;
  if (!logger?.isLevelEnabled('info')) return;
  const headers: Record<string, string> = {};
  for (let at = 0; at < answer.headers.length; at += 2)
    headers[answer.headers[at]] = answer.headers[at + 1];
  logger.info(
    {
      req: Object.assign(request, { id: answer.id }),
      res: { statusCode: answer.statusCode, headersSent: true, getHeaders: () => headers },
      responseTime: Date.now() - answer.startedAt,
    },
    'request completed',
  );
}
