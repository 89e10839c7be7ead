import type { CookieOptions, Request, Response } from 'express';
import { THIDUA_DEFAULTS } from '@app/config';

/**
 * The web app's refresh token travels in this cookie only: HttpOnly (no script reads it),
 * SameSite=Strict (no other site sends it) and scoped to the auth routes, so that it never
 * rides along with ordinary API calls. API clients keep getting the token in the JSON body.
 */
export const REFRESH_COOKIE = 'thidua_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

function options(request: Request): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.secure,
    path: REFRESH_COOKIE_PATH,
  };
}

export function setRefreshCookie(request: Request, response: Response, token: string): void {
  response.cookie(REFRESH_COOKIE, token, {
    ...options(request),
    maxAge: THIDUA_DEFAULTS.auth.refreshTokenDays * 86_400_000,
  });
}

export function clearRefreshCookie(request: Request, response: Response): void {
  response.clearCookie(REFRESH_COOKIE, options(request));
}

/** The refresh token of the body when given, else the cookie's. */
export function refreshTokenOf(request: Request, fromBody: string | undefined): string | undefined {
  const cookies = (request as Request & { cookies?: Record<string, unknown> }).cookies;
  const fromCookie = cookies?.[REFRESH_COOKIE];
  return fromBody ?? (typeof fromCookie === 'string' && fromCookie !== '' ? fromCookie : undefined);
}
