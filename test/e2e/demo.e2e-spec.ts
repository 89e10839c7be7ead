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
  const now = new Date();
  const lastYear = String(now.getUTCFullYear() - 1);
  // The seed dates the demo from the same clock: the quarter under way is partly entered.
  const current = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;

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

  it('spreads totals as conduct scores spread: few perfect, most between 70 and 97, some C and D', async () => {
    const grades = { A: 0, B: 0, C: 0, D: 0 };
    for (const quarter of [1, 2, 3, 4]) {
      const period = `${lastYear}-Q${quarter}`;
      const ranking = (
        await get('admin', `/api/rankings?period=${period}&subjectType=person&limit=500`)
      ).body;
      expect(ranking.total).toBeGreaterThanOrEqual(200);
      expect(ranking.items).toHaveLength(ranking.total);
      const totals: number[] = ranking.items.map((i: { total: number }) => i.total);
      // At most a handful tied at the top, and few perfect scores in the whole city.
      expect(totals.filter((t) => t === totals[0]).length).toBeLessThanOrEqual(3);
      expect(totals.filter((t) => t === 100).length).toBeLessThanOrEqual(8);
      const usual = totals.filter((t) => t >= 70 && t <= 97).length;
      expect(usual / totals.length).toBeGreaterThan(0.75);
      const report = (await get('admin', `/api/reports/summary?period=${period}`)).body;
      for (const grade of ['A', 'B', 'C', 'D'] as const)
        grades[grade] += report.totals.grades[grade];
    }
    expect(grades.B).toBeGreaterThan(grades.A);
    expect(grades.C).toBeGreaterThan(grades.D);
    expect(grades.D).toBeGreaterThan(0);
    expect(grades.A / (grades.A + grades.B + grades.C + grades.D)).toBeLessThan(0.5);
  });

  it('moves people between quarters', async () => {
    const ranking = (
      await get('head.stc', `/api/rankings?period=${lastYear}-Q4&subjectType=person&limit=100`)
    ).body;
    const movements = ranking.items.map((i: { movement: number | null }) => i.movement);
    expect(movements.filter((m: number | null) => m !== null && m > 0).length).toBeGreaterThan(3);
    expect(movements.filter((m: number | null) => m !== null && m < 0).length).toBeGreaterThan(3);
  });

  it('has the current quarter of the Department of Finance partly entered, waiting for head.stc', async () => {
    const count = async (status: string) =>
      (
        await get(
          'hr.stc',
          `/api/evaluations?period=${current}&subjectType=person&status=${status}&limit=500`,
        )
      ).body;
    const drafts = await count('draft');
    const submitted = await count('submitted');
    const returned = await count('returned');
    const approved = await count('approved');
    expect(drafts.total).toBeGreaterThan(2);
    expect(submitted.total).toBeGreaterThan(2);
    expect(returned.total).toBe(1);
    expect(returned.items[0].returnReason.length).toBeGreaterThan(10);
    // Some drafts still miss a value, so that submitting them says why.
    const unsubmittable = await Promise.all(
      drafts.items.map(
        async (d: { id: number }) =>
          (await get('hr.stc', `/api/evaluations/${d.id}`)).body.items.some(
            (i: { value: unknown; bonus: boolean; fromIncidents: boolean }) =>
              i.value === null && !i.bonus && !i.fromIncidents,
          ) as boolean,
      ),
    );
    expect(unsubmittable.filter(Boolean).length).toBeGreaterThan(0);
    const dashboard = (await get('head.stc', `/api/dashboard/agency?period=${current}`)).body;
    expect(dashboard.agency.code).toBe('STC');
    expect(dashboard.waitingForApproval.period).toBe(submitted.total);
    expect(dashboard.totals).toMatchObject({
      evaluated: drafts.total + submitted.total + returned.total + approved.total,
      approved: approved.total,
    });
    expect(dashboard.totals.evaluated).toBeLessThan(dashboard.totals.headcount);
    expect(
      dashboard.rankTrend.filter((p: { rank: number | null }) => p.rank !== null).length,
    ).toBeGreaterThanOrEqual(4);
  });

  it('surfaces candidates and near misses of last year, and a nomination list that exports', async () => {
    const candidates = await get(
      'nominator.stc',
      `/api/exemplary?period=${lastYear}&nearMisses=true`,
    );
    expect(candidates.status).toBe(200);
    expect(candidates.body.items.length).toBeGreaterThan(0);
    expect(candidates.body.nearMisses.length).toBeGreaterThan(0);
    const lists = (await get('nominator.stc', '/api/nominations')).body.items;
    expect(lists).toHaveLength(1);
    const pdf = await get('nominator.stc', `/api/nominations/${lists[0].id}/export?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  });

  it('has incidents, an inspection of each agency, and visits under way for the inspector', async () => {
    expect((await get('inspector', '/api/incidents?limit=1')).body.total).toBeGreaterThan(0);
    expect((await get('inspector', '/api/inspections?limit=1')).body.total).toBeGreaterThanOrEqual(
      8,
    );
    // The quarter under way: agencies visited a week ago, their evaluations drafts to finish.
    const visits = (await get('inspector', `/api/inspections?period=${current}&limit=50`)).body;
    const drafts = (
      await get(
        'inspector',
        `/api/evaluations?period=${current}&subjectType=agency&status=draft&limit=50`,
      )
    ).body;
    expect(visits.total).toBeGreaterThan(0);
    expect(drafts.items.map((d: { subjectId: number }) => d.subjectId).sort()).toEqual(
      visits.items.map((v: { agencyId: number }) => v.agencyId).sort(),
    );
  });
});
