import { EventEmitter2 } from '@nestjs/event-emitter';
import { checkRoute, RouteCase } from '../support/permission-matrix';
import {
  publishSet,
  workedExampleSet,
  callersOf,
  type Caller,
} from '../support/evaluation-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World, WorldUser } from '../support/world';

describe('incidents and inspections', () => {
  let t: TestApp;
  let w: World;
  let as: Record<WorldUser, Caller>;
  const events: unknown[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    as = callersOf(t, w);
    await publishSet(t, w.tokens.admin, workedExampleSet('SC-CN', 'person'));
    await publishSet(t, w.tokens.admin, workedExampleSet('SC-CQ', 'agency'));
    t.app.get(EventEmitter2).on('evaluation.changed', (payload: unknown) => events.push(payload));
  });
  afterAll(() => t.close());

  const incidentOfA = (occurredOn: string, criterionCode = 'A3') =>
    as.hrA.post('/api/incidents', {
      subjectType: 'person',
      subjectId: w.personA.id,
      criterionCode,
      occurredOn,
      note: 'Công dân phản ánh thái độ thiếu niềm nở',
    });

  it('records an incident before the evaluation exists; the evaluation counts it when created', async () => {
    const recorded = await incidentOfA('2025-02-10');
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      id: expect.any(Number),
      subjectType: 'person',
      subjectId: w.personA.id,
      agencyId: w.agencyA.id,
      criterionCode: 'A3',
      occurredOn: '2025-02-10',
      period: '2025-Q1',
      note: 'Công dân phản ánh thái độ thiếu niềm nở',
    });
    const evaluation = await as.hrA.post('/api/evaluations', {
      subjectType: 'person',
      subjectId: w.personA.id,
      period: '2025-Q1',
      values: { A1: true, A2: 60, A4: 50, B1: 3 },
    });
    expect(evaluation.body).toMatchObject({ total: 88, grade: 'C', disqualified: true });
    expect(evaluation.body.items[2]).toMatchObject({ code: 'A3', value: 1, points: 10 });
  });

  it('recounts an approved evaluation at once on add and delete, audited, with events', async () => {
    const created = await as.hrA.post('/api/evaluations', {
      subjectType: 'person',
      subjectId: w.personA.id,
      period: '2025-Q2',
      values: { A1: true, A2: 60, A4: 50, B1: 3 },
    });
    await as.hrA.post(`/api/evaluations/${created.body.id}/submit`);
    await as.headA.post(`/api/evaluations/${created.body.id}/approve`);
    events.length = 0;
    const first = await incidentOfA('2025-04-01');
    const second = await incidentOfA('2025-06-30');
    expect([first.status, second.status]).toEqual([201, 201]);
    let evaluation = (await as.hrA.get(`/api/evaluations/${created.body.id}`)).body;
    expect(evaluation).toMatchObject({
      status: 'approved',
      total: 83,
      grade: 'C',
      disqualified: true,
    });
    expect(evaluation.items[2].value).toBe(2);
    expect(events).toEqual([
      { period: '2025-Q2', subjectType: 'person', agencyId: w.agencyA.id, subjectId: w.personA.id },
      { period: '2025-Q2', subjectType: 'person', agencyId: w.agencyA.id, subjectId: w.personA.id },
    ]);
    const listed = await as.headA.get(`/api/incidents?period=2025-Q2&subjectId=${w.personA.id}`);
    expect(listed.body.total).toBe(2);
    expect((await as.hrA.delete(`/api/incidents/${first.body.id}`)).status).toBe(200);
    expect((await as.hrA.delete(`/api/incidents/${second.body.id}`)).status).toBe(200);
    expect((await as.hrA.delete(`/api/incidents/${second.body.id}`)).status).toBe(404);
    evaluation = (await as.hrA.get(`/api/evaluations/${created.body.id}`)).body;
    expect(evaluation).toMatchObject({ total: 93, grade: 'A', disqualified: false });
    expect((await as.headA.get('/api/incidents?period=2025-Q2')).body.total).toBe(0);
    const audit = await as.admin.get(
      `/api/audit?entity=evaluation&entityId=${created.body.id}&limit=100`,
    );
    const recounts = audit.body.items.filter(
      (r: { action: string }) => r.action === 'recount_incidents',
    );
    expect(recounts).toHaveLength(4);
  });

  it.each([
    ['a date that does not exist', { occurredOn: '2025-02-30' }, 400],
    ['a date in another format', { occurredOn: '10/02/2025' }, 400],
    ['a criterion not counted from incidents', { criterionCode: 'A4' }, 400],
    ['an unknown criterion', { criterionCode: 'ZZ' }, 400],
    ['an unknown person', { subjectId: 999999 }, 400],
    ['an unknown field', { severity: 'high' }, 400],
  ])('refuses %s', async (_name, change, status) => {
    const response = await as.admin.post('/api/incidents', {
      subjectType: 'person',
      subjectId: w.personA.id,
      criterionCode: 'A3',
      occurredOn: '2025-08-10',
      ...change,
    });
    expect(response.status).toBe(status);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses incidents of a closed quarter with PERIOD_CLOSED', async () => {
    const kept = await incidentOfA('2025-11-02');
    await as.admin.post('/api/periods/2025-Q4/close', {});
    const refused = await incidentOfA('2025-12-01');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PERIOD_CLOSED');
    expect((await as.hrA.delete(`/api/incidents/${kept.body.id}`)).body.code).toBe('PERIOD_CLOSED');
    expect((await as.admin.get('/api/incidents?period=2025-Q4')).body.total).toBe(1);
    await as.admin.post('/api/periods/2025-Q4/reopen', { reason: 'Ghi nhận bổ sung' });
    expect((await incidentOfA('2025-12-01')).status).toBe(201);
  });

  it('an inspection fills the agency evaluation: creates, updates a draft, refuses a submitted one', async () => {
    const visit = {
      agencyId: w.agencyA.id,
      visitedOn: '2025-08-15',
      leader: 'Nguyễn Văn Thành',
      members: ['Trần Thị Minh Phương', 'Lê Quang Huy'],
      strengths: '16/16 thủ tục hành chính được cung cấp trực tuyến',
      shortcomings: 'Một số phòng làm việc chưa có biển tên; còn cán bộ hút thuốc lá',
      recommendations: 'Tăng cường giám sát nội bộ việc thực hiện quy tắc ứng xử',
      checklist: { A1: false, A2: 80 },
    };
    const created = await as.inspector.post('/api/inspections', visit);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...visit, period: '2025-Q3', id: expect.any(Number) });
    const list = await as.inspector.get(
      `/api/evaluations?subjectType=agency&agencyId=${w.agencyA.id}&period=2025-Q3`,
    );
    expect(list.body.total).toBe(1);
    const evaluation = list.body.items[0];
    expect(evaluation).toMatchObject({ status: 'draft', version: 1 });
    expect(evaluation.items.slice(0, 2).map((i: { value: unknown }) => i.value)).toEqual([
      false,
      80,
    ]);

    const patched = await as.inspector.patch(`/api/inspections/${created.body.id}`, {
      checklist: { A4: 40 },
    });
    expect(patched.status).toBe(200);
    const updated = (await as.inspector.get(`/api/evaluations/${evaluation.id}`)).body;
    expect(updated.version).toBe(2);
    expect(updated.items.map((i: { value: unknown }) => i.value)).toEqual([false, 80, 0, 40, null]);

    expect((await as.inspector.post(`/api/evaluations/${evaluation.id}/submit`)).status).toBe(200);
    const refused = await as.inspector.post('/api/inspections', {
      ...visit,
      visitedOn: '2025-09-01',
      checklist: { A1: true },
    });
    expect(refused.status).toBe(409);
    expect((await as.admin.get('/api/inspections?period=2025-Q3')).body.total).toBe(1);
    expect((await as.inspector.get(`/api/evaluations/${evaluation.id}`)).body.version).toBe(3);

    const badChecklist = await as.inspector.post('/api/inspections', {
      ...visit,
      visitedOn: '2025-05-05',
      checklist: { A3: 1 },
    });
    expect(badChecklist.status).toBe(400);
    expect(badChecklist.body.details[0].field).toBe('checklist.A3');
    expect(
      (await as.inspector.post('/api/inspections', { ...visit, visitedOn: '2025-02-29' })).status,
    ).toBe(400);

    expect((await as.headA.get(`/api/inspections/${created.body.id}`)).status).toBe(200);
    expect((await as.headB.get(`/api/inspections/${created.body.id}`)).status).toBe(403);
    expect((await as.headB.get('/api/inspections')).body.total).toBe(0);
    expect((await as.headA.get('/api/inspections')).body.total).toBe(1);
  });

  describe('refusals: other roles and other agency, record unchanged', () => {
    let incidentId: number;
    let inspectionId: number;
    beforeAll(async () => {
      incidentId = (await incidentOfA('2025-07-07')).body.id;
      inspectionId = (
        await as.inspector.post('/api/inspections', {
          agencyId: w.agencyB.id,
          visitedOn: '2025-07-20',
          leader: 'Đỗ Hữu Lộc',
        })
      ).body.id;
    });
    const cases: [RouteCase, WorldUser[]][] = [
      [
        {
          name: 'POST /incidents (person of A)',
          method: 'post',
          path: () => '/api/incidents',
          body: (world) => ({
            subjectType: 'person',
            subjectId: world.personA.id,
            criterionCode: 'A3',
            occurredOn: '2025-07-08',
          }),
          allowed: {},
          snapshot: () => '/api/incidents?limit=500',
        },
        ['headA', 'nominatorA', 'nominatorCity', 'inspector', 'hrB', 'headB'],
      ],
      [
        {
          name: 'POST /incidents (agency A)',
          method: 'post',
          path: () => '/api/incidents',
          body: (world) => ({
            subjectType: 'agency',
            subjectId: world.agencyA.id,
            criterionCode: 'A3',
            occurredOn: '2025-07-08',
          }),
          allowed: {},
          snapshot: () => '/api/incidents?limit=500',
        },
        ['hrA', 'headA', 'nominatorA', 'nominatorCity', 'hrB', 'headB'],
      ],
      [
        {
          name: 'DELETE /incidents/:id',
          method: 'delete',
          path: () => `/api/incidents/${incidentId}`,
          allowed: {},
          snapshot: () => `/api/incidents/${incidentId}`,
        },
        ['headA', 'nominatorA', 'nominatorCity', 'inspector', 'hrB', 'headB'],
      ],
      [
        {
          name: 'GET /incidents/:id',
          method: 'get',
          path: () => `/api/incidents/${incidentId}`,
          allowed: {},
        },
        ['hrB', 'headB'],
      ],
      [
        {
          name: 'POST /inspections',
          method: 'post',
          path: () => '/api/inspections',
          body: (world) => ({
            agencyId: world.agencyA.id,
            visitedOn: '2025-07-09',
            leader: 'Ai đó',
          }),
          allowed: {},
          snapshot: () => '/api/inspections?limit=500',
        },
        ['hrA', 'headA', 'nominatorA', 'nominatorCity', 'hrB', 'headB'],
      ],
      [
        {
          name: 'PATCH /inspections/:id',
          method: 'patch',
          path: () => `/api/inspections/${inspectionId}`,
          body: () => ({ leader: 'Đổi trưởng đoàn' }),
          allowed: {},
          snapshot: () => `/api/inspections/${inspectionId}`,
        },
        ['hrA', 'headA', 'nominatorA', 'nominatorCity', 'hrB', 'headB'],
      ],
      [
        {
          name: 'GET /inspections/:id (agency B)',
          method: 'get',
          path: () => `/api/inspections/${inspectionId}`,
          allowed: {},
        },
        ['hrA', 'headA', 'nominatorA'],
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
