import { parse as parseQueryString } from 'node:querystring';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import fastifyCookie from '@fastify/cookie';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import etag from 'etag';
import helmet from 'helmet';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  AnswerReplay,
  answerClientError,
  BoundedValidationPipe,
  decorateSecure,
  HttpExceptionFilter,
  pathOf,
  PlainTextPipe,
  registerBodyParsers,
  validationExceptionFactory,
} from '@app/core';
import { addWeakEtags } from './etag';
import { logRequest, requestIdOf } from './logger.module';
import { closeServerWithApp, replayBefore, replayingServerFactory } from './replaying-server';
import { buildOpenApiDocument } from './openapi';
import {
  answerOtherPathsAsBefore,
  hasWebApp,
  serveWebApp,
  serveWebPageAfterFrameworkError,
} from './web-app';

export const API_PREFIX = 'api';

// One policy for the API and the pages: only the app's own origin, no inline script. Inline
// styles stay allowed because antd writes its CSS-in-JS into <style> elements.
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
});

const addSecurityHeaders = (request: FastifyRequest, reply: FastifyReply) =>
  new Promise<void>((resolve, reject) =>
    securityHeaders(request.raw as IncomingMessage, reply.raw as ServerResponse, (error) =>
      error ? reject(error as Error) : resolve(),
    ),
  );

const SERVER_TIMEOUTS = { keepAliveTimeout: 5_000, requestTimeout: 300_000 };

/** What the HTTP server needs to know before the app exists. */
export interface HttpSettings {
  /** The client address the sign-in throttle counts: behind a proxy, the one it forwards. */
  trustProxy: boolean | number | string;
  webDistDir: string;
}

/**
 * The Fastify server of the app, answering as Express did: paths match whatever their case and
 * with a trailing slash, HEAD answers as GET, the query string is parsed by node:querystring,
 * a route parameter may be as long as the URL, Node's timeouts, and requests Node refuses are
 * answered in the SPEC's error shape (only by us). The app applies its own body limits.
 */
export function createHttpAdapter(settings: HttpSettings): FastifyAdapter {
  // /health stays as an alias of /api/health for probes that predate the prefix (a GET of it
  // is the web app's, when there is one, as it always was).
  const webServed = hasWebApp(settings.webDistDir);
  return new FastifyAdapter({
    // A hop count is taken as Express took it (the nth hop from this server); Fastify's typings
    // omit numbers, its code takes them.
    trustProxy: settings.trustProxy as boolean | string,
    routerOptions: {
      caseSensitive: false,
      ignoreTrailingSlash: true,
      maxParamLength: 65_535,
      querystringParser: (query: string) => parseQueryString(query),
    },
    ...SERVER_TIMEOUTS,
    // Node's server, with hot reads answered before Fastify (see configureApp).
    serverFactory: replayingServerFactory(SERVER_TIMEOUTS),
    clientErrorHandler: answerClientError,
    // A URL whose escapes do not decode: 400 in the SPEC's shape, as Express's router gave it.
    frameworkErrors: async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      await addSecurityHeaders(request, reply).catch(() => undefined);
      // Outside the API, a GET of such a URL is the web app's, as any other.
      if (await serveWebPageAfterFrameworkError(request, reply).catch(() => false)) return;
      const status = error.statusCode ?? 400;
      const segment = pathOf(request.raw.url)
        .split('/')
        .find((part) => {
          try {
            decodeURIComponent(part);
            return false;
          } catch {
            return true;
          }
        });
      const body =
        error.code === 'FST_ERR_BAD_URL' && segment !== undefined
          ? {
              statusCode: 400,
              code: 'VALIDATION_FAILED',
              message: `Failed to decode param '${segment}'`,
            }
          : {
              statusCode: status >= 400 && status < 500 ? status : 400,
              code: 'VALIDATION_FAILED',
              message: error.message,
            };
      const payload = JSON.stringify(body);
      void reply
        .code(body.statusCode)
        .header('Content-Type', 'application/json; charset=utf-8')
        .header('ETag', etag(payload, { weak: true }))
        .send(payload);
    },
    // Every request's id, which the logs and the audit keep (sent back by configureApp's hook).
    genReqId: requestIdOf,
    rewriteUrl: (request: IncomingMessage) =>
      request.url === '/health' &&
      !(webServed && (request.method === 'GET' || request.method === 'HEAD'))
        ? `/${API_PREFIX}/health`
        : (request.url ?? '/'),
  });
}

/** Options of NestFactory.create / createNestApplication: the app parses its own bodies. */
export const APP_OPTIONS = { bodyParser: false } as const;

/** Everything main.ts and the e2e tests share, so that tests run the app as it ships. */
export async function configureApp(
  app: NestFastifyApplication,
  settings: HttpSettings,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // JSON bodies are limited per route to what the route needs (100 kb unless it needs more).
  registerBodyParsers(fastify);
  // `request.secure` (the refresh cookie's Secure) as Express's `trust proxy` made it.
  decorateSecure(fastify, settings.trustProxy);
  // After the body is read, as Express's helmet came after its body parser: a body refused by
  // the parser is answered without these headers, as it always was.
  fastify.addHook('preValidation', addSecurityHeaders);
  // The one cookie is the refresh token's, read by its routes only: no request parses any.
  await app.register(fastifyCookie, { hook: false });
  addWeakEtags(fastify);
  await serveWebApp(app, settings.webDistDir, API_PREFIX, addSecurityHeaders);
  // X-Request-Id on every answer but the web app's files, which never reached the logger.
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done) => {
    reply.raw.setHeader('X-Request-Id', request.id);
    done();
  });
  // Hot reads answered again, before Fastify, while nothing they depend on changed.
  const replay = app.get(AnswerReplay);
  replay.attach(fastify, { prefix: API_PREFIX, requestIdOf, logAnswered: logRequest });
  replayBefore(app.getHttpServer() as Server, (request, response) =>
    replay.answer(request, response),
  );
  closeServerWithApp(fastify);
  answerOtherPathsAsBefore(app, API_PREFIX);
  app.useGlobalPipes(
    new PlainTextPipe(),
    // Bounded: a body's shape is checked before class-transformer; decimal: ids are digits only.
    new BoundedValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new HttpExceptionFilter());
  // Every API route lives under /api, so that the web app owns every other path.
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app, API_PREFIX);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
}
