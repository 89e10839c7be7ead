import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { appConfig, AppConfig, HttpExceptionFilter, validationExceptionFactory } from '@app/core';
import { buildOpenApiDocument } from './openapi';
import { serveWebApp } from './web-app';

export const API_PREFIX = 'api';

/** Everything main.ts and the e2e tests share, so that tests run the app as it ships. */
export function configureApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: '2mb' });
  express.disable('x-powered-by');
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
  app.use(cookieParser());
  serveWebApp(express, app.get<AppConfig>(appConfig.KEY).webDistDir, API_PREFIX);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new HttpExceptionFilter());
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
