import { insertEvaluations, insertPeople } from '../support/direct-rows';
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
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World, WorldUser } from '../support/world';

interface AgencyRow {
  agencyId: number;
  name: string;
  headcount: number;
  evaluated: number;
  approved: number;
  coverage: number | null;
  averageTotal: number | null;
  grades: Record<string, number>;
  incidents: Record<string, number>;
  candidates: number | null;
  agencyResult: { total: number; grade: string } | null;
  agencyCandidate: boolean | null;
}

describe('reports and exports (SPEC §8, §9)', () => {
  let t: TestApp;
  let w: World;
  let x: ExemplaryWorld;

  const get = (path: string, user: WorldUser = 'admin') =>
    t.http().get(path).set('Authorization', w.tokens[user]);
  const rowOf = (body: { agencies: AgencyRow[] }, agencyId: number) =>
    body.agencies.find((a) => a.agencyId === agencyId)!;

  beforeAll(async () => {
    t = await createTestApp(EXEMPLARY_ENV);
    w = await buildWorld(t);
    x = await buildExemplaryWorld(t, w);
    await rollUp(t, w.tokens.admin, '2025');
    const inspection = await t
      .http()
      .post('/api/inspections')
      .set('Authorization', w.tokens.inspector)
      .send({
        agencyId: w.agencyA.id,
        visitedOn: '2025-05-20',
        leader: 'Nguyễn Văn Trưởng',
        members: ['Lê Thị Thành', 'Hoàng Văn Viên'],
        strengths: '16/16 thủ tục hành chính được cung cấp trực tuyến.',
        shortcomings: 'Một số công chức chưa đeo thẻ.',
        recommendations: 'Tăng cường giám sát nội bộ việc thực hiện quy tắc ứng xử.',
      });
    expect(inspection.status).toBe(201);
  });
  afterAll(() => t.close());

  describe('GET /reports/summary', () => {
    it('reports a year per agency from the roll-ups, with city totals and inspections', async () => {
      const response = await get('/api/reports/summary?period=2025');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        period: '2025',
        periodLabel: 'Năm 2025',
        agencyId: null,
      });
      expect(rowOf(response.body, w.agencyA.id)).toMatchObject({
        headcount: 8,
        evaluated: 8,
        approved: 8,
        coverage: 100,
        averageTotal: 94.59, // 756.75 / 8 = 94.59375
        grades: { A: 5, B: 2, C: 1, D: 0 },
        incidents: { I: 1 },
        incidentsTotal: 1,
        candidates: 2,
        agencyResult: { total: 95, grade: 'A' },
        agencyCandidate: true,
      });
      expect(rowOf(response.body, w.agencyB.id)).toMatchObject({
        headcount: 1,
        approved: 1,
        averageTotal: 100,
        candidates: 1,
        agencyCandidate: false,
      });
      expect(response.body.totals).toMatchObject({
        headcount: 9,
        approved: 9,
        coverage: 100,
        averageTotal: 95.19, // 856.75 / 9
        grades: { A: 6, B: 2, C: 1, D: 0 },
        incidents: { I: 1 },
        candidates: 3,
      });
      expect(response.body.inspections).toEqual([
        expect.objectContaining({
          agencyId: w.agencyA.id,
          visitedOn: '2025-05-20',
          leader: 'Nguyễn Văn Trưởng',
          members: ['Lê Thị Thành', 'Hoàng Văn Viên'],
          shortcomings: 'Một số công chức chưa đeo thẻ.',
        }),
      ]);
    });

    it('reports a quarter from its evaluations; no candidates for a quarter', async () => {
      const q2 = await get('/api/reports/summary?period=2025-Q2');
      expect(q2.status).toBe(200);
      expect(rowOf(q2.body, w.agencyA.id)).toMatchObject({
        evaluated: 8,
        approved: 8,
        averageTotal: 94.81, // 758.5 / 8 = 94.8125
        grades: { A: 6, B: 2, C: 0, D: 0 },
        incidents: { I: 1 },
        candidates: null,
        agencyResult: { total: 95, grade: 'A' },
      });
      expect(q2.body.inspections).toHaveLength(1);
      const q1 = await get('/api/reports/summary?period=2025-Q1');
      expect(rowOf(q1.body, w.agencyA.id)).toMatchObject({ grades: { A: 5, B: 2, C: 1, D: 0 } });
      expect(q1.body.inspections).toEqual([]);
      expect(rowOf(q1.body, w.agencyA.id).incidents).toEqual({});
    });

    it('gives an agency-bound caller its own agency only', async () => {
      const response = await get('/api/reports/summary?period=2025', 'headA');
      expect(response.status).toBe(200);
      expect(response.body.agencyId).toBe(w.agencyA.id);
      expect(response.body.agencies.map((a: AgencyRow) => a.agencyId)).toEqual([w.agencyA.id]);
      expect(response.body.totals.headcount).toBe(8);
      expect(
        (await get(`/api/reports/summary?period=2025&agencyId=${w.agencyB.id}`, 'nominatorA'))
          .status,
      ).toBe(403);
    });

    it.each([
      ['no period', ''],
      ['a bad period', 'period=2025-Q5'],
      ['a bad format', 'period=2025&format=docx'],
      ['an unknown field', 'period=2025&foo=1'],
    ])('refuses %s with 400', async (_name, query) => {
      const response = await get(`/api/reports/summary?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    });

    it('exports XLSX: a row per agency, the city total, then the inspections', async () => {
      const response = await download(
        t,
        '/api/reports/summary?period=2025&format=xlsx',
        w.tokens.admin,
      );
      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toMatch(/^attachment;/);
      const rows = await xlsxRows(response.body as Buffer);
      expect(String(rows[0][0])).toContain('NĂM 2025');
      const header = rows.findIndex((r) => r[0] === 'STT');
      expect(rows[header].slice(0, 7)).toEqual([
        'STT',
        'Cơ quan',
        'Số CB',
        'Đã đánh giá',
        'Đã duyệt',
        'Tỷ lệ (%)',
        'Điểm TB',
      ]);
      const agencyA = rows.find((r) => r[1] === 'Sở Tài chính thử')!;
      expect(agencyA.slice(2, 13)).toEqual([8, 8, 8, 100, 94.59, 5, 2, 1, 0, 1, 2]);
      const city = rows.find((r) => r[1] === 'Toàn thành phố')!;
      expect(city.slice(2, 5)).toEqual([9, 9, 9]);
      const heading = rows.findIndex((r) => String(r[1]).startsWith('KẾT QUẢ KIỂM TRA'));
      expect(heading).toBeGreaterThan(rows.indexOf(city));
      expect(rows[heading + 1][1]).toBe('Sở Tài chính thử');
      expect(String(rows[heading + 1][13])).toContain('Một số công chức chưa đeo thẻ.');
    });

    it('exports CSV with a BOM and PDF with the national header', async () => {
      const csv = await download(
        t,
        '/api/reports/summary?period=2025-Q2&format=csv',
        w.tokens.inspector,
      );
      expect(csv.status).toBe(200);
      const records = csvRecords(csv.body as Buffer);
      expect(records[0][1]).toBe('Cơ quan');
      expect(records.some((r) => r[1] === 'Toàn thành phố')).toBe(true);
      expect(records.some((r) => r[1]?.startsWith('KẾT QUẢ KIỂM TRA'))).toBe(true);
      const pdf = await download(
        t,
        '/api/reports/summary?period=2025&format=pdf',
        w.tokens.nominatorA,
      );
      expect(pdf.status).toBe(200);
      const text = await pdfText(pdf.body as Buffer);
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Sở Tài chính thử');
      expect(text).not.toContain('Sở Nội vụ thử'); // another agency
    });
  });

  describe('GET /rankings/export', () => {
    it('exports the whole ranking of a scope in the order of GET /rankings', async () => {
      const query = `period=2025&subjectType=person&agencyId=${w.agencyA.id}`;
      const page = await get(`/api/rankings?${query}&limit=500`);
      const response = await download(
        t,
        `/api/rankings/export?${query}&format=csv`,
        w.tokens.headA,
      );
      expect(response.status).toBe(200);
      const records = csvRecords(response.body as Buffer);
      expect(records[0]).toEqual([
        'Xếp hạng',
        'Họ và tên',
        'Cơ quan',
        'Đơn vị',
        'Điểm',
        'Xếp loại',
        'Top %',
        'Hạng kỳ trước',
        'Thay đổi',
      ]);
      expect(records.slice(1).map((r) => [Number(r[0]), r[1]])).toEqual(
        page.body.items.map((i: { rank: number; name: string }) => [i.rank, i.name]),
      );
      expect(records[1].slice(2, 6)).toEqual([
        'Sở Tài chính thử',
        'Bộ phận một cửa',
        '100.00',
        'Xuất sắc',
      ]);
    });

    it('streams every row of a large ranking (more than one chunk), not one page', async () => {
      const agency = await t
        .http()
        .post('/api/agencies')
        .set('Authorization', w.tokens.admin)
        .send({ code: 'BIG', name: 'Sở Lớn' });
      const count = 1105;
      const ids = await insertPeople(
        t.dataSource,
        Array.from({ length: count }, (_, i) => ({
          fullName: `Người Thứ ${String(i).padStart(4, '0')}`,
          agencyId: agency.body.id,
          unitId: null,
          category: 'worker',
        })),
        'BIG',
      );
      await insertEvaluations(
        t.dataSource,
        ids.map((id, i) => ({
          subjectType: 'person',
          subjectId: id,
          agencyId: agency.body.id,
          unitId: null,
          period: '2024-Q4',
          criteriaSetId: x.personSetId,
          total: 50 + (i % 50),
          grade: 'C',
          disqualified: false,
        })),
      );
      const xlsx = await download(
        t,
        `/api/rankings/export?period=2024-Q4&subjectType=person&agencyId=${agency.body.id}&format=xlsx`,
        w.tokens.admin,
      );
      expect(xlsx.status).toBe(200);
      const rows = await xlsxRows(xlsx.body as Buffer);
      const header = rows.findIndex((r) => r[0] === 'Xếp hạng');
      const data = rows.slice(header + 1);
      expect(data).toHaveLength(count);
      expect(data[0][4]).toBe(99);
      expect(data[count - 1][4]).toBe(50);
      const ranks = data.map((r) => Number(r[0]));
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    });

    it('exports agencies city-wide as PDF with the national header', async () => {
      const response = await download(
        t,
        '/api/rankings/export?period=2025&subjectType=agency&format=pdf',
        w.tokens.hrB,
      );
      expect(response.status).toBe(200);
      const text = await pdfText(response.body as Buffer);
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Sở Tài chính thử');
      expect(text).toContain('Sở Nội vụ thử');
    });

    it.each([
      ['no format', 'period=2025&subjectType=agency'],
      ['a bad format', 'period=2025&subjectType=agency&format=doc'],
      ['an agencyId for agencies', 'period=2025&subjectType=agency&agencyId=1&format=csv'],
      ['a bad period', 'period=2025-Q9&subjectType=agency&format=csv'],
    ])('refuses %s with 400', async (_name, query) => {
      const response = await get(`/api/rankings/export?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    });

    it('does not let /rankings/export be shadowed: GET /rankings still pages', async () => {
      const response = await get('/api/rankings?period=2025&subjectType=agency&limit=1');
      expect(response.status).toBe(200);
      expect(response.body.items).toHaveLength(1);
    });

    it('refuses a unit of another agency (403)', async () => {
      expect(
        (
          await get(
            `/api/rankings/export?period=2025&subjectType=person&unitId=${w.unitB.id}&format=csv`,
            'headA',
          )
        ).status,
      ).toBe(403);
    });
  });

  const routes: RouteCase[] = [
    {
      name: 'GET /reports/summary (agency A)',
      method: 'get',
      path: (w) => `/api/reports/summary?period=2025&agencyId=${w.agencyA.id}`,
      allowed: { admin: 200, headA: 200, nominatorA: 200, nominatorCity: 200, inspector: 200 },
    },
    {
      name: 'GET /reports/summary?format=csv (agency A)',
      method: 'get',
      path: (w) => `/api/reports/summary?period=2025&agencyId=${w.agencyA.id}&format=csv`,
      allowed: { admin: 200, headA: 200, nominatorA: 200, nominatorCity: 200, inspector: 200 },
    },
    {
      name: 'GET /rankings/export (people of A)',
      method: 'get',
      path: (w) =>
        `/api/rankings/export?period=2025&subjectType=person&agencyId=${w.agencyA.id}&format=csv`,
      allowed: {
        admin: 200,
        hrA: 200,
        headA: 200,
        nominatorA: 200,
        nominatorCity: 200,
        inspector: 200,
      },
    },
    {
      name: 'GET /rankings/export (agencies)',
      method: 'get',
      path: () => '/api/rankings/export?period=2025&subjectType=agency&format=csv',
      allowed: {
        admin: 200,
        hrA: 200,
        headA: 200,
        nominatorA: 200,
        nominatorCity: 200,
        inspector: 200,
        hrB: 200,
        headB: 200,
      },
    },
  ];
  it.each(matrixRows(routes))('%s as %s → %d', async (_name, user, expected, route) => {
    await checkRoute(t, w, route, user, expected);
  });
});
