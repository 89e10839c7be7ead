import { EventEmitter2 } from '@nestjs/event-emitter';
import { checkRoute, RouteCase } from '../support/permission-matrix';
import {
  publishSet,
  WORKED_EXAMPLE_VALUES,
  workedExampleSet,
  callersOf,
  type Caller,
} from '../support/evaluation-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World, WorldUser } from '../support/world';

describe('evaluations', () => {
  let t: TestApp;
  let w: World;
  let as: Record<WorldUser, Caller>;
  const events: unknown[] = [];
  let quarter = 0;
  /** A quarter of its own for each test, so tests do not meet. */
  const nextQuarter = () => {
    const n = quarter++;
    return `${2010 + Math.floor(n / 4)}-Q${(n % 4) + 1}`;
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    as = callersOf(t, w);
    await publishSet(t, w.tokens.admin, workedExampleSet('VD-CN', 'person'));
    await publishSet(t, w.tokens.admin, workedExampleSet('VD-CQ', 'agency'));
    t.app.get(EventEmitter2).on('evaluation.changed', (payload: unknown) => events.push(payload));
  });
  afterAll(() => t.close());

  async function draftOfPersonA(period = nextQuarter(), values: object = WORKED_EXAMPLE_VALUES) {
    const response = await as.hrA.post('/api/evaluations', {
      subjectType: 'person',
      subjectId: w.personA.id,
      period,
      values,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  it('scores the SPEC §4 worked example: 93.00 A without incident, 88.00 C with one', async () => {
    const period = nextQuarter();
    const created = await draftOfPersonA(period);
    expect(created).toMatchObject({
      subjectType: 'person',
      subjectId: w.personA.id,
      agencyId: w.agencyA.id,
      unitId: w.unitA.id,
      period,
      status: 'draft',
      version: 1,
      total: 93,
      grade: 'A',
      disqualified: false,
      returnReason: null,
    });
    expect(
      created.items.map((i: { code: string; value: unknown; points: number }) => [
        i.code,
        i.value,
        i.points,
      ]),
    ).toEqual([
      ['A1', true, 10],
      ['A2', 60, 15],
      ['A3', 0, 15],
      ['A4', 50, 50],
      ['B1', 3, 3],
    ]);
    const month = (Number(period.slice(-1)) - 1) * 3 + 2;
    const day = `${period.slice(0, 4)}-${String(month).padStart(2, '0')}-10`;
    const incident = await as.hrA.post('/api/incidents', {
      subjectType: 'person',
      subjectId: w.personA.id,
      criterionCode: 'A3',
      occurredOn: day,
      note: 'Hút thuốc lá trong phòng làm việc',
    });
    expect(incident.status).toBe(201);
    const after = (await as.hrA.get(`/api/evaluations/${created.id}`)).body;
    expect(after).toMatchObject({ total: 88, grade: 'C', disqualified: true, version: 2 });
    expect(after.items.map((i: { points: number }) => i.points)).toEqual([10, 15, 10, 50, 3]);
    expect(typeof after.total).toBe('number');
  });

  it('runs draft → submitted → returned → submitted → approved → reopened, audited, with events', async () => {
    const draft = await draftOfPersonA();
    const submitted = await as.hrA.post(`/api/evaluations/${draft.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 2 });
    const noReason = await as.headA.post(`/api/evaluations/${draft.id}/return`, {});
    expect(noReason.status).toBe(400);
    const returned = await as.headA.post(`/api/evaluations/${draft.id}/return`, {
      reason: 'Thiếu minh chứng nhiệm vụ quý',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      returnReason: 'Thiếu minh chứng nhiệm vụ quý',
    });
    const edited = await as.hrA.patch(`/api/evaluations/${draft.id}`, {
      version: returned.body.version,
      values: { A2: 80 },
      notes: { A2: 'Đã bổ sung minh chứng: hồ sơ đúng hạn 80%' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.total).toBe(98);
    expect(edited.body.items[1].note).toBe('Đã bổ sung minh chứng: hồ sơ đúng hạn 80%');
    expect((await as.hrA.post(`/api/evaluations/${draft.id}/submit`)).status).toBe(200);
    events.length = 0;
    const approved = await as.headA.post(`/api/evaluations/${draft.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedAt: expect.any(String) });
    expect(events).toEqual([
      {
        period: draft.period,
        subjectType: 'person',
        agencyId: w.agencyA.id,
        subjectId: draft.subjectId,
      },
    ]);
    const readOnly = await as.hrA.patch(`/api/evaluations/${draft.id}`, {
      version: approved.body.version,
      values: { A4: 10 },
    });
    expect(readOnly.status).toBe(409);
    expect(readOnly.body.code).toBe('INVALID_TRANSITION');
    expect(
      (await as.headA.post(`/api/evaluations/${draft.id}/reopen`, { reason: 'x' })).status,
    ).toBe(403);
    const reopened = await as.admin.post(`/api/evaluations/${draft.id}/reopen`, {
      reason: 'Phát hiện sai sót sau phê duyệt',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      status: 'returned',
      returnReason: 'Phát hiện sai sót sau phê duyệt',
    });
    expect(events).toHaveLength(2);
    const audit = await as.admin.get(`/api/audit?entity=evaluation&entityId=${draft.id}&limit=100`);
    expect(audit.status).toBe(200);
    const actions = audit.body.items.map((r: { action: string }) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['create', 'submit', 'return', 'update', 'approve', 'reopen']),
    );
  });

  it.each([
    ['approve a draft', 'approve', {}],
    ['return a draft', 'return', { reason: 'Không hợp lệ' }],
    ['reopen a draft', 'reopen', { reason: 'Không hợp lệ' }],
  ])('refuses to %s with 409 INVALID_TRANSITION', async (_name, action, body) => {
    const draft = await draftOfPersonA();
    const actor = action === 'reopen' ? as.admin : as.headA;
    const response = await actor.post(`/api/evaluations/${draft.id}/${action}`, body);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('INVALID_TRANSITION');
    expect((await as.admin.get(`/api/evaluations/${draft.id}`)).body).toMatchObject({
      status: 'draft',
      version: 1,
    });
  });

  it('refuses a submitted evaluation being submitted or edited again', async () => {
    const draft = await draftOfPersonA();
    await as.hrA.post(`/api/evaluations/${draft.id}/submit`);
    expect((await as.hrA.post(`/api/evaluations/${draft.id}/submit`)).body.code).toBe(
      'INVALID_TRANSITION',
    );
    const edit = await as.hrA.patch(`/api/evaluations/${draft.id}`, {
      version: 2,
      values: { A4: 1 },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('INVALID_TRANSITION');
  });

  it('refuses a second evaluation of the same subject and quarter with 409 CONFLICT', async () => {
    const draft = await draftOfPersonA();
    const again = await as.admin.post('/api/evaluations', {
      subjectType: 'person',
      subjectId: w.personA.id,
      period: draft.period,
      values: {},
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
  });

  it('saves the first drafts of neighbours sent at once, as a pasted block does', async () => {
    // Each first save looks for its row with a locking read, then inserts it: on MariaDB the
    // gap locks of neighbouring people meet and one is rolled back as a deadlock victim.
    const people: number[] = [];
    for (let i = 0; i < 6; i++) {
      const person = await as.admin.post('/api/people', {
        employeeCode: `NB${Date.now().toString(36)}${i}`,
        fullName: `Người dán ${i + 1}`,
        category: 'civil_servant',
        agencyId: w.agencyA.id,
        unitId: w.unitA.id,
      });
      expect(person.status).toBe(201);
      people.push(person.body.id);
    }
    for (let round = 0; round < 3; round++) {
      const period = nextQuarter();
      const answers = await Promise.all(
        people.map((subjectId) =>
          as.hrA.post('/api/evaluations', { subjectType: 'person', subjectId, period, values: {} }),
        ),
      );
      expect(answers.map((answer) => [answer.status, answer.body.message])).toEqual(
        people.map(() => [201, undefined]),
      );
      const stored = await as.hrA.get(
        `/api/evaluations?period=${period}&subjectType=person&agencyId=${w.agencyA.id}&limit=100`,
      );
      expect(stored.body.items.map((e: { subjectId: number }) => e.subjectId).sort()).toEqual(
        [...people].sort(),
      );
    }
  });

  it('refuses an old version with 409 STALE_VERSION and writes nothing', async () => {
    const draft = await draftOfPersonA();
    const first = await as.hrA.patch(`/api/evaluations/${draft.id}`, {
      version: 1,
      values: { A4: 40 },
    });
    expect(first.body.version).toBe(2);
    const stale = await as.hrA.patch(`/api/evaluations/${draft.id}`, {
      version: 1,
      values: { A4: 20 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const now = (await as.hrA.get(`/api/evaluations/${draft.id}`)).body;
    expect(now.version).toBe(2);
    expect(now.items[3].value).toBe(40);
  });

  it('submit names the missing base values; a missing bonus is fine', async () => {
    const draft = await draftOfPersonA(nextQuarter(), { A1: true });
    expect(draft.total).toBe(25); // 100 × (10 + 15) / 100
    const refused = await as.hrA.post(`/api/evaluations/${draft.id}/submit`);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual([
      'values.A2',
      'values.A4',
    ]);
    await as.hrA.patch(`/api/evaluations/${draft.id}`, { version: 1, values: { A2: 100, A4: 55 } });
    const submitted = await as.hrA.post(`/api/evaluations/${draft.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.total).toBe(100);
  });

  it.each([
    ['a score above maxPoints', { A4: 56 }, 'values.A4'],
    ['a percentage above 100', { A2: 101 }, 'values.A2'],
    ['a boolean as text', { A1: 'yes' }, 'values.A1'],
    ['a hand-typed incident count', { A3: 0 }, 'values.A3'],
    ['an unknown code', { Z9: 1 }, 'values.Z9'],
    ['a negative score', { A4: -1 }, 'values.A4'],
  ])('refuses %s with 400 and writes nothing', async (_name, values, field) => {
    const period = nextQuarter();
    const response = await as.hrA.post('/api/evaluations', {
      subjectType: 'person',
      subjectId: w.personA.id,
      period,
      values,
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details).toEqual([expect.objectContaining({ field })]);
    const listed = await as.admin.get(`/api/evaluations?period=${period}`);
    expect(listed.body.total).toBe(0);
  });

  it.each([
    ['a bad period', { period: '2025-Q5' }],
    ['an unknown field', { colour: 'red' }],
    ['an unknown subject type', { subjectType: 'unit' }],
    ['values that are not an object', { values: [1, 2] }],
  ])('refuses %s with 400', async (_name, change) => {
    const response = await as.admin.post('/api/evaluations', {
      subjectType: 'person',
      subjectId: w.personA.id,
      period: nextQuarter(),
      values: {},
      ...change,
    });
    expect(response.status).toBe(400);
  });

  it('refuses every change in a closed quarter with PERIOD_CLOSED until reopened', async () => {
    const draft = await draftOfPersonA();
    const other = await as.admin.post('/api/evaluations', {
      subjectType: 'agency',
      subjectId: w.agencyA.id,
      period: draft.period,
      values: { A1: true, A2: 80, A4: 55 },
    });
    expect(other.status).toBe(201);
    expect((await as.admin.post(`/api/evaluations/${other.body.id}/submit`)).status).toBe(200);
    const closed = await as.admin.post(`/api/periods/${draft.period}/close`, {});
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ key: draft.period, status: 'closed' });
    const refusals = [
      await as.hrA.patch(`/api/evaluations/${draft.id}`, { version: 1, values: { A4: 1 } }),
      await as.hrA.post(`/api/evaluations/${draft.id}/submit`),
      await as.admin.post(`/api/evaluations/${other.body.id}/approve`),
      await as.hrB.post('/api/evaluations', {
        subjectType: 'person',
        subjectId: w.personB.id,
        period: draft.period,
        values: {},
      }),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('PERIOD_CLOSED');
    }
    expect((await as.admin.get(`/api/evaluations/${draft.id}`)).body.version).toBe(1);
    const periods = await as.headB.get('/api/periods');
    expect(periods.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: draft.period, status: 'closed' })]),
    );
    expect((await as.admin.post(`/api/periods/${draft.period}/close`, {})).status).toBe(409);
    expect((await as.admin.post(`/api/periods/${draft.period}/reopen`, {})).status).toBe(400);
    expect((await as.hrA.post(`/api/periods/${draft.period}/reopen`, { reason: 'x' })).status).toBe(
      403,
    );
    const reopened = await as.admin.post(`/api/periods/${draft.period}/reopen`, {
      reason: 'Bổ sung kết quả',
    });
    expect(reopened.body).toMatchObject({ status: 'open', reopenReason: 'Bổ sung kết quả' });
    expect((await as.hrA.post(`/api/evaluations/${draft.id}/submit`)).status).toBe(200);
    expect((await as.admin.post('/api/periods/2025-Q9/close', {})).status).toBe(400);
  });

  it('agency evaluations: inspector edits and submits, admin alone approves', async () => {
    const period = nextQuarter();
    expect(
      (
        await as.hrA.post('/api/evaluations', {
          subjectType: 'agency',
          subjectId: w.agencyA.id,
          period,
          values: {},
        })
      ).status,
    ).toBe(403);
    const created = await as.inspector.post('/api/evaluations', {
      subjectType: 'agency',
      subjectId: w.agencyA.id,
      period,
      values: { A1: true, A2: 80, A4: 55, B1: 5 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      agencyId: w.agencyA.id,
      unitId: null,
      total: 100,
      grade: 'A',
    });
    expect((await as.inspector.post(`/api/evaluations/${created.body.id}/submit`)).status).toBe(
      200,
    );
    expect((await as.headA.post(`/api/evaluations/${created.body.id}/approve`)).status).toBe(403);
    expect((await as.inspector.post(`/api/evaluations/${created.body.id}/approve`)).status).toBe(
      403,
    );
    expect((await as.admin.get(`/api/evaluations/${created.body.id}`)).body.status).toBe(
      'submitted',
    );
    events.length = 0;
    expect((await as.admin.post(`/api/evaluations/${created.body.id}/approve`)).status).toBe(200);
    expect(events).toEqual([
      { period, subjectType: 'agency', agencyId: w.agencyA.id, subjectId: w.agencyA.id },
    ]);
    expect((await as.headA.get(`/api/evaluations/${created.body.id}`)).status).toBe(200);
    expect((await as.headB.get(`/api/evaluations/${created.body.id}`)).status).toBe(403);
  });

  it('keeps the agency and unit the person had, and scopes lists by agency', async () => {
    const mover = await as.admin.post('/api/people', {
      employeeCode: `MV${Date.now().toString(36)}`,
      fullName: 'Phạm Thị Ánh Tuyết',
      category: 'civil_servant',
      agencyId: w.agencyA.id,
      unitId: w.unitA.id,
    });
    const period = nextQuarter();
    const created = await as.hrA.post('/api/evaluations', {
      subjectType: 'person',
      subjectId: mover.body.id,
      period,
      values: {},
    });
    expect(created.status).toBe(201);
    await as.admin.post(`/api/people/${mover.body.id}/transfer`, {
      agencyId: w.agencyB.id,
      unitId: w.unitB.id,
    });
    const kept = (await as.admin.get(`/api/evaluations/${created.body.id}`)).body;
    expect(kept).toMatchObject({ agencyId: w.agencyA.id, unitId: w.unitA.id });
    const seenByA = await as.headA.get(`/api/evaluations?period=${period}`);
    expect(seenByA.body.items.map((e: { id: number }) => e.id)).toEqual([created.body.id]);
    const seenByB = await as.hrB.get(`/api/evaluations?period=${period}`);
    expect(seenByB.body.total).toBe(0);
    expect((await as.hrB.get(`/api/evaluations?agencyId=${w.agencyA.id}`)).status).toBe(403);
    const filtered = await as.admin.get(
      `/api/evaluations?period=${period}&agencyId=${w.agencyA.id}&unitId=${w.unitA.id}&status=draft&subjectType=person`,
    );
    expect(filtered.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
  });

  describe('refusals: other roles and other agency, record unchanged', () => {
    let draftId: number;
    let submittedId: number;
    let approvedId: number;
    beforeAll(async () => {
      draftId = (await draftOfPersonA()).id;
      submittedId = (await draftOfPersonA()).id;
      await as.hrA.post(`/api/evaluations/${submittedId}/submit`);
      approvedId = (await draftOfPersonA()).id;
      await as.hrA.post(`/api/evaluations/${approvedId}/submit`);
      await as.headA.post(`/api/evaluations/${approvedId}/approve`);
    });
    const snapshotOf = (id: () => number) => () => `/api/evaluations/${id()}`;
    const cases: [RouteCase, WorldUser[]][] = [
      [
        {
          name: 'POST /evaluations (person of A)',
          method: 'post',
          path: () => '/api/evaluations',
          body: (world) => ({
            subjectType: 'person',
            subjectId: world.personA.id,
            period: '2030-Q1',
            values: {},
          }),
          allowed: {},
          snapshot: () => '/api/evaluations?period=2030-Q1',
        },
        ['headA', 'nominatorA', 'nominatorCity', 'inspector', 'hrB', 'headB'],
      ],
      [
        {
          name: 'PATCH /evaluations/:id',
          method: 'patch',
          path: () => `/api/evaluations/${draftId}`,
          body: () => ({ version: 1, values: { A4: 1 } }),
          allowed: {},
          snapshot: snapshotOf(() => draftId),
        },
        ['headA', 'nominatorA', 'nominatorCity', 'inspector', 'hrB', 'headB'],
      ],
      [
        {
          name: 'POST /evaluations/:id/submit',
          method: 'post',
          path: () => `/api/evaluations/${draftId}/submit`,
          body: () => ({}),
          allowed: {},
          snapshot: snapshotOf(() => draftId),
        },
        ['headA', 'nominatorA', 'nominatorCity', 'inspector', 'hrB', 'headB'],
      ],
      [
        {
          name: 'POST /evaluations/:id/approve',
          method: 'post',
          path: () => `/api/evaluations/${submittedId}/approve`,
          body: () => ({}),
          allowed: {},
          snapshot: snapshotOf(() => submittedId),
        },
        ['hrA', 'nominatorA', 'nominatorCity', 'inspector', 'hrB', 'headB'],
      ],
      [
        {
          name: 'POST /evaluations/:id/return',
          method: 'post',
          path: () => `/api/evaluations/${submittedId}/return`,
          body: () => ({ reason: 'Không đồng ý' }),
          allowed: {},
          snapshot: snapshotOf(() => submittedId),
        },
        ['hrA', 'nominatorA', 'nominatorCity', 'inspector', 'hrB', 'headB'],
      ],
      [
        {
          name: 'POST /evaluations/:id/reopen',
          method: 'post',
          path: () => `/api/evaluations/${approvedId}/reopen`,
          body: () => ({ reason: 'Mở lại' }),
          allowed: {},
          snapshot: snapshotOf(() => approvedId),
        },
        ['hrA', 'headA', 'nominatorA', 'nominatorCity', 'inspector', 'hrB', 'headB'],
      ],
      [
        {
          name: 'GET /evaluations/:id',
          method: 'get',
          path: () => `/api/evaluations/${draftId}`,
          allowed: {},
        },
        ['hrB', 'headB'],
      ],
      [
        {
          name: 'POST /periods/:key/close',
          method: 'post',
          path: () => '/api/periods/2031-Q1/close',
          body: () => ({}),
          allowed: {},
          snapshot: () => '/api/periods?limit=500',
        },
        ['hrA', 'headA', 'nominatorA', 'nominatorCity', 'inspector', 'hrB', 'headB'],
      ],
    ];
    const rows = cases.flatMap(([route, users]) =>
      users.map((user) => [route.name, user, route] as const),
    );
    it.each(rows)('%s as %s → 403', async (_name, user, route) => {
      await checkRoute(t, w, route, user, 403);
    });
  });
});
