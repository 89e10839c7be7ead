import { checkRoute, RouteCase } from '../support/permission-matrix';
import { caller, workedExampleSet } from '../support/evaluation-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World, WorldUser } from '../support/world';

describe('criteria sets', () => {
  let t: TestApp;
  let w: World;
  let admin: ReturnType<typeof caller>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    admin = caller(t, w.tokens.admin);
  });
  afterAll(() => t.close());

  it('creates a draft with default thresholds, keeps Vietnamese text, publishes it', async () => {
    const body = workedExampleSet('CT-NEW');
    const { thresholds: _omitted, ...withoutThresholds } = body;
    const created = await admin.post('/api/criteria-sets', withoutThresholds);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(Number),
      code: 'CT-NEW',
      version: 1,
      status: 'draft',
      target: 'person',
      name: 'Bộ tiêu chí ví dụ: Quy tắc ứng xử',
      thresholds: { A: 90, B: 75, C: 50 },
    });
    expect(created.body.criteria[2]).toEqual({
      code: 'A3',
      name: 'Hút thuốc lá tại công sở',
      group: 'Văn hóa công sở',
      kind: 'count',
      maxPoints: 15,
      target: null,
      penaltyPerUnit: 5,
      bonus: false,
      fromIncidents: true,
      disqualifying: true,
    });
    const published = await admin.post(`/api/criteria-sets/${created.body.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    const again = await admin.post(`/api/criteria-sets/${created.body.id}/publish`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
  });

  it('edits a draft, refuses to edit a published set, and makes a new version', async () => {
    const created = await admin.post('/api/criteria-sets', workedExampleSet('CT-VER'));
    const id = created.body.id;
    const edited = await admin.patch(`/api/criteria-sets/${id}`, {
      name: 'Bộ tiêu chí đã sửa',
      thresholds: { A: 85, B: 70, C: 50 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: 'Bộ tiêu chí đã sửa',
      thresholds: { A: 85, B: 70, C: 50 },
    });
    expect((await admin.post(`/api/criteria-sets/${id}/versions`)).status).toBe(409);
    await admin.post(`/api/criteria-sets/${id}/publish`);
    const refused = await admin.patch(`/api/criteria-sets/${id}`, { name: 'Không được sửa' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CONFLICT');
    expect((await admin.get(`/api/criteria-sets/${id}`)).body.name).toBe('Bộ tiêu chí đã sửa');

    const next = await admin.post(`/api/criteria-sets/${id}/versions`);
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({
      code: 'CT-VER',
      version: 2,
      status: 'draft',
      name: 'Bộ tiêu chí đã sửa',
    });
    expect(next.body.criteria).toEqual(edited.body.criteria);
    expect((await admin.post(`/api/criteria-sets/${id}/versions`)).status).toBe(409); // one draft at a time

    const listed = await admin.get('/api/criteria-sets?code=CT-VER');
    expect(listed.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(listed.body.items.map((s: { version: number }) => s.version)).toEqual([2, 1]);
    const drafts = await admin.get('/api/criteria-sets?status=draft&target=person&code=CT-VER');
    expect(drafts.body.items).toHaveLength(1);
  });

  it.each([
    [
      'a percentage without target',
      { code: 'X1', name: 'x', kind: 'percentage', maxPoints: 10 },
      'criteria[0].target',
    ],
    [
      'maxPoints 0',
      { code: 'X1', name: 'x', kind: 'score', maxPoints: 0 },
      'criteria[0].maxPoints',
    ],
    [
      'a count without penalty',
      { code: 'X1', name: 'x', kind: 'count', maxPoints: 10 },
      'criteria[0].penaltyPerUnit',
    ],
    [
      'fromIncidents on a score',
      { code: 'X1', name: 'x', kind: 'score', maxPoints: 10, fromIncidents: true },
      'criteria[0].fromIncidents',
    ],
    ['a bad code', { code: 'có dấu', name: 'x', kind: 'score', maxPoints: 10 }, 'criteria[0].code'],
  ])('refuses %s with 400 naming the field', async (_name, criterion, field) => {
    const response = await admin.post('/api/criteria-sets', {
      code: `BAD${Math.random().toString(36).slice(2, 8)}`,
      name: 'Sai',
      target: 'person',
      criteria: [criterion],
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
  });

  it('refuses unknown fields, thresholds out of order and a code that exists', async () => {
    const extra = await admin.post('/api/criteria-sets', {
      ...workedExampleSet('CT-X'),
      colour: 'red',
    });
    expect(extra.status).toBe(400);
    const nestedExtra = workedExampleSet('CT-Y');
    (nestedExtra.criteria[0] as Record<string, unknown>).weight = 3;
    expect((await admin.post('/api/criteria-sets', nestedExtra)).status).toBe(400);
    const thresholds = await admin.post('/api/criteria-sets', {
      ...workedExampleSet('CT-Z'),
      thresholds: { A: 70, B: 75, C: 50 },
    });
    expect(thresholds.status).toBe(400);
    expect(thresholds.body.details[0].field).toBe('thresholds.A');
    await admin.post('/api/criteria-sets', workedExampleSet('CT-DUP'));
    const duplicate = await admin.post('/api/criteria-sets', workedExampleSet('CT-DUP'));
    expect(duplicate.status).toBe(409);
    expect((await admin.get('/api/criteria-sets/999999')).status).toBe(404);
  });

  describe('refusals leave the set unchanged', () => {
    let draftId: number;
    let publishedId: number;
    beforeAll(async () => {
      draftId = (await admin.post('/api/criteria-sets', workedExampleSet('CT-PERM'))).body.id;
      publishedId = (await admin.post('/api/criteria-sets', workedExampleSet('CT-PERM2'))).body.id;
      await admin.post(`/api/criteria-sets/${publishedId}/publish`);
    });
    const others: WorldUser[] = [
      'hrA',
      'headA',
      'nominatorA',
      'nominatorCity',
      'inspector',
      'hrB',
      'headB',
    ];
    const routes: RouteCase[] = [
      {
        name: 'POST /criteria-sets',
        method: 'post',
        path: () => '/api/criteria-sets',
        body: (_w, n) => workedExampleSet(`CT-P${n}`),
        allowed: {},
        snapshot: () => '/api/criteria-sets?limit=500',
      },
      {
        name: 'PATCH /criteria-sets/:id',
        method: 'patch',
        path: () => `/api/criteria-sets/${draftId}`,
        body: () => ({ name: 'Đổi tên' }),
        allowed: {},
        snapshot: () => `/api/criteria-sets/${draftId}`,
      },
      {
        name: 'POST /criteria-sets/:id/publish',
        method: 'post',
        path: () => `/api/criteria-sets/${draftId}/publish`,
        body: () => ({}),
        allowed: {},
        snapshot: () => `/api/criteria-sets/${draftId}`,
      },
      {
        name: 'POST /criteria-sets/:id/versions',
        method: 'post',
        path: () => `/api/criteria-sets/${publishedId}/versions`,
        body: () => ({}),
        allowed: {},
        snapshot: () => '/api/criteria-sets?limit=500',
      },
    ];
    const rows = routes.flatMap((route) =>
      others.map((user) => [route.name, user, route] as const),
    );
    it.each(rows)('%s as %s → 403', async (_name, user, route) => {
      await checkRoute(t, w, route, user, 403);
    });

    it.each(others)('GET /criteria-sets and /:id are open to %s', async (user) => {
      const reader = caller(t, w.tokens[user]);
      expect((await reader.get('/api/criteria-sets')).status).toBe(200);
      expect((await reader.get(`/api/criteria-sets/${publishedId}`)).status).toBe(200);
    });
  });
});
