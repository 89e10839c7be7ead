import type { OpenAPIObject } from '@nestjs/swagger';
import { STATUS_OF } from '@app/core';

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: unknown[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses: Record<string, { description: string; content?: unknown }>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export const ERROR_SCHEMA = 'ErrorResponse';

/** What each error status means to a caller; the codes it carries come from the SPEC's table. */
const MEANING: Record<number, string> = {
  400: 'Invalid input: the fields at fault are in `details`',
  401: 'No valid bearer token (or wrong credentials)',
  403: "The caller's role or scope may not use this",
  404: 'No such record',
  409: 'Conflict with the stored state',
  413: 'Payload too large',
  422: 'Rejected rows, listed in `details`',
  429: 'Too many attempts: try again later',
  500: 'Unexpected error',
  503: 'A dependency is down',
};

function codesOf(status: number): string[] {
  return Object.entries(STATUS_OF)
    .filter(([, value]) => value === status)
    .map(([code]) => code);
}

/** The first sentence of a route's JSDoc (which the swagger plugin puts in `summary`). */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.:;](\s|$)/);
  return end > 0 ? flat.slice(0, end) : flat;
}

/** `AgenciesController_findOne` → "Find one (agencies)": a fallback for routes without JSDoc. */
function summaryFromOperationId(operation: Operation, method: string, path: string): string {
  const handler = operation.operationId?.split('_').pop();
  if (!handler) return `${method.toUpperCase()} ${path}`;
  const words = handler.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const tag = operation.tags?.[0];
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}${tag ? ` (${tag})` : ''}`;
}

function addError(operation: Operation, status: number): void {
  const key = String(status);
  const response = (operation.responses[key] ??= { description: MEANING[status] ?? 'Error' });
  if (!response.description) response.description = MEANING[status] ?? 'Error';
  response.content ??= {
    'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } },
  };
}

/**
 * Completes every operation of the document in one place, so that routes added later get the
 * same treatment without decorators of their own:
 * - a short `summary` (the JSDoc's first sentence, the whole JSDoc kept as `description`; a
 *   route without JSDoc gets its handler's name);
 * - `security: []` on routes that need no token (those without @Allow, i.e. @Public);
 * - the error answers of SPEC §10 with their shape: 400 when the route takes input, 401 and 403
 *   when it needs a token, 404 when its path names a record, and any declared by the route.
 */
export function completeOperations(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas[ERROR_SCHEMA] = {
    type: 'object',
    description: 'The one error shape of SPEC §10.',
    required: ['statusCode', 'code', 'message'],
    properties: {
      statusCode: { type: 'integer', example: 400 },
      code: { type: 'string', enum: Object.keys(STATUS_OF), example: 'VALIDATION_FAILED' },
      message: { type: 'string', example: 'period must be a quarter YYYY-Qn' },
      details: { description: 'Field or row problems, when there are any.' },
    },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      if (operation.summary && operation.summary.length > 0) {
        const short = firstSentence(operation.summary);
        if (short !== operation.summary.trim()) operation.description ??= operation.summary.trim();
        operation.summary = short;
      } else {
        operation.summary = summaryFromOperationId(operation, method, path);
      }
      const secured = (operation.security ?? []).length > 0;
      if (!secured) operation.security = [];
      const takesInput = (operation.parameters ?? []).length > 0 || Boolean(operation.requestBody);
      if (takesInput) addError(operation, 400);
      if (secured) {
        addError(operation, 401);
        addError(operation, 403);
      }
      if (path.includes('{')) addError(operation, 404);
      for (const status of Object.keys(operation.responses).map(Number)) {
        if (status >= 400) addError(operation, status);
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        const codes = Number(status) >= 400 ? codesOf(Number(status)) : [];
        if (codes.length && !response.description.includes('code:')) {
          response.description = `${response.description} (code: ${codes.join(', ')})`;
        }
      }
    }
  }
  return document;
}
