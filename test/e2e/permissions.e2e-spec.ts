import { publishSet, workedExampleSet } from '../support/evaluation-fixtures';
import { checkRoute, matrixRows, RouteCase } from '../support/permission-matrix';
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World } from '../support/world';

/**
 * The role × scope matrix of the organisation and dashboard routes (SPEC §2), and of the
 * evaluation import and its agency template: each role,
 * own agency (A) and other agency (B). Feature e2e files hold their own rows.
 */
const everyone = {
  admin: 200,
  hrA: 200,
  headA: 200,
  nominatorA: 200,
  nominatorCity: 200,
  inspector: 200,
  hrB: 200,
  headB: 200,
};
const readersOfA = {
  admin: 200,
  hrA: 200,
  headA: 200,
  nominatorA: 200,
  nominatorCity: 200,
  inspector: 200,
};

const cityWide = { admin: 200, nominatorCity: 200, inspector: 200 };
let codeOfPersonA = '';

const routes: RouteCase[] = [
  { name: 'GET /auth/me', method: 'get', path: () => '/api/auth/me', allowed: everyone },
  { name: 'GET /agencies', method: 'get', path: () => '/api/agencies', allowed: everyone },
  {
    name: 'GET /agencies/:id',
    method: 'get',
    path: (w) => `/api/agencies/${w.agencyA.id}`,
    allowed: everyone,
  },
  {
    name: 'POST /agencies',
    method: 'post',
    path: () => '/api/agencies',
    body: (_w, n) => ({ code: `PM${n}`, name: `Cơ quan ${n}` }),
    allowed: { admin: 201 },
    snapshot: () => '/api/agencies?limit=500',
  },
  {
    name: 'PATCH /agencies/:id',
    method: 'patch',
    path: (w) => `/api/agencies/${w.agencyA.id}`,
    body: () => ({ shortName: 'Đổi' }),
    allowed: { admin: 200 },
    snapshot: (w) => `/api/agencies/${w.agencyA.id}`,
  },
  {
    name: 'GET /agencies/:id/units',
    method: 'get',
    path: (w) => `/api/agencies/${w.agencyA.id}/units`,
    allowed: readersOfA,
  },
  {
    name: 'GET /agencies/:id/units/tree',
    method: 'get',
    path: (w) => `/api/agencies/${w.agencyA.id}/units/tree`,
    allowed: readersOfA,
  },
  {
    name: 'POST /agencies/:id/units',
    method: 'post',
    path: (w) => `/api/agencies/${w.agencyA.id}/units`,
    body: (_w, n) => ({ code: `U${n}`, name: `Phòng ${n}` }),
    allowed: { admin: 201, hrA: 201 },
    snapshot: (w) => `/api/agencies/${w.agencyA.id}/units?limit=500`,
  },
  {
    name: 'PATCH /agencies/:id/units/:unitId',
    method: 'patch',
    path: (w) => `/api/agencies/${w.agencyA.id}/units/${w.unitA.id}`,
    body: () => ({ name: 'Bộ phận một cửa liên thông' }),
    allowed: { admin: 200, hrA: 200 },
    snapshot: (w) => `/api/agencies/${w.agencyA.id}/units?limit=500`,
  },
  {
    name: 'GET /people',
    method: 'get',
    path: (w) => `/api/people?agencyId=${w.agencyA.id}`,
    allowed: readersOfA,
  },
  {
    name: 'GET /people/:id',
    method: 'get',
    path: (w) => `/api/people/${w.personA.id}`,
    allowed: readersOfA,
  },
  {
    name: 'POST /people',
    method: 'post',
    path: () => '/api/people',
    body: (w, n) => ({
      employeeCode: `PM-${n}`,
      fullName: 'Phạm Văn Mới',
      category: 'worker',
      agencyId: w.agencyA.id,
    }),
    allowed: { admin: 201, hrA: 201 },
    snapshot: (w) => `/api/people?agencyId=${w.agencyA.id}&limit=500`,
  },
  {
    name: 'PATCH /people/:id',
    method: 'patch',
    path: (w) => `/api/people/${w.personA.id}`,
    body: () => ({ position: 'Chuyên viên chính' }),
    allowed: { admin: 200, hrA: 200 },
    snapshot: (w) => `/api/people/${w.personA.id}`,
  },
  {
    name: 'POST /people/:id/transfer',
    method: 'post',
    path: (w) => `/api/people/${w.personA.id}/transfer`,
    body: (w) => ({ agencyId: w.agencyA.id, unitId: w.unitA.id }),
    allowed: { admin: 200, hrA: 200 },
    snapshot: (w) => `/api/people/${w.personA.id}`,
  },
  { name: 'GET /users', method: 'get', path: () => '/api/users', allowed: { admin: 200 } },
  {
    name: 'POST /users',
    method: 'post',
    path: () => '/api/users',
    body: (_w, n) => ({ username: `pm.user${n}`, password: 'long-enough-pass', role: 'inspector' }),
    allowed: { admin: 201 },
    snapshot: () => '/api/users?limit=500',
  },
  { name: 'GET /audit', method: 'get', path: () => '/api/audit', allowed: { admin: 200 } },
  {
    name: 'GET /dashboard/agency',
    method: 'get',
    path: (w) => `/api/dashboard/agency?period=2025-Q2&agencyId=${w.agencyA.id}`,
    allowed: readersOfA,
  },
  {
    name: 'GET /dashboard/city/agencies',
    method: 'get',
    path: () => '/api/dashboard/city/agencies?period=2025',
    allowed: cityWide,
  },
  {
    name: 'GET /dashboard/city/coverage',
    method: 'get',
    path: () => '/api/dashboard/city/coverage?period=2025-Q1',
    allowed: cityWide,
  },
  {
    // Every agency's values, drafts included: only the editors of agency evaluations.
    name: 'GET /evaluations/import-template?subjectType=agency',
    method: 'get',
    path: () => '/api/evaluations/import-template?period=2025-Q1&subjectType=agency',
    allowed: { admin: 200, inspector: 200 },
  },
  {
    // Agency B's officer learns nothing of A's people: the code reads as unknown (422).
    name: 'POST /evaluations/import (a person of agency A)',
    method: 'post',
    path: () => '/api/evaluations/import?period=2025-Q1',
    upload: () => ({ name: 'phieu.csv', content: `employeeCode,A1\n${codeOfPersonA},true\n` }),
    allowed: { admin: 200, hrA: 200, hrB: 422 },
    snapshot: (w) => `/api/evaluations?agencyId=${w.agencyA.id}&period=2025-Q1`,
  },
];

describe('permission matrix: organisation, users, audit, dashboards', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    await publishSet(t, w.tokens.admin, workedExampleSet('PM-PERSON'));
    await publishSet(t, w.tokens.admin, workedExampleSet('PM-AGENCY', 'agency'));
    codeOfPersonA = (
      await t.http().get(`/api/people/${w.personA.id}`).set('Authorization', w.tokens.admin)
    ).body.employeeCode;
  });
  afterAll(() => t.close());

  it.each(matrixRows(routes))('%s as %s → %i', async (_name, user, expected, route) => {
    await checkRoute(t, w, route, user, expected);
  });

  it('refuses every protected route without a token', async () => {
    for (const route of routes) {
      const response = await t.http()[route.method](route.path(w));
      expect(response.status).toBe(401);
    }
  });
});
