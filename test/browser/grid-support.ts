import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { tokenOf } from './support';

/** The quarter the app opens on (the current one, as the period picker defaults). */
export function currentQuarter(now = new Date()): string {
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

/** Today as the date pickers take it, dd/mm/yyyy, in Vietnam's time zone. */
export function todayVi(): string {
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date());
}

const tokens = new Map<string, string>();

/** A bearer token per user, signed in once per journey file (sign-ins are rate limited). */
async function bearerOf(request: APIRequestContext, username: string): Promise<string> {
  const known = tokens.get(username);
  if (known) return known;
  const token = await tokenOf(request, username);
  tokens.set(username, token);
  return token;
}

/** Calls the API as a user; returns the status and JSON body. */
export async function apiCall<T = any>(
  request: APIRequestContext,
  username: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await request.fetch(path, {
    method,
    headers: { authorization: await bearerOf(request, username) },
    data,
  });
  const text = await response.text();
  return { status: response.status(), body: (text ? JSON.parse(text) : undefined) as T };
}

export interface Person {
  id: number;
  employeeCode: string;
  fullName: string;
  unitId: number | null;
}

/** The agency of a demo user. */
export async function agencyOf(request: APIRequestContext, username: string): Promise<number> {
  const { body } = await apiCall(request, username, 'GET', '/api/auth/me');
  return body.agencyId;
}

/** A cell of the evaluation grid by person and column id (criterion code, total, grade…). */
export function gridCell(page: Page, personId: number, column: string) {
  return page.locator(`.ag-row[row-id="${personId}"] .ag-cell[col-id="${column}"]`);
}

/** The person's evaluation of the quarter, read through the API. */
export async function evaluationOf(
  request: APIRequestContext,
  personId: number,
  period: string,
  subjectType = 'person',
) {
  const { body } = await apiCall<{ items: any[] }>(
    request,
    'admin',
    'GET',
    `/api/evaluations?subjectType=${subjectType}&subjectId=${personId}&period=${period}`,
  );
  return body.items[0] ?? null;
}

export function valuesOf(evaluation: { items: { code: string; value: unknown }[] }) {
  return Object.fromEntries(evaluation.items.map((i) => [i.code, i.value]));
}

/** Waits until the grid shows its rows. */
export async function openGrid(page: Page, query: string) {
  await page.goto(`/evaluations?${query}`);
  await expect(page.locator('.ag-row').first()).toBeVisible({ timeout: 90_000 });
}

/**
 * A new unit of the HR officer's agency with `count` new people, named so that the grid lists
 * them in order: a journey's own rows, untouched by the demo and by other journeys.
 */
export async function freshUnit(
  request: APIRequestContext,
  agencyId: number,
  count: number,
  label: string,
): Promise<{ unitId: number; unitName: string; people: Person[] }> {
  const stamp = `${label}${Date.now().toString(36)}`.toUpperCase().slice(-20);
  const unit = await apiCall(request, 'hr.stc', 'POST', `/api/agencies/${agencyId}/units`, {
    code: stamp,
    name: `Tổ kiểm thử ${stamp}`,
  });
  expect(unit.status).toBe(201);
  const people: Person[] = [];
  for (let i = 1; i <= count; i += 1) {
    const created = await apiCall<Person>(request, 'hr.stc', 'POST', '/api/people', {
      employeeCode: `${stamp}-${i}`,
      fullName: `Thử Nghiệm ${stamp} ${i}`,
      category: 'civil_servant',
      agencyId,
      unitId: unit.body.id,
    });
    expect(created.status).toBe(201);
    people.push(created.body);
  }
  return { unitId: unit.body.id, unitName: `Tổ kiểm thử ${stamp}`, people };
}
