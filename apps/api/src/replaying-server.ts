import type { FastifyInstance } from 'fastify';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

type Answerer = (request: IncomingMessage, response: ServerResponse) => boolean;

/** The answer replay of each server, once the app that fills it exists. */
const answerers = new WeakMap<Server, Answerer>();

/** Server timeouts, as Fastify would set them on a server of its own. */
export interface ServerTimeouts {
  keepAliveTimeout: number;
  requestTimeout: number;
}

/**
 * A Fastify `serverFactory`: Node's HTTP server, which offers each request to the server's
 * answer replay (see `replayBefore`) before it reaches Fastify. Hot reads so skip the routing,
 * hooks and pipeline they would only go through to be answered as before.
 */
export function replayingServerFactory(timeouts: ServerTimeouts) {
  return (handler: (request: IncomingMessage, response: ServerResponse) => void): Server => {
    const server = createServer((request, response) => {
      if (answerers.get(server)?.(request, response)) return;
      handler(request, response);
    });
    server.keepAliveTimeout = timeouts.keepAliveTimeout;
    server.requestTimeout = timeouts.requestTimeout;
    return server;
  };
}

/** Lets `answer` answer the server's requests before Fastify (when it returns true). */
export function replayBefore(server: Server, answer: Answerer): void {
  answerers.set(server, answer);
}

/**
 * Closes the server with the app, however it was made to listen: Fastify closes a server from a
 * factory only when it listened through Fastify, and tests start the app's server themselves
 * (Node's `listen`), which would keep their process alive.
 */
export function closeServerWithApp(fastify: FastifyInstance): void {
  fastify.addHook('onClose', (instance, done) => {
    if (!instance.server.listening) return done();
    // Fastify's own close of a server it listened on then finds it closed, which it allows.
    instance.server.close(() => done());
  });
}
