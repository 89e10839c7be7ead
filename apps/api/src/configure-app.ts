import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import {
  answerClientErrorsInShape,
  appConfig,
  type AppConfig,
  BoundedValidationPipe,
  HttpExceptionFilter,
  jsonBodyParser,
  PlainTextPipe,
  REFRESH_COOKIE_PATH,
  validationExceptionFactory,
} from '@app/core';
import { buildOpenApiDocument } from './openapi';
import { serveWebApp } from './web-app';

export const API_PREFIX = 'api';

/** Everything main.ts and the e2e tests share, so that tests run the app as it ships. */
export function configureApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  // JSON bodies are limited per route to what the route needs (100 kb unless it needs more).
  express.use(jsonBodyParser());
  express.disable('x-powered-by');
  // The client address the sign-in throttle counts: behind a proxy, the one it forwards.
  express.set('trust proxy', app.get<AppConfig>(appConfig.KEY).trustProxy);
  // One policy for the API and the pages: only the app's own origin, no inline script. Inline
  // styles stay allowed because antd writes its CSS-in-JS into <style> elements.
  app.use(
    helmet({
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
    }),
  );
  // The one cookie is the refresh token's, sent to its path only: the other routes parse none.
  app.use(REFRESH_COOKIE_PATH, cookieParser());
  serveWebApp(express, app.get<AppConfig>(appConfig.KEY).webDistDir, API_PREFIX);
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
  answerClientErrorsInShape(app.getHttpServer());
  // Every API route lives under /api, so that the web app owns every other path.
  app.setGlobalPrefix(API_PREFIX);
  // /health stays as an alias of /api/health for probes that predate the prefix.
  express.use((req: { url: string }, _res: unknown, next: () => void) => {
    if (req.url === '/health') req.url = `/${API_PREFIX}/health`;
    next();
  });
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app, API_PREFIX);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
}
