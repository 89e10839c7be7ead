import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World } from '../support/world';

describe('organisation', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const as = (who: keyof World['tokens']) => ({
    get: (path: string) => t.http().get(path).set('Authorization', w.tokens[who]),
    post: (path: string, body: object) =>
      t.http().post(path).set('Authorization', w.tokens[who]).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(path).set('Authorization', w.tokens[who]).send(body),
  });

  describe('agencies', () => {
    it('creates, reads, lists and updates an agency with Vietnamese text intact', async () => {
      const created = await as('admin').post('/api/agencies', {
        code: 'SVHTT-X',
        name: 'Sở Văn hóa và Thể thao',
        shortName: 'SVHTT',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: expect.any(Number),
        code: 'SVHTT-X',
        name: 'Sở Văn hóa và Thể thao',
        active: true,
      });
      const read = await as('hrA').get(`/api/agencies/${created.body.id}`);
      expect(read.body.name).toBe('Sở Văn hóa và Thể thao');
      const updated = await as('admin').patch(`/api/agencies/${created.body.id}`, {
        name: 'Sở Văn hoá và Thể thao',
        active: false,
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ name: 'Sở Văn hoá và Thể thao', active: false });
      const list = await as('inspector').get('/api/agencies?q=SVHTT-X');
      expect(list.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
    });

    it('refuses a duplicate code with 409 CONFLICT', async () => {
      const response = await as('admin').post('/api/agencies', {
        code: w.agencyA.code,
        name: 'Trùng mã',
      });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('CONFLICT');
    });

    it.each([
      [{ name: 'Thiếu mã' }, 'code'],
      [{ code: 'X1' }, 'name'],
      [{ code: 'has space', name: 'x' }, 'code'],
      [{ code: 'X2', name: '' }, 'name'],
      [{ code: 'X3', name: 'x', unknown: 1 }, 'unknown'],
      [{ code: 'X4', name: 'x'.repeat(256) }, 'name'],
    ])('rejects %j with 400 naming %s and writes nothing', async (body, field) => {
      const before = await as('admin').get('/api/agencies');
      const response = await as('admin').post('/api/agencies', body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect((await as('admin').get('/api/agencies')).body.total).toBe(before.body.total);
    });

    it.each(['abc', '0', '-1', '1.5', '99999999999'])(
      'answers the malformed id %s with 400',
      async (id) => {
        const response = await as('admin').get(`/api/agencies/${id}`);
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
      },
    );

    it('answers an unknown id with 404 NOT_FOUND', async () => {
      const response = await as('admin').get('/api/agencies/999999');
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    });

    it.each([['limit=0'], ['limit=501'], ['limit=abc'], ['offset=-1']])(
      'rejects paging %s with 400',
      async (query) => {
        expect((await as('admin').get(`/api/agencies?${query}`)).status).toBe(400);
      },
    );
  });

  describe('units', () => {
    it('builds a tree of units and refuses a loop', async () => {
      const parent = await as('hrA').post(`/api/agencies/${w.agencyA.id}/units`, {
        code: 'VP',
        name: 'Văn phòng',
      });
      expect(parent.status).toBe(201);
      const child = await as('hrA').post(`/api/agencies/${w.agencyA.id}/units`, {
        code: 'HC',
        name: 'Tổ Hành chính',
        parentId: parent.body.id,
      });
      expect(child.status).toBe(201);
      const tree = await as('headA').get(`/api/agencies/${w.agencyA.id}/units/tree`);
      expect(tree.status).toBe(200);
      const vp = tree.body.find((node: { code: string }) => node.code === 'VP');
      expect(vp.children.map((c: { code: string }) => c.code)).toEqual(['HC']);
      const loop = await as('hrA').patch(`/api/agencies/${w.agencyA.id}/units/${parent.body.id}`, {
        parentId: child.body.id,
      });
      expect(loop.status).toBe(400);
      const flat = await as('hrA').get(
        `/api/agencies/${w.agencyA.id}/units?parentId=${parent.body.id}`,
      );
      expect(flat.body.items.map((u: { code: string }) => u.code)).toEqual(['HC']);
    });

    it('refuses a parent from another agency', async () => {
      const response = await as('admin').post(`/api/agencies/${w.agencyA.id}/units`, {
        code: 'Z',
        name: 'Z',
        parentId: w.unitB.id,
      });
      expect(response.status).toBe(400);
    });

    it('refuses a duplicate unit code in the same agency with 409', async () => {
      const response = await as('admin').post(`/api/agencies/${w.agencyA.id}/units`, {
        code: 'MOTCUA',
        name: 'Lặp',
      });
      expect(response.status).toBe(409);
    });
  });

  describe('people', () => {
    it('finds people without diacritics', async () => {
      for (const [code, fullName] of [
        ['S1', 'Nguyễn Thị Hòa'],
        ['S2', 'Nguyễn Văn Hoàng'],
        ['S3', 'Đặng Thị Hoa'],
      ]) {
        expect(
          (
            await as('hrA').post('/api/people', {
              employeeCode: `${w.agencyA.code}${code}`,
              fullName,
              category: 'worker',
              agencyId: w.agencyA.id,
            })
          ).status,
        ).toBe(201);
      }
      const names = async (q: string) =>
        (await as('hrA').get(`/api/people?q=${encodeURIComponent(q)}`)).body.items
          .map((p: { fullName: string }) => p.fullName)
          .sort();
      expect(await names('nguyen thi hoa')).toEqual(['Nguyễn Thị Hoà', 'Nguyễn Thị Hòa']);
      expect(await names('NGUYỄN THỊ HOÀ')).toEqual(['Nguyễn Thị Hoà', 'Nguyễn Thị Hòa']);
      expect(await names('dang hoa')).toEqual(['Đặng Thị Hoa']);
      expect(await names('hoang')).toEqual(['Nguyễn Văn Hoàng']);
      expect(await names('zzz')).toEqual([]);
    });

    it('limits an agency-bound caller to its agency and refuses another', async () => {
      const own = await as('hrA').get('/api/people');
      expect(own.status).toBe(200);
      expect(own.body.items.every((p: { agencyId: number }) => p.agencyId === w.agencyA.id)).toBe(
        true,
      );
      expect((await as('hrA').get(`/api/people?agencyId=${w.agencyB.id}`)).status).toBe(403);
      expect((await as('headA').get(`/api/people/${w.personB.id}`)).status).toBe(403);
      const city = await as('inspector').get('/api/people');
      expect(city.body.total).toBeGreaterThanOrEqual(2);
    });

    it('filters by unit and category and pages', async () => {
      const page = await as('admin').get(
        `/api/people?agencyId=${w.agencyA.id}&unitId=${w.unitA.id}&category=civil_servant&limit=1`,
      );
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ total: 1, limit: 1, offset: 0 });
      expect(page.body.items[0].id).toBe(w.personA.id);
    });

    it('transfers a person and audits it', async () => {
      const person = await as('hrA').post('/api/people', {
        employeeCode: `${w.agencyA.code}T1`,
        fullName: 'Lê Văn Chuyển',
        category: 'worker',
        agencyId: w.agencyA.id,
      });
      // An hr officer cannot move someone out of its agency.
      expect(
        (await as('hrA').post(`/api/people/${person.body.id}/transfer`, { agencyId: w.agencyB.id }))
          .status,
      ).toBe(403);
      const moved = await as('admin').post(`/api/people/${person.body.id}/transfer`, {
        agencyId: w.agencyB.id,
        unitId: w.unitB.id,
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ agencyId: w.agencyB.id, unitId: w.unitB.id });
      expect(
        (
          await as('admin').post(`/api/people/${person.body.id}/transfer`, {
            agencyId: w.agencyA.id,
            unitId: w.unitB.id,
          })
        ).status,
      ).toBe(400);
      const audit = await as('admin').get(
        `/api/audit?entity=person&entityId=${person.body.id}&action=transfer`,
      );
      expect(audit.body.items[0]).toMatchObject({
        before: { agencyId: w.agencyA.id },
        after: { agencyId: w.agencyB.id },
        actorUsername: expect.any(String),
      });
    });

    it.each([
      [{ fullName: 'A', category: 'worker' }, 'employeeCode'],
      [{ employeeCode: 'Q1', category: 'worker', agencyId: 1 }, 'fullName'],
      [{ employeeCode: 'Q2', fullName: 'A', category: 'boss' }, 'category'],
      [{ employeeCode: 'Q3', fullName: 'A', category: 'worker', agencyId: 'x' }, 'agencyId'],
      [
        { employeeCode: 'Q4', fullName: 'A', category: 'worker', partyMember: 'yes' },
        'partyMember',
      ],
    ])('rejects person %j with 400 naming %s', async (body, field) => {
      const response = await as('admin').post('/api/people', { agencyId: w.agencyA.id, ...body });
      expect(response.status).toBe(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('refuses a duplicate employee code with 409 and an unknown agency with 400', async () => {
      const duplicate = await as('admin').post('/api/people', {
        employeeCode: (await as('admin').get(`/api/people/${w.personA.id}`)).body.employeeCode,
        fullName: 'X',
        category: 'worker',
        agencyId: w.agencyA.id,
      });
      expect(duplicate.status).toBe(409);
      const unknown = await as('admin').post('/api/people', {
        employeeCode: 'NOAGENCY',
        fullName: 'X',
        category: 'worker',
        agencyId: 999999,
      });
      expect(unknown.status).toBe(400);
    });
  });

  describe('users', () => {
    it.each([
      [{ username: 'has space', password: 'long-enough-pass', role: 'admin' }, 'username'],
      [{ username: 'user.short', password: 'short', role: 'admin' }, 'password'],
      [{ username: 'user.role', password: 'long-enough-pass', role: 'king' }, 'role'],
      [{ username: 'user.hr', password: 'long-enough-pass', role: 'hr_officer' }, 'agencyId'],
      [
        { username: 'user.insp', password: 'long-enough-pass', role: 'inspector', agencyId: 1 },
        'agencyId',
      ],
    ])('rejects user %j with 400 naming %s', async (body, field) => {
      const response = await as('admin').post('/api/users', body);
      expect(response.status).toBe(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('accepts an e-mail address as username and an employee code with a slash', async () => {
      const user = await as('admin').post('/api/users', {
        username: 'hoa.nguyen@stc.hanoi.gov.vn',
        password: 'long-enough-pass',
        role: 'nominator',
      });
      expect(user.status).toBe(201);
      const person = await as('admin').post('/api/people', {
        employeeCode: 'STC/2025-001',
        fullName: 'Ngô Thị Gạch Chéo',
        category: 'worker',
        agencyId: w.agencyA.id,
      });
      expect(person.status).toBe(201);
      expect(person.body.employeeCode).toBe('STC/2025-001');
    });

    it('never returns password hashes and audits without them', async () => {
      const created = await as('admin').post('/api/users', {
        username: 'hash.check',
        password: 'long-enough-pass',
        role: 'nominator',
      });
      expect(created.status).toBe(201);
      expect(JSON.stringify(created.body)).not.toContain('password');
      const audit = await as('admin').get(`/api/audit?entity=user&entityId=${created.body.id}`);
      expect(JSON.stringify(audit.body)).not.toMatch(/passwordHash|\$2[aby]\$/);
    });
  });

  describe('audit', () => {
    it('records every change with actor, before, after and request id', async () => {
      const response = await t
        .http()
        .post('/api/agencies')
        .set('Authorization', w.tokens.admin)
        .set('X-Request-Id', 'req-audit-1')
        .send({ code: 'AUD1', name: 'Cơ quan kiểm toán' });
      const audit = await as('admin').get(`/api/audit?entity=agency&entityId=${response.body.id}`);
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0]).toMatchObject({
        action: 'create',
        requestId: 'req-audit-1',
        before: null,
        after: { name: 'Cơ quan kiểm toán' },
      });
    });
  });
});
