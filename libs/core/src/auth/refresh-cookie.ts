import fastifyCookie, { type CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { THIDUA_DEFAULTS } from '@app/config';

/**
 * The web app's refresh token travels in this cookie only: HttpOnly (no script reads it),
 * SameSite=Strict (no other site sends it) and scoped to the auth routes, so that it never
 * rides along with ordinary API calls. API clients keep getting the token in the JSON body.
 */
export const REFRESH_COOKIE = 'thidua_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

function options(request: FastifyRequest): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    // Secure when the request is (https, or forwarded as https by a trusted proxy).
    secure: request.secure === true,
    path: REFRESH_COOKIE_PATH,
  };
}

export function setRefreshCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  const maxAgeMs = THIDUA_DEFAULTS.auth.refreshTokenDays * 86_400_000;
  reply.setCookie(REFRESH_COOKIE, token, {
    ...options(request),
    maxAge: Math.floor(maxAgeMs / 1000),
    expires: new Date(Date.now() + maxAgeMs),
  });
}

/** Ends the cookie: empty, expired at the epoch (no Max-Age), as Express's clearCookie wrote it. */
export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.setCookie(REFRESH_COOKIE, '', { ...options(request), expires: new Date(1) });
}

/** The cookies of a request, parsed here only: the other routes never parse any. */
function cookiesOf(request: FastifyRequest): Record<string, string | undefined> {
  const header = request.headers.cookie;
  if (!header) return {};
  const cookies: Record<string, string | undefined> = fastifyCookie.parse(header);
  // As cookie-parser read them: a value `j:<json>` is the JSON it holds.
  for (const [name, value] of Object.entries(cookies)) {
    if (typeof value === 'string' && value.startsWith('j:')) {
      try {
        const parsed: unknown = JSON.parse(value.slice(2));
        if (parsed) cookies[name] = typeof parsed === 'string' ? parsed : undefined;
      } catch {
        // Not JSON: the value stays as it came.
      }
    }
  }
  return cookies;
}

/** The refresh token of the body when given, else the cookie's. */
export function refreshTokenOf(
  request: FastifyRequest,
  fromBody: string | undefined,
): string | undefined {
  const fromCookie: unknown = cookiesOf(request)[REFRESH_COOKIE];
  return fromBody ?? (typeof fromCookie === 'string' && fromCookie !== '' ? fromCookie : undefined);
}
