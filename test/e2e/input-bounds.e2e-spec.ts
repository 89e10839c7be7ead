import { CLOCK, type Clock } from '@app/core';
import {
  callersOf,
  publishSet,
  workedExampleSet,
  type Caller,
} from '../support/evaluation-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World, WorldUser } from '../support/world';

// The smaller holes of issue 10 (item 6): paging bounds, decimal ids, text that is not plain text,
// evaluations of quarters to come, and the audit record of a partial edit.

/** The quarter after the one `date` falls in (UTC is close enough a whole quarter ahead). */
function nextQuarter(date: Date): { key: string; start: Date } {
  const index = Math.floor(date.getUTCMonth() / 3) + 1;
  const year = index === 4 ? date.getUTCFullYear() + 1 : date.getUTCFullYear();
  const next = index === 4 ? 1 : index + 1;
  return { key: `${year}-Q${next}`, start: new Date(Date.UTC(year, (next - 1) * 3, 1, 12)) };
}

describe('input bounds', () => {
  let t: TestApp;
  let w: World;
  let as: Record<WorldUser, Caller>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    as = callersOf(t, w);
    await publishSet(t, w.tokens.admin, workedExampleSet('IB-CN', 'person'));
  });
  afterAll(() => t.close());

  const listRoutes = [
    '/api/people',
    '/api/agencies',
    '/api/users',
    '/api/audit',
    '/api/evaluations',
    '/api/periods',
    '/api/rollups/runs',
  ];

  it.each(
    listRoutes.flatMap((route) =>
      ['offset=1e300', 'offset=0x10', 'limit=0x10', 'offset=-1'].map((q) => [route, q]),
    ),
  )('%s?%s answers 400 VALIDATION_FAILED', async (route, query) => {
    const response = await as.admin.get(`${route}?${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('still reads decimal paging, up to the largest whole number', async () => {
    const response = await as.admin.get('/api/people?limit=1&offset=2147483647');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ items: [], limit: 1, offset: 2147483647 });
  });

  it.each([
    ['/api/people?agencyId=0x1', 'agencyId'],
    ['/api/people?agencyId=1e0', 'agencyId'],
    ['/api/evaluations?subjectId=%201', 'subjectId'],
    ['/api/users?agencyId=99999999999', 'agencyId'],
  ])('reads ids in query strings as decimal digits only: %s', async (path, field) => {
    const response = await as.admin.get(path);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain(field);
  });

  it('reads ids in paths as decimal digits only', async () => {
    const hex = await as.admin.get(`/api/people/0x${w.personA.id.toString(16)}`);
    expect(hex.status).toBe(400);
    expect((await as.admin.get(`/api/people/${w.personA.id}`)).status).toBe(200);
  });

  it.each([
    ['a NUL', 'Nguyễn\u0000Văn'],
    ['a right-to-left override', '\u202EnaV nềyugN'],
    ['a bidi isolate', 'Nguyễn \u2066Văn\u2069'],
    ['an escape', 'Nguyễn\u001b[31mVăn'],
  ])('refuses a name with %s, and writes nothing', async (_what, fullName) => {
    const before = await as.admin.get(`/api/people/${w.personA.id}`);
    const response = await as.admin.patch(`/api/people/${w.personA.id}`, { fullName });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'fullName' })],
    });
    expect((await as.admin.get(`/api/people/${w.personA.id}`)).body).toEqual(before.body);
    const created = await as.admin.post('/api/agencies', { code: 'NUL1', name: fullName });
    expect(created.status).toBe(400);
    expect((await as.admin.get('/api/agencies?q=NUL1')).body.items ?? []).toEqual([]);
  });

  it('refuses control characters in nested text and in query strings', async () => {
    const query = await as.admin.get('/api/people?q=%E2%80%AEabc');
    expect(query.status).toBe(400);
    expect(JSON.stringify(query.body.details)).toContain('q');
  });

  it('keeps line breaks and Vietnamese letters', async () => {
    const response = await as.admin.patch(`/api/people/${w.personA.id}`, {
      position: 'Phó Giám đốc',
    });
    expect(response.status).toBe(200);
  });

  it('records what was stored when a person is edited in part', async () => {
    const person = (await as.admin.get(`/api/people/${w.personA.id}`)).body;
    const response = await as.admin.patch(`/api/people/${w.personA.id}`, {
      position: 'Chuyên viên chính',
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...person, position: 'Chuyên viên chính' });
    const audit = await as.admin.get(`/api/audit?entity=person&entityId=${w.personA.id}&limit=1`);
    const [record] = audit.body.items;
    expect(record.after).toEqual(
      expect.objectContaining({
        fullName: person.fullName,
        employeeCode: person.employeeCode,
        agencyId: person.agencyId,
        unitId: person.unitId,
        position: 'Chuyên viên chính',
      }),
    );
  });

  describe('evaluations of quarters to come', () => {
    let clock: Clock;
    const realNow = () => new Date();

    beforeAll(() => {
      clock = t.app.get<Clock>(CLOCK);
    });
    afterEach(() => {
      clock.now = realNow;
    });

    const create = (period: string) =>
      as.hrA.post('/api/evaluations', {
        subjectType: 'person',
        subjectId: w.personA.id,
        period,
        values: {},
      });

    it('refuses 2099 and the next quarter with 400, and writes nothing', async () => {
      const next = nextQuarter(new Date());
      for (const period of ['2099-Q4', next.key]) {
        const response = await create(period);
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({
          code: 'VALIDATION_FAILED',
          details: [expect.objectContaining({ field: 'period' })],
        });
        expect((await as.admin.get(`/api/evaluations?period=${period}`)).body.total).toBe(0);
      }
    });

    it('accepts the next quarter once the clock says it has begun', async () => {
      const next = nextQuarter(new Date());
      clock.now = () => next.start;
      const response = await create(next.key);
      expect(response.status).toBe(201);
      expect(response.body.period).toBe(next.key);
    });
  });

  // The body limits promise these sizes (json-body-limits.ts); MariaDB's TEXT holds 64 KB only.
  describe('the largest texts the API accepts are stored whole', () => {
    const wide = (letters: number) => 'Ứ'.repeat(letters); // three bytes a letter in UTF-8

    it('keeps a set of 200 criteria with names of 500 letters', async () => {
      const body = {
        code: 'IB-WIDE',
        name: 'Bộ tiêu chí rộng',
        target: 'agency',
        thresholds: { A: 90, B: 75, C: 50 },
        criteria: Array.from({ length: 200 }, (_, i) => ({
          code: `W${i + 1}`,
          name: wide(500),
          group: wide(100),
          kind: 'boolean',
          maxPoints: 1,
        })),
      };
      const created = await as.admin.post('/api/criteria-sets', body);
      expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
      const read = await as.admin.get(`/api/criteria-sets/${created.body.id}`);
      expect(read.body.criteria).toHaveLength(200);
      expect(read.body.criteria[199]).toMatchObject({ code: 'W200', name: wide(500) });
    });

    it('keeps a note of 2,000 letters on each of 40 criteria', async () => {
      const setId = await publishSet(t, w.tokens.admin, {
        code: 'IB-NOTES',
        name: 'Bộ tiêu chí ghi chú',
        target: 'agency',
        thresholds: { A: 90, B: 75, C: 50 },
        criteria: Array.from({ length: 40 }, (_, i) => ({
          code: `N${i + 1}`,
          name: `Tiêu chí ${i + 1}`,
          kind: 'boolean',
          maxPoints: 1,
        })),
      });
      expect(setId).toBeGreaterThan(0);
      const notes = Object.fromEntries(
        Array.from({ length: 40 }, (_, i) => [`N${i + 1}`, wide(2000)]),
      );
      const created = await as.inspector.post('/api/evaluations', {
        subjectType: 'agency',
        subjectId: w.agencyA.id,
        period: '2025-Q1',
        values: {},
        notes,
      });
      expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
      const read = await as.admin.get(`/api/evaluations/${created.body.id}`);
      expect(read.body.items.find((i: { code: string }) => i.code === 'N40').note).toBe(wide(2000));
    });

    it('keeps three inspection texts of 20,000 letters', async () => {
      const text = wide(20_000);
      const created = await as.inspector.post('/api/inspections', {
        agencyId: w.agencyA.id,
        visitedOn: '2025-05-10',
        leader: 'Nguyễn Văn Trưởng',
        members: [],
        strengths: text,
        shortcomings: text,
        recommendations: text,
      });
      expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
      const read = await as.admin.get(`/api/inspections/${created.body.id}`);
      expect(read.body).toMatchObject({ strengths: text, recommendations: text });
    });
  });
});
