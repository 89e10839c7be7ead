import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Serves the built web app at `/`: files as they are (Vite's hashed assets cached for a year),
 * and `index.html` for any other GET outside /api, so the app routes in the browser.
 * `index.html` is never cached, so a new release is picked up at the next load.
 * Returns false when there is no build to serve.
 */
export function serveWebApp(app: NestExpressApplication, distDir: string, apiPrefix: string) {
  const root = resolve(distDir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  const isApi = (path: string) => path === `/${apiPrefix}` || path.startsWith(`/${apiPrefix}/`);
  const files = express.static(root, {
    index: false,
    fallthrough: true,
    setHeaders(response, path) {
      const hashed = path.startsWith(join(root, 'assets'));
      response.setHeader(
        'Cache-Control',
        hashed ? `public, max-age=${ONE_YEAR_SECONDS}, immutable` : 'no-cache',
      );
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isApi(request.path)) return next();
    files(request, response, next);
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApi(request.path)) {
      return next();
    }
    response.setHeader('Cache-Control', 'no-store');
    response.sendFile(indexFile);
  });
  return true;
}
