import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app';

const listening = new WeakMap<Server, Promise<number>>();

/** Starts the app's server on a free port once (parallel callers wait for the same start). */
export function listeningPort(t: TestApp): Promise<number> {
  const server = t.app.getHttpServer() as Server;
  let port = listening.get(server);
  if (!port) {
    port = server.listening
      ? Promise.resolve((server.address() as AddressInfo).port)
      : new Promise<number>((resolve) =>
          server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
        );
    listening.set(server, port);
  }
  return port;
}

export interface PlainResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/**
 * Calls the app from a chosen loopback address (127.0.0.0/8 all reach the host), so that a test
 * can play several clients: the app sees each as its own client address.
 */
export async function callFrom(
  t: TestApp,
  address: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<PlainResponse> {
  const port = await listeningPort(t);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const call = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        localAddress: address,
        headers: {
          ...(payload ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: parsed });
        });
      },
    );
    call.on('error', reject);
    call.end(payload);
  });
}

/** POST /api/auth/login from `address`. */
export function loginFrom(
  t: TestApp,
  address: string,
  username: string,
  password: string,
): Promise<PlainResponse> {
  return callFrom(t, address, 'POST', '/api/auth/login', { username, password });
}
