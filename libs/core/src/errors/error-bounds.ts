import type { ErrorBody } from './error-body';

/** Entries of `details` in one error answer (an import's bad rows up to this many). */
export const MAX_ERROR_DETAILS = 1000;
export const MAX_ERROR_MESSAGE = 1000;
/** Any text inside a detail (a field path, a message, a cell echoed back). */
export const MAX_DETAIL_TEXT = 300;

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function boundDetail(detail: unknown): unknown {
  if (typeof detail === 'string') return cut(detail, MAX_DETAIL_TEXT);
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) return detail;
  return Object.fromEntries(
    Object.entries(detail).map(([key, value]) => [
      key,
      typeof value === 'string' ? cut(value, MAX_DETAIL_TEXT) : value,
    ]),
  );
}

/**
 * An error answer of bounded size whatever caused it: at most MAX_ERROR_DETAILS details (the
 * message says how many were left out), texts cut to their limits.
 */
export function boundErrorBody(body: ErrorBody): ErrorBody {
  let message = cut(body.message, MAX_ERROR_MESSAGE);
  if (!Array.isArray(body.details))
    return body.details === undefined
      ? { ...body, message }
      : { ...body, message, details: boundDetail(body.details) };
  const details = body.details.slice(0, MAX_ERROR_DETAILS).map(boundDetail);
  const left = body.details.length - details.length;
  if (left > 0) message = `${message} (${details.length} listed, ${left} more left out)`;
  return { ...body, message, details };
}
