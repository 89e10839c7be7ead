import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { signIn, tokenOf } from './support';

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

/**
 * Units of an agency with their active people in the grid's order, each marked whether they
 * already have an evaluation of the quarter: journeys pick people no one has touched.
 */
export async function peopleByUnit(request: APIRequestContext, agencyId: number, period: string) {
  const people = (
    await apiCall<{ items: Person[] }>(
      request,
      'admin',
      'GET',
      `/api/people?agencyId=${agencyId}&active=true&limit=500`,
    )
  ).body.items;
  const evaluated = new Set<number>();
  for (let offset = 0; ; offset += 500) {
    const page = (
      await apiCall<{ items: { subjectId: number }[]; total: number }>(
        request,
        'admin',
        'GET',
        `/api/evaluations?agencyId=${agencyId}&period=${period}&subjectType=person&limit=500&offset=${offset}`,
      )
    ).body;
    for (const e of page.items) evaluated.add(e.subjectId);
    if (offset + 500 >= page.total) break;
  }
  const units = new Map<number, { person: Person; untouched: boolean }[]>();
  for (const person of people) {
    if (person.unitId === null) continue;
    const list = units.get(person.unitId) ?? [];
    list.push({ person, untouched: !evaluated.has(person.id) });
    units.set(person.unitId, list);
  }
  return units;
}

/** `count` consecutive untouched people of one unit (the grid filtered by that unit). */
export async function consecutiveUntouched(
  request: APIRequestContext,
  agencyId: number,
  period: string,
  count: number,
  skip: readonly number[] = [],
): Promise<{ unitId: number; people: Person[]; index: number }> {
  for (const [unitId, rows] of await peopleByUnit(request, agencyId, period)) {
    for (let start = 0; start + count <= rows.length; start += 1) {
      const window = rows.slice(start, start + count);
      if (window.every((r) => r.untouched && !skip.includes(r.person.id)))
        return { unitId, people: window.map((r) => r.person), index: start };
    }
  }
  throw new Error(`no unit has ${count} untouched people in a row`);
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

/** Signs in through the login page and waits until the app shows the user. */
export async function signInAs(page: Page, username: string) {
  await signIn(page, username);
  await expect(page.getByRole('button', { name: `Tài khoản ${username}` })).toBeVisible();
}
