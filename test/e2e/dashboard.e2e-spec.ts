import { RollupsService } from '@app/rollups';
import { insertEvaluations, insertPeople, type DirectEvaluation } from '../support/direct-rows';
import { callersOf, publishSet, type Caller } from '../support/evaluation-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World, type WorldUser } from '../support/world';

/**
 * The dashboards of UI.md §3: the department head's `Tổng quan` (rank over eight quarters,
 * grades and coverage by unit, the waiting count) and the administrator's `Tổng quan thành phố`
 * (agencies by average total, coverage by agency and quarter). Data written straight into the
 * tables, so that every figure below is known.
 */
describe('dashboards (UI.md §3)', () => {
  let t: TestApp;
  let w: World;
  let as: Record<WorldUser, Caller>;
  let unitA2: number;
  let emptyUnit: number;
  let agencyC: number;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    as = callersOf(t, w);
    const admin = w.tokens.admin;
    const personSet = await publishSet(t, admin, {
      code: 'DASH-P',
      name: 'Bộ tiêu chí cá nhân',
      target: 'person',
      criteria: [{ code: 'S', name: 'Điểm', kind: 'score', maxPoints: 100 }],
    });
    const agencySet = await publishSet(t, admin, {
      code: 'DASH-A',
      name: 'Bộ tiêu chí cơ quan',
      target: 'agency',
      criteria: [{ code: 'S', name: 'Điểm', kind: 'score', maxPoints: 100 }],
    });
    const created = async (path: string, body: object) =>
      (await as.admin.post(path, body)).body.id as number;
    unitA2 = await created(`/api/agencies/${w.agencyA.id}/units`, {
      code: 'VP',
      name: 'Văn phòng',
    });
    emptyUnit = await created(`/api/agencies/${w.agencyA.id}/units`, {
      code: 'TTRA',
      name: 'Thanh tra',
    });
    agencyC = await created('/api/agencies', { code: 'DASHC', name: 'Sở Xây dựng thử' });

    const person = (agencyId: number, unitId: number | null) => ({
      fullName: 'Lê Văn Thử',
      agencyId,
      unitId,
      category: 'civil_servant',
    });
    // Agency A: personA and four more in unit A, three in A2, one without a unit (9 people).
    const inUnitA = await insertPeople(
      t.dataSource,
      Array.from({ length: 4 }, () => person(w.agencyA.id, w.unitA.id)),
      'DASH-UA-',
    );
    const inUnitA2 = await insertPeople(
      t.dataSource,
      Array.from({ length: 3 }, () => person(w.agencyA.id, unitA2)),
      'DASH-UA2-',
    );
    const [withoutUnit] = await insertPeople(
      t.dataSource,
      [person(w.agencyA.id, null)],
      'DASH-NU-',
    );
    const inB = await insertPeople(t.dataSource, [person(w.agencyB.id, w.unitB.id)], 'DASH-B-');
    const [inC] = await insertPeople(t.dataSource, [person(agencyC, null)], 'DASH-C-');

    const personEvaluation = (
      subjectId: number,
      agencyId: number,
      unitId: number | null,
      period: string,
      total: number,
      grade: string,
      status = 'approved',
    ): DirectEvaluation => ({
      subjectType: 'person',
      subjectId,
      agencyId,
      unitId,
      period,
      criteriaSetId: personSet,
      total,
      grade,
      disqualified: false,
      status,
    });
    const unitA = w.unitA.id;
    const rows: DirectEvaluation[] = [
      // 2025-Q2, unit A: three approved (A, B, C), one submitted, personA not evaluated.
      personEvaluation(inUnitA[0], w.agencyA.id, unitA, '2025-Q2', 95, 'A'),
      personEvaluation(inUnitA[1], w.agencyA.id, unitA, '2025-Q2', 80, 'B'),
      personEvaluation(inUnitA[2], w.agencyA.id, unitA, '2025-Q2', 60, 'C'),
      personEvaluation(inUnitA[3], w.agencyA.id, unitA, '2025-Q2', 70, 'C', 'submitted'),
      // Unit A2: approved A and D, one draft.
      personEvaluation(inUnitA2[0], w.agencyA.id, unitA2, '2025-Q2', 92, 'A'),
      personEvaluation(inUnitA2[1], w.agencyA.id, unitA2, '2025-Q2', 40, 'D'),
      personEvaluation(inUnitA2[2], w.agencyA.id, unitA2, '2025-Q2', 50, 'C', 'draft'),
      // Without a unit: returned.
      personEvaluation(withoutUnit, w.agencyA.id, null, '2025-Q2', 88, 'B', 'returned'),
      // Waiting in another open quarter, and in a quarter closed below.
      personEvaluation(inUnitA[0], w.agencyA.id, unitA, '2025-Q1', 90, 'A', 'submitted'),
      personEvaluation(inUnitA[1], w.agencyA.id, unitA, '2024-Q4', 90, 'A', 'submitted'),
      // Agency B waits too: never counted for A.
      personEvaluation(inB[0], w.agencyB.id, w.unitB.id, '2025-Q2', 70, 'C', 'submitted'),
      // Agency B: 90 and 85 → 87.50; C: 73.40, A's mean (95+80+60+92+40)/5 exactly.
      personEvaluation(w.personB.id, w.agencyB.id, w.unitB.id, '2025-Q2', 90, 'A'),
      personEvaluation(inC, agencyC, null, '2025-Q2', 73.4, 'C'),
    ];
    // B's second approved person, in unit B.
    const [secondB] = await insertPeople(
      t.dataSource,
      [person(w.agencyB.id, w.unitB.id)],
      'DASH-B2-',
    );
    rows.push(personEvaluation(secondB, w.agencyB.id, w.unitB.id, '2025-Q2', 85, 'B'));
    // Agency evaluations: A second in 2024-Q3 and 2024-Q4, first from 2025-Q1; not ranked before.
    const agencyTotals: Record<string, [number, number]> = {
      '2024-Q3': [80, 90],
      '2024-Q4': [82, 91],
      '2025-Q1': [95, 85],
      '2025-Q2': [96, 80],
    };
    for (const [period, [a, b]] of Object.entries(agencyTotals)) {
      for (const [agencyId, total] of [
        [w.agencyA.id, a],
        [w.agencyB.id, b],
      ]) {
        rows.push({
          subjectType: 'agency',
          subjectId: agencyId,
          agencyId,
          unitId: null,
          period,
          criteriaSetId: agencySet,
          total,
          grade: total >= 90 ? 'A' : 'B',
          disqualified: false,
        });
      }
    }
    await insertEvaluations(t.dataSource, rows);
    expect((await as.admin.post('/api/periods/2024-Q4/close')).status).toBe(200);
    expect((await as.admin.post('/api/rollups', { period: '2025-H1' })).status).toBe(202);
    await t.app.get(RollupsService).idle();
  });
  afterAll(() => t.close());

  describe('GET /dashboard/agency', () => {
    it("gives the department head its agency's quarter: rank line, grades and coverage by unit, waiting", async () => {
      const response = await as.headA.get('/api/dashboard/agency?period=2025-Q2');
      expect(response.status).toBe(200);
      const body = response.body;
      expect(body.period).toBe('2025-Q2');
      expect(body.agency).toMatchObject({ id: w.agencyA.id, name: 'Sở Tài chính thử' });
      expect(body.rankTrend).toEqual([
        { period: '2023-Q3', rank: null, rankedOf: null, total: null, grade: null },
        { period: '2023-Q4', rank: null, rankedOf: null, total: null, grade: null },
        { period: '2024-Q1', rank: null, rankedOf: null, total: null, grade: null },
        { period: '2024-Q2', rank: null, rankedOf: null, total: null, grade: null },
        { period: '2024-Q3', rank: 2, rankedOf: 2, total: 80, grade: 'B' },
        { period: '2024-Q4', rank: 2, rankedOf: 2, total: 82, grade: 'B' },
        { period: '2025-Q1', rank: 1, rankedOf: 2, total: 95, grade: 'A' },
        { period: '2025-Q2', rank: 1, rankedOf: 2, total: 96, grade: 'A' },
      ]);
      expect(body.units).toEqual([
        {
          unitId: w.unitA.id,
          name: 'Bộ phận một cửa',
          parentId: null,
          headcount: 5,
          evaluated: 4,
          approved: 3,
          evaluatedShare: 80,
          approvedShare: 60,
          grades: { A: 1, B: 1, C: 1, D: 0 },
        },
        {
          unitId: emptyUnit,
          name: 'Thanh tra',
          parentId: null,
          headcount: 0,
          evaluated: 0,
          approved: 0,
          evaluatedShare: null,
          approvedShare: null,
          grades: { A: 0, B: 0, C: 0, D: 0 },
        },
        {
          unitId: unitA2,
          name: 'Văn phòng',
          parentId: null,
          headcount: 3,
          evaluated: 3,
          approved: 2,
          evaluatedShare: 100,
          approvedShare: 66.7,
          grades: { A: 1, B: 0, C: 0, D: 1 },
        },
        {
          unitId: null,
          name: null,
          parentId: null,
          headcount: 1,
          evaluated: 1,
          approved: 0,
          evaluatedShare: 100,
          approvedShare: 0,
          grades: { A: 0, B: 0, C: 0, D: 0 },
        },
      ]);
      expect(body.totals).toEqual({
        headcount: 9,
        evaluated: 8,
        approved: 5,
        evaluatedShare: 88.9,
        approvedShare: 55.6,
        grades: { A: 2, B: 1, C: 1, D: 1 },
      });
      // Q2's one, plus Q1's (open); 2024-Q4 is closed; agency B's never.
      expect(body.waitingForApproval).toEqual({ period: 1, openPeriods: 2 });
    });

    it('counts a closed quarter’s submissions for that quarter, not among the open ones', async () => {
      const response = await as.headA.get('/api/dashboard/agency?period=2024-Q4');
      expect(response.body.waitingForApproval).toEqual({ period: 1, openPeriods: 2 });
      expect(response.body.totals).toMatchObject({ evaluated: 1, approved: 0 });
    });

    it('follows an approval at once', async () => {
      const [{ id }] = (await t.dataSource.query(
        "SELECT id FROM evaluations WHERE period = '2025-Q2' AND agency_id = ? AND status = 'submitted'",
        [w.agencyA.id],
      )) as { id: number }[];
      const approved = await as.headA.post(`/api/evaluations/${id}/approve`);
      expect(approved.status).toBe(200);
      const body = (await as.headA.get('/api/dashboard/agency?period=2025-Q2')).body;
      expect(body.waitingForApproval).toEqual({ period: 0, openPeriods: 1 });
      expect(body.units[0]).toMatchObject({ approved: 4, grades: { A: 1, B: 1, C: 2, D: 0 } });
      expect(body.totals).toMatchObject({ approved: 6, approvedShare: 66.7 });
    });

    it('lets city-wide callers name any agency, and requires them to', async () => {
      const b = await as.inspector.get(
        `/api/dashboard/agency?period=2025-Q2&agencyId=${w.agencyB.id}`,
      );
      expect(b.status).toBe(200);
      expect(b.body.agency.id).toBe(w.agencyB.id);
      expect(b.body.rankTrend.at(-1)).toMatchObject({ rank: 2, rankedOf: 2, total: 80 });
      expect(b.body.waitingForApproval).toEqual({ period: 1, openPeriods: 1 });
      const missing = await as.admin.get('/api/dashboard/agency?period=2025-Q2');
      expect(missing.status).toBe(400);
      expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(missing.body.details).toEqual([expect.objectContaining({ field: 'agencyId' })]);
    });

    it.each([
      ['a half', 'period=2025-H1', 400],
      ['a year', 'period=2025', 400],
      ['a bad key', 'period=2025-Q5', 400],
      ['a year out of range', 'period=1999-Q1', 400],
      ['no period', '', 400],
      ['an unknown field', 'period=2025-Q2&unit=1', 400],
      ['an unknown agency', 'period=2025-Q2&agencyId=999999', 404],
      ['a bad agency id', 'period=2025-Q2&agencyId=abc', 400],
    ])('refuses %s with %i', async (_what, query, status) => {
      const response = await as.admin.get(`/api/dashboard/agency?${query}`);
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({ statusCode: status, code: expect.any(String) });
    });
  });

  describe('GET /dashboard/city/agencies', () => {
    it('ranks agencies by the average total of their people, ties sharing a rank, paged', async () => {
      const all = await as.admin.get('/api/dashboard/city/agencies?period=2025-Q2');
      expect(all.status).toBe(200);
      // A's approved people now: 95, 80, 60, 70 (approved above), 92, 40 → 437/6 = 72.83.
      expect(all.body).toEqual({
        period: '2025-Q2',
        total: 3,
        limit: 50,
        offset: 0,
        items: [
          expect.objectContaining({
            rank: 1,
            agencyId: w.agencyB.id,
            averageTotal: 87.5,
            people: 2,
          }),
          expect.objectContaining({ rank: 2, agencyId: agencyC, averageTotal: 73.4, people: 1 }),
          expect.objectContaining({
            rank: 3,
            agencyId: w.agencyA.id,
            name: 'Sở Tài chính thử',
            averageTotal: 72.83,
            people: 6,
          }),
        ],
      });
      const page = await as.inspector.get(
        '/api/dashboard/city/agencies?period=2025-Q2&limit=1&offset=1',
      );
      expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
      expect(page.body.items.map((i: { agencyId: number }) => i.agencyId)).toEqual([agencyC]);
      const past = await as.admin.get('/api/dashboard/city/agencies?period=2025-Q2&offset=10');
      expect(past.body).toMatchObject({ total: 3, items: [] });
    });

    it('reads a half from the roll-ups', async () => {
      const half = await as.nominatorCity.get('/api/dashboard/city/agencies?period=2025-H1');
      expect(half.status).toBe(200);
      // The roll-up ran before the approval above: A's mean of 95, 80, 60, 92, 40 is 73.40 and
      // ties with C's 73.40; ties go by name.
      expect(
        half.body.items.map((i: { rank: number; agencyId: number }) => [i.rank, i.agencyId]),
      ).toEqual([
        [1, w.agencyB.id],
        [2, w.agencyA.id],
        [2, agencyC],
      ]);
      expect(half.body.items[1].averageTotal).toBe(73.4);
    });

    it.each([
      ['no period', '', 400],
      ['a bad period', 'period=2025-H3', 400],
      ['a limit above 500', 'period=2025&limit=501', 400],
      ['a negative offset', 'period=2025&offset=-1', 400],
    ])('refuses %s', async (_what, query, status) => {
      const response = await as.admin.get(`/api/dashboard/city/agencies?${query}`);
      expect(response.status).toBe(status);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('GET /dashboard/city/coverage', () => {
    it('gives every active agency × the four quarters of the year, as shares of headcount', async () => {
      const response = await as.admin.get('/api/dashboard/city/coverage?period=2025-H1');
      expect(response.status).toBe(200);
      const body = response.body;
      expect(body).toMatchObject({
        period: '2025-H1',
        year: 2025,
        quarters: ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'],
      });
      expect(body.items.map((i: { agencyId: number }) => i.agencyId)).toEqual([
        w.agencyB.id,
        w.agencyA.id,
        agencyC,
      ]);
      const a = body.items.find((i: { agencyId: number }) => i.agencyId === w.agencyA.id);
      expect(a).toEqual({
        agencyId: w.agencyA.id,
        code: w.agencyA.code,
        name: 'Sở Tài chính thử',
        shortName: null,
        headcount: 9,
        quarters: [
          { period: '2025-Q1', evaluated: 1, approved: 0, evaluatedShare: 11.1, approvedShare: 0 },
          {
            period: '2025-Q2',
            evaluated: 8,
            approved: 6,
            evaluatedShare: 88.9,
            approvedShare: 66.7,
          },
          { period: '2025-Q3', evaluated: 0, approved: 0, evaluatedShare: 0, approvedShare: 0 },
          { period: '2025-Q4', evaluated: 0, approved: 0, evaluatedShare: 0, approvedShare: 0 },
        ],
      });
    });

    it('leaves out a deactivated agency', async () => {
      const emptyAgency = (
        await as.admin.post('/api/agencies', { code: 'DASHE', name: 'Sở Trống' })
      ).body.id as number;
      let body = (await as.admin.get('/api/dashboard/city/coverage?period=2025')).body;
      expect(
        body.items.find((i: { agencyId: number }) => i.agencyId === emptyAgency),
      ).toMatchObject({
        headcount: 0,
        quarters: expect.arrayContaining([
          {
            period: '2025-Q2',
            evaluated: 0,
            approved: 0,
            evaluatedShare: null,
            approvedShare: null,
          },
        ]),
      });
      expect((await as.admin.patch(`/api/agencies/${emptyAgency}`, { active: false })).status).toBe(
        200,
      );
      body = (await as.admin.get('/api/dashboard/city/coverage?period=2025')).body;
      expect(body.items.map((i: { agencyId: number }) => i.agencyId)).not.toContain(emptyAgency);
    });
  });
});
