import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import encodeUrl from 'encodeurl';
import escapeHtml from 'escape-html';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pathOf } from '@app/core';
import { withoutEtag } from './etag';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

export const isApiPath = (path: string, apiPrefix: string) =>
  path === `/${apiPrefix}` || path.startsWith(`/${apiPrefix}/`);

/** Whether the built web app is there to serve. */
export function hasWebApp(distDir: string): boolean {
  return existsSync(join(resolve(distDir), 'index.html'));
}

function htmlDocument(title: string, body: string): string {
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${title}</title>\n</head>\n<body>\n<pre>${body}</pre>\n</body>\n</html>\n`
  );
}

/** An answer of its own, with the strict policy Express's own answers carried. */
function sendHtml(reply: FastifyReply, status: number, document: string, location?: string) {
  reply.raw.setHeader('Content-Security-Policy', "default-src 'none'");
  reply.raw.setHeader('X-Content-Type-Options', 'nosniff');
  if (location) reply.header('Location', location);
  withoutEtag(reply);
  reply
    .code(status)
    .header('Content-Type', `text/html; charset=${location ? 'UTF-8' : 'utf-8'}`)
    .header('Content-Length', String(Buffer.byteLength(document)))
    .send(document);
}

/**
 * A path outside the API that no route answers (any method but GET and HEAD, or any path when
 * there is no web build): the plain HTML 404 it always got, not the API's JSON one.
 */
export function answerOtherPathsAsBefore(app: NestFastifyApplication, apiPrefix: string): void {
  // After the body is read: a body the parser refuses is refused first, as it always was.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      const path = pathOf(request.raw.url);
      if (!request.is404 || isApiPath(path, apiPrefix)) return done();
      sendHtml(
        reply,
        404,
        htmlDocument('Error', `Cannot ${request.method} ${escapeHtml(encodeUrl(path))}`),
      );
    });
}

/** Each server's web build and API prefix, once it serves one. */
const webRoots = new WeakMap<object, string>();
const apiPrefixes = new WeakMap<object, string>();

/**
 * A URL the router refused (an escape that does not decode) is still the web app's, outside the
 * API, as Express's static files and index.html took it. True when answered.
 */
export async function serveWebPageAfterFrameworkError(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  const root = webRoots.get(request.server);
  if (!root || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
  const path = pathOf(request.raw.url);
  if (isApiPath(path, apiPrefixes.get(request.server) ?? '')) return false;
  // The router's replies have no sendFile: index.html (the only file such a URL can name) as the
  // static file server sends it.
  const index = join(root, 'index.html');
  const stat = statSync(index);
  reply
    .code(200)
    .header('Cache-Control', 'no-store')
    .header('Accept-Ranges', 'bytes')
    .header('Last-Modified', stat.mtime.toUTCString())
    .header('ETag', `W/"${stat.size.toString(16)}-${stat.mtime.getTime().toString(16)}"`)
    .header('Content-Type', 'text/html; charset=utf-8');
  await reply.send(readFileSync(index));
  return true;
}

/**
 * Serves the built web app at `/`: files as they are (Vite's hashed assets cached for a year),
 * and `index.html` for any other GET outside /api, so the app routes in the browser.
 * `index.html` is never cached, so a new release is picked up at the next load.
 * Returns false when there is no build to serve.
 */
export async function serveWebApp(
  app: NestFastifyApplication,
  distDir: string,
  apiPrefix: string,
  securityHeaders: (request: FastifyRequest, reply: FastifyReply) => Promise<void>,
): Promise<boolean> {
  const root = resolve(distDir);
  const assets = join(root, 'assets');
  if (!hasWebApp(distDir)) return false;
  // Files are sent by the hook below (no routes of the plugin's own, so none shadows the API's).
  await app.register(fastifyStatic, { root, serve: false });
  const fastify = app.getHttpAdapter().getInstance();
  const sendFile = (reply: FastifyReply, file: string, cacheControl: string) => {
    reply.header('Cache-Control', cacheControl);
    // JavaScript as Express's static files named it.
    if (/\.m?js$/.test(file)) reply.header('Content-Type', 'text/javascript; charset=utf-8');
    return reply.sendFile(file.slice(root.length + 1), root, {
      cacheControl: false,
      dotfiles: 'allow',
    });
  };
  const serve = (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const path = pathOf(request.raw.url);
    if (isApiPath(path, apiPrefix)) return undefined;
    const file = fileOf(root, path);
    if (file?.directory) {
      // A folder without its slash: sent to the folder (the slash's answer is the app).
      const url = request.raw.url ?? '/';
      const location = encodeUrl(`${path}/`.replace(/^\/+/, '/') + url.slice(path.length));
      sendHtml(
        reply,
        301,
        htmlDocument('Redirecting', `Redirecting to ${escapeHtml(location)}`),
        location,
      );
      return reply;
    }
    if (file)
      return sendFile(
        reply,
        file.path,
        file.path.startsWith(assets + sep)
          ? `public, max-age=${ONE_YEAR_SECONDS}, immutable`
          : 'no-cache',
      );
    return sendFile(reply, join(root, 'index.html'), 'no-store');
  };
  webRoots.set(fastify, root);
  apiPrefixes.set(fastify, apiPrefix);
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    if (isApiPath(pathOf(request.raw.url), apiPrefix)) return;
    await securityHeaders(request, reply);
    return serve(request, reply);
  });
  return true;
}

/**
 * The file (or folder) of the build a URL path names, as a static file server finds it: decoded,
 * inside the build, no dot-file on the way; null for anything else, which the app answers.
 */
function fileOf(root: string, urlPath: string): { path: string; directory: boolean } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = resolve(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null;
  if (
    path
      .slice(root.length)
      .split(sep)
      .some((part) => part.startsWith('.'))
  )
    return null;
  try {
    const stat = statSync(path);
    if (stat.isFile()) return { path, directory: false };
    if (stat.isDirectory() && !urlPath.endsWith('/')) return { path, directory: true };
  } catch {
    // No such file: the app answers.
  }
  return null;
}
