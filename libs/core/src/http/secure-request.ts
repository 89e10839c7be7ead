import type { TLSSocket } from 'node:tls';
import { compile } from '@fastify/proxy-addr';
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Whether the request came over HTTPS, as Express's `req.secure` said (see below). */
    secure: boolean;
  }
}

/** Whom to believe about forwarded headers, as Express compiled its `trust proxy` setting. */
function trustOf(setting: boolean | number | string): (address: string, hop: number) => boolean {
  if (setting === true) return () => true;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  if (setting === false) return () => false;
  return compile(setting.split(',').map((entry) => entry.trim()));
}

/**
 * Gives every request `secure`: its socket's TLS, or, when the peer is a trusted proxy, the first
 * entry of X-Forwarded-Proto, as Express read it (Fastify's `protocol` reads the last entry).
 */
export function decorateSecure(
  fastify: FastifyInstance,
  trustProxy: boolean | number | string,
): void {
  const trust = trustOf(trustProxy);
  fastify.decorateRequest('secure', {
    getter(this: FastifyRequest): boolean {
      const socket = this.raw.socket as TLSSocket | undefined;
      const own = socket?.encrypted ? 'https' : 'http';
      if (!socket?.remoteAddress || !trust(socket.remoteAddress, 0)) return own === 'https';
      const header = this.headers['x-forwarded-proto'];
      const forwarded = (typeof header === 'string' && header !== '' ? header : own)
        .split(',', 1)[0]
        .trim();
      return forwarded === 'https';
    },
  });
}
