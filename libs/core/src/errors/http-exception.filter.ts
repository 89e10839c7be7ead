import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, ErrorCode, RateLimited, STATUS_OF } from './domain-errors';
import { domainErrorFromDatabase } from './database-errors';
import { ErrorBody } from './error-body';
import { boundErrorBody } from './error-bounds';

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'VALIDATION_FAILED',
  422: 'IMPORT_REJECTED',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
};

function fromHttpException(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  const message = Array.isArray(raw)
    ? raw.join('; ')
    : typeof raw === 'string'
      ? raw
      : exception.message;
  if (status >= 500) return internal();
  const code = CODE_OF_STATUS[status] ?? (status === 400 ? 'VALIDATION_FAILED' : 'CONFLICT');
  return { statusCode: status in CODE_OF_STATUS ? status : STATUS_OF[code], code, message };
}

function fromDomain(error: DomainError): ErrorBody {
  const body: ErrorBody = { statusCode: error.status, code: error.code, message: error.message };
  if (error.details !== undefined) body.details = error.details;
  return body;
}

function internal(): ErrorBody {
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal error' };
}

/** Gives every error, ours or the framework's, the SPEC's `{statusCode, code, message, details?}`. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = boundErrorBody(this.toBody(exception));
    if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // A download streams to the Node response: once its head is out, only an end is left.
    if (reply.sent || reply.raw.headersSent) {
      if (!reply.raw.writableEnded) reply.raw.end();
      return;
    }
    if (exception instanceof RateLimited && exception.retryAfterSeconds !== undefined)
      reply.header('Retry-After', String(exception.retryAfterSeconds));
    // A download route sets its file's type and name before it runs; its refusal is JSON.
    reply.removeHeader('Content-Disposition');
    reply.raw.removeHeader('Content-Disposition');
    reply.raw.removeHeader('Content-Type');
    reply
      .code(body.statusCode)
      .header('Content-Type', 'application/json; charset=utf-8')
      .send(JSON.stringify(body));
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) return fromDomain(exception);
    if (exception instanceof HttpException) return fromHttpException(exception);
    const fromDatabase = domainErrorFromDatabase(exception);
    if (fromDatabase) return fromDomain(fromDatabase);
    const { status: ownStatus, statusCode } = (exception ?? {}) as {
      status?: unknown;
      statusCode?: unknown;
    };
    // body-parser's errors (malformed JSON, too large) and Fastify's (a malformed URL) carry
    // their own 4xx status.
    const status = typeof ownStatus === 'number' ? ownStatus : statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        statusCode: status,
        code: CODE_OF_STATUS[status] ?? 'VALIDATION_FAILED',
        message: (exception as Error).message,
      };
    }
    return internal();
  }
}
