/**
 * The signed-in session, kept in memory only (UI.md §2): the access token lives in this module,
 * the refresh token in an HttpOnly cookie the page cannot read. A reload asks the API for a new
 * access token through that cookie; a timer renews it a minute before it expires.
 */
import type { SessionUserDto, TokensDto } from './types';
import { ApiError } from './api-error';

export type SessionUser = SessionUserDto;

interface SessionState {
  /** `unknown` until the first refresh through the cookie has answered. */
  status: 'unknown' | 'signed-in' | 'signed-out';
  user: SessionUser | null;
}

const RENEW_BEFORE_EXPIRY_MS = 60_000;

let accessToken: string | null = null;
let state: SessionState = { status: 'unknown', user: null };
let renewTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

function publish(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

function accept(tokens: TokensDto): void {
  accessToken = tokens.accessToken;
  clearTimeout(renewTimer);
  const renewIn = Math.max(5_000, tokens.expiresIn * 1000 - RENEW_BEFORE_EXPIRY_MS);
  renewTimer = setTimeout(() => void refreshSession(), renewIn);
  publish({ status: 'signed-in', user: tokens.user });
}

function forget(): void {
  accessToken = null;
  clearTimeout(renewTimer);
  publish({ status: 'signed-out', user: null });
}

async function post(path: string, body: object, bearer?: string): Promise<Response> {
  try {
    return await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network error');
  }
}

export async function errorOf(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => ({}));
  return new ApiError(
    response.status,
    typeof body.code === 'string' ? body.code : 'INTERNAL_ERROR',
    typeof body.message === 'string' ? body.message : response.statusText,
    body.details,
  );
}

export const session = {
  get state(): SessionState {
    return state;
  },
  get accessToken(): string | null {
    return accessToken;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Signs in; throws ApiError (401 wrong credentials, 429 too many tries). */
export async function signIn(username: string, password: string): Promise<SessionUser> {
  const response = await post('/api/auth/login', { username, password });
  if (!response.ok) throw await errorOf(response);
  const tokens = (await response.json()) as TokensDto;
  accept(tokens);
  return tokens.user;
}

/**
 * A new access token through the refresh cookie; one request at a time however many callers
 * ask at once (a burst of 401s must not spend the rotated token twice, which would end the
 * session as a reuse). Resolves false when the session is over.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await post('/api/auth/refresh', {});
      if (!response.ok) {
        forget();
        return false;
      }
      accept((await response.json()) as TokensDto);
      return true;
    } catch {
      // The network is down: keep what we have and let the next call try again.
      if (state.status === 'unknown') forget();
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Ends the session on the server (its refresh family is revoked) and here. */
export async function signOut(): Promise<void> {
  try {
    if (accessToken) await post('/api/auth/logout', {}, accessToken);
  } finally {
    forget();
  }
}
