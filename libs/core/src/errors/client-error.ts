import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorBody } from './error-body';

/** What Node's HTTP parser refused, in the SPEC's shape (its own answer has no body). */
export function clientErrorBody(error: { code?: string }): ErrorBody {
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return {
      statusCode: 431,
      code: 'HEADERS_TOO_LARGE',
      message: 'The request line or headers are too large',
    };
  return { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Malformed HTTP request' };
}

/**
 * Requests Node refuses before the app sees them (a URL or headers over the 16 KB limit, a
 * malformed request line) get the same error shape as every other refusal.
 */
export function answerClientErrorsInShape(server: Server): void {
  server.on('clientError', answerClientError);
}

/**
 * The answer to one request Node refused. Fastify takes it as its `clientErrorHandler`, in place
 * of its own answer, so that this is the only one.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const answer = clientErrorBody(error);
  const body = JSON.stringify(answer);
  const reason = answer.statusCode === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${answer.statusCode} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
