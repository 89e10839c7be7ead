import etag from 'etag';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fresh from 'fresh';

const noEtag = new WeakSet<FastifyReply>();

/** An answer Express wrote by hand (its 404 page, a folder's redirect): no ETag. */
export function withoutEtag(reply: FastifyReply): void {
  noEtag.add(reply);
}

/**
 * The weak ETag of every answer with a body, and 304 to a GET or HEAD whose copy is fresh, as
 * Express gave them (its `etag` setting, default "weak"), so that a client that revalidates keeps
 * getting its 304s; and text answers say they are UTF-8, as Express's did. Streams (downloads,
 * files) are left to their senders.
 */
export function addWeakEtags(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    if (noEtag.has(reply)) return done(null, payload);
    // Text is sent as UTF-8 and says so (Swagger's page names no charset of its own).
    const type = reply.getHeader('Content-Type');
    if (typeof payload === 'string' && typeof type === 'string' && !/;\s*charset=/i.test(type))
      reply.header('Content-Type', `${type}; charset=utf-8`);
    if (reply.getHeader('ETag') === undefined && !reply.raw.hasHeader('ETag'))
      reply.header('ETag', etag(payload, { weak: true }));
    const status = reply.statusCode;
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    if (
      isRead &&
      ((status >= 200 && status < 300) || status === 304) &&
      fresh(request.headers, {
        etag: reply.getHeader('ETag') as string | undefined,
        'last-modified': reply.getHeader('Last-Modified') as string | undefined,
      })
    ) {
      reply.code(304);
      reply.removeHeader('Content-Type');
      reply.removeHeader('Content-Length');
      reply.removeHeader('Transfer-Encoding');
      return done(null, '');
    }
    done(null, payload);
  });
}
