/**
 * The one way the app calls the API: JSON in and out, the bearer token from the session, a
 * silent refresh and one retry on a 401, and refusals as ApiError with the SPEC's code.
 */
import { ApiError } from './api-error';
import { errorOf, refreshSession, session } from './session';

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/** "/rankings" + {period: "2025"} → "/api/rankings?period=2025" (empty values left out). */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function send(url: string, init: RequestInit): Promise<Response> {
  const token = session.accessToken;
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  try {
    return await fetch(url, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'network error');
  }
}

/** Sends a request with the session's token; on a 401, refreshes once and tries again. */
export async function authorizedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  let response = await send(url, init);
  if (response.status === 401 && (await refreshSession())) response = await send(url, init);
  return response;
}

/** Calls the API and returns its JSON answer (undefined for 204); throws ApiError otherwise. */
export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal } = options;
  const init: RequestInit = { method, signal };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const response = await authorizedFetch(apiUrl(path, query), init);
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
