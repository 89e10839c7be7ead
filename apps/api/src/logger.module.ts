import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { appConfig, AppConfig, withoutTicket } from '@app/core';

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
