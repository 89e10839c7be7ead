import type { IncomingMessage, ServerResponse } from 'node:http';
import bodyParser from 'body-parser';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pathOf } from './url-path';

/** JSON bodies of every route but those below: a login, a person, a nomination entry. */
export const DEFAULT_JSON_LIMIT = '100kb';

/** Routes whose bodies need more than the default, and how much (UTF-8 is up to 3 bytes a letter). */
const LARGER_BODIES: { methods: string[]; path: RegExp; limit: string; why: string }[] = [
  {
    methods: ['POST', 'PATCH'],
    path: /^\/api\/evaluations(\/\d+)?\/?$/,
    limit: '1300kb',
    why: 'a note of 2,000 letters on each of up to 200 criteria',
  },
  {
    methods: ['POST', 'PATCH'],
    path: /^\/api\/inspections(\/\d+)?\/?$/,
    limit: '256kb',
    why: 'three texts of 20,000 letters, 50 members and a checklist',
  },
  {
    methods: ['POST', 'PATCH'],
    path: /^\/api\/criteria-sets(\/\d+)?\/?$/,
    limit: '512kb',
    why: 'up to 200 criteria with their names',
  },
];

type Middleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** Runs a body-parser middleware on the Node request and hands Fastify what it parsed. */
function asContentTypeParser(choose: (request: FastifyRequest) => Middleware) {
  return (
    request: FastifyRequest,
    _payload: IncomingMessage,
    done: (error: Error | null, body?: unknown) => void,
  ): void => {
    const raw = request.raw as IncomingMessage & { body?: unknown };
    // body-parser reads the request only (the response is for a `verify` option, unused here).
    choose(request)(raw, undefined as never, (error?: unknown) => {
      if (error) done(error as Error);
      else done(null, raw.body);
    });
  };
}

/**
 * The request body parsers of the app, as Express had them (body-parser's, so that every answer
 * stays the same): JSON with a size limit that depends on the route (100 kb unless it needs
 * more) and URL-encoded forms; a body over the limit is 413 PAYLOAD_TOO_LARGE before it is
 * parsed. A body of any other type is not read (a route sees no body), as with Express;
 * multipart bodies are read by the upload routes' interceptor only.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  const fallback = bodyParser.json({ limit: DEFAULT_JSON_LIMIT });
  const larger = LARGER_BODIES.map((route) => ({
    ...route,
    parser: bodyParser.json({ limit: route.limit }),
  }));
  const urlencoded = bodyParser.urlencoded({ extended: true });
  const jsonParserOf = (request: FastifyRequest) => {
    const path = pathOf(request.raw.url);
    const route = larger.find((r) => r.methods.includes(request.method) && r.path.test(path));
    return (route?.parser ?? fallback) as Middleware;
  };
  // Fastify reads no body of a GET or HEAD; Express's parsers did, and refused a bad one (400,
  // 413, 415) before anything else ran, the web app's files included. What they parse is unused.
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return done();
    const raw = request.raw as IncomingMessage & { body?: unknown };
    const next = (error?: unknown) => done(error ? (error as Error) : undefined);
    (jsonParserOf(request) as Middleware)(raw, undefined as never, (error?: unknown) => {
      if (error) return next(error);
      (urlencoded as Middleware)(raw, undefined as never, next);
    });
  });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', asContentTypeParser(jsonParserOf));
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    asContentTypeParser(() => urlencoded as Middleware),
  );
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}
