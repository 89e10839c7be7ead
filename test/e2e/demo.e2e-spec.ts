import { RollupsService } from '@app/rollups';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * What `npm start` gives a new user on an empty database: the demo of SPEC §12, with rankings,
 * roll-ups, candidates and a nomination list to export at once, and a catch-up that finds
 * nothing missed.
 */
describe('demo start', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const lastYear = String(new Date().getUTCFullYear() - 1);

  beforeAll(async () => {
    t = await createTestApp({ SEED_DEMO: 'true', ROLLUP_CATCH_UP: 'true' });
    await t.app.get(RollupsService).idle();
    for (const username of ['admin', 'hr.stc', 'head.stc', 'nominator.stc', 'inspector']) {
      tokens[username] = await t.login(username, 'thidua-demo');
    }
  });
  afterAll(() => t.close());

  const get = (who: string, path: string) => t.http().get(path).set('Authorization', tokens[who]);

  it('has the agencies of SPEC §1, their one-stop desks and hundreds of people with Vietnamese names', async () => {
    const agencies = (await get('admin', '/api/agencies')).body;
    expect(agencies.items.map((a: { name: string }) => a.name)).toEqual(
      expect.arrayContaining(['Sở Tài chính', 'Sở Kế hoạch và Đầu tư', 'Sở Văn hóa và Thể thao']),
    );
    const stc = agencies.items.find((a: { code: string }) => a.code === 'STC');
    const units = (await get('hr.stc', `/api/agencies/${stc.id}/units`)).body.items;
    expect(units.map((u: { name: string }) => u.name)).toContain('Bộ phận một cửa');
    expect((await get('admin', '/api/people?limit=1')).body.total).toBeGreaterThanOrEqual(200);
    expect((await get('hr.stc', '/api/people?q=nguyen thi hoa')).body.items[0].fullName).toBe(
      'Nguyễn Thị Hoà',
    );
  });

  it('ranks last year and its quarters, from approved evaluations and roll-ups', async () => {
    const year = await get('head.stc', `/api/rankings?period=${lastYear}&subjectType=person`);
    expect(year.status).toBe(200);
    expect(year.body.total).toBeGreaterThan(0);
    expect(year.body.items[0]).toMatchObject({
      rank: 1,
      total: expect.any(Number),
      grade: expect.any(String),
    });
    const quarter = await get(
      'inspector',
      `/api/rankings?period=${lastYear}-Q4&subjectType=agency`,
    );
    expect(quarter.body.total).toBe(8);
    const runs = (await get('admin', '/api/rollups/runs')).body.items;
    expect(
      runs
        .filter((r: { status: string }) => r.status === 'succeeded')
        .map((r: { period: string }) => r.period),
    ).toEqual(expect.arrayContaining([`${lastYear}-H1`, `${lastYear}-H2`, lastYear]));
    expect(
      runs.every(
        (r: { status: string; subjects: number }) => r.status === 'succeeded' && r.subjects > 0,
      ),
    ).toBe(true);
  });

  it('surfaces candidates and a nomination list that exports', async () => {
    const candidates = await get(
      'nominator.stc',
      `/api/exemplary?period=${lastYear}&nearMisses=true`,
    );
    expect(candidates.status).toBe(200);
    expect(candidates.body.items.length + candidates.body.nearMisses.length).toBeGreaterThan(0);
    const lists = (await get('nominator.stc', '/api/nominations')).body.items;
    expect(lists).toHaveLength(1);
    const pdf = await get('nominator.stc', `/api/nominations/${lists[0].id}/export?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  });

  it('has incidents and an inspection of each agency', async () => {
    expect((await get('inspector', '/api/incidents?limit=1')).body.total).toBeGreaterThan(0);
    expect((await get('inspector', '/api/inspections?limit=1')).body.total).toBeGreaterThanOrEqual(
      8,
    );
  });
});
