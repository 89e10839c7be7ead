import { generateCity } from '@app/demo';
import { rollupOf, type QuarterResult } from '@app/domain';
import { RollupSchedulerService } from '../../libs/rollups/src/rollup-scheduler.service';
import { RollupsService } from '@app/rollups';
import { insertEvaluations, insertPeople } from '../support/direct-rows';
import { Scores } from '../support/scores';
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World, WorldUser } from '../support/world';

/** A promise the test resolves when it wants a held run to go on. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('rollups', () => {
  let t: TestApp;
  let w: World;
  let s: Scores;
  let rollups: RollupsService;
  const sets: number[] = [];
  const ids: Record<string, number> = {};

  const post = (body: object, user: WorldUser = 'admin') =>
    t.http().post('/api/rollups').set('Authorization', w.tokens[user]).send(body);
  const runsOf = async (period: string) =>
    (await s.call('get', `/api/rollups/runs?period=${period}`)).items as {
      id: number;
      status: string;
      trigger: string;
      subjects: number | null;
      error: string | null;
    }[];
  const rollupRow = async (period: string, subjectId: number) =>
    (
      (await t.dataSource.query(
        `SELECT total, grade, disqualified, quarters_counted FROM rollup_results
         WHERE period = ? AND subject_type = 'person' AND subject_id = ?`,
        [period, subjectId],
      )) as { total: string | number; grade: string; quarters_counted: number | string }[]
    ).map((r) => ({ total: Number(r.total), grade: r.grade, counted: Number(r.quarters_counted) }));

  async function runNow(period: string) {
    const response = await post({ period });
    expect(response.status).toBe(202);
    await rollups.idle();
    return response.body as { id: number };
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    s = new Scores(t, w.tokens.admin);
    rollups = t.app.get(RollupsService);
    sets.push((await s.publishSet('person')).id);
    await s.publishSet('agency');
    ids.khoa = await s.person('Phạm Minh Khoa', w.agencyA.id, w.unitA.id);
    ids.lan = await s.person('Vũ Thị Lan', w.agencyA.id, w.unitA.id);
    ids.none = await s.person('Hồ Văn Không', w.agencyA.id);
    await s.approved('person', ids.khoa, '2024-Q4', 100);
    await s.approved('person', ids.lan, '2024-Q3', 99);
    await s.approved('person', ids.khoa, '2025-Q1', 80.01);
    await s.approved('person', ids.khoa, '2025-Q2', 80.02);
    await s.approved('person', ids.lan, '2025-Q1', 95);
    await s.call('post', '/api/evaluations', {
      subjectType: 'person',
      subjectId: ids.none,
      period: '2025-Q1',
      values: { S: 99 },
    }); // a draft: never counted
    // A newer set with a lower A threshold: the year of Khoa is graded by it.
    sets.push((await s.publishSet('person', { A: 80, B: 70, C: 50 })).id);
    await s.approved('person', ids.khoa, '2025-Q3', 90);
    await s.approved('person', ids.khoa, '2025-Q4', 91);
  });
  afterAll(() => t.close());

  it('rolls up a half: mean rounded half up, quarters counted, grade, runs recorded', async () => {
    const response = await post({ period: '2025-H1' });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({
      period: '2025-H1',
      status: 'running',
      trigger: 'manual',
    });
    await rollups.idle();
    expect(await rollupRow('2025-H1', ids.khoa)).toEqual([
      { total: 80.02, grade: 'B', counted: 2 },
    ]);
    expect(await rollupRow('2025-H1', ids.lan)).toEqual([{ total: 95, grade: 'A', counted: 1 }]);
    expect(await rollupRow('2025-H1', ids.none)).toEqual([]);
    const [run] = await runsOf('2025-H1');
    expect(run).toMatchObject({
      id: response.body.id,
      status: 'succeeded',
      trigger: 'manual',
      subjects: 2,
      error: null,
    });
    expect(run).toHaveProperty('startedAt');
    expect(run).toHaveProperty('finishedAt');
  });

  it('grades a year by the thresholds of the newest set used', async () => {
    await runNow('2025');
    // (80.01 + 80.02 + 90 + 91) / 4 = 85.2575 → 85.26; A by the newer set (A ≥ 80).
    expect(await rollupRow('2025', ids.khoa)).toEqual([{ total: 85.26, grade: 'A', counted: 4 }]);
    await runNow('2025-H2');
    expect(await rollupRow('2025-H2', ids.khoa)).toEqual([{ total: 90.5, grade: 'A', counted: 2 }]);
  });

  it('ranks halves from roll-ups, with previousRank from the previous year’s H2', async () => {
    await runNow('2024-H2');
    const body = await s.ranking(`period=2025-H1&subjectType=person&agencyId=${w.agencyA.id}`);
    expect(body.items).toEqual([
      expect.objectContaining({
        subjectId: ids.lan,
        rank: 1,
        total: 95,
        previousRank: 2,
        movement: 1,
      }),
      expect.objectContaining({
        subjectId: ids.khoa,
        rank: 2,
        total: 80.02,
        grade: 'B',
        previousRank: 1,
        movement: -1,
        topPercent: 100,
      }),
    ]);
    const year = await s.ranking('period=2025&subjectType=person');
    expect(
      year.items.map((i: { subjectId: number; rank: number }) => [i.subjectId, i.rank]),
    ).toEqual([
      [ids.lan, 1],
      [ids.khoa, 2],
    ]);
  });

  it('gives the history of every period a person was ranked in, newest first', async () => {
    const response = await t
      .http()
      .get(`/api/rankings/history?subjectType=person&subjectId=${ids.khoa}`)
      .set('Authorization', w.tokens.headA);
    expect(response.status).toBe(200);
    expect(response.body.items.map((i: { period: string }) => i.period)).toEqual([
      '2025',
      '2025-H2',
      '2025-Q4',
      '2025-Q3',
      '2025-H1',
      '2025-Q2',
      '2025-Q1',
      '2024-H2',
      '2024-Q4',
    ]);
    expect(response.body.items[0]).toEqual({
      period: '2025',
      rank: 2,
      rankedOf: 2,
      total: 85.26,
      grade: 'A',
    });
  });

  it('answers 409 ROLLUP_RUNNING with the running run’s id while one runs', async () => {
    const held = gate();
    rollups.testHooks.beforeRun = () => held.opened;
    try {
      const first = await post({ period: '2025-H1' });
      expect(first.status).toBe(202);
      const second = await post({ period: '2025-H1' });
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({
        code: 'ROLLUP_RUNNING',
        details: { runId: first.body.id },
      });
      // Another period is not blocked.
      const other = await post({ period: '2024' });
      expect(other.status).toBe(202);
      held.open();
      await rollups.idle();
      expect((await runsOf('2025-H1'))[0]).toMatchObject({
        id: first.body.id,
        status: 'succeeded',
      });
    } finally {
      delete rollups.testHooks.beforeRun;
      held.open();
    }
  });

  it('leaves the old results intact and records a run that fails half-way', async () => {
    const before = await rollupRow('2025-H1', ids.khoa);
    // New data the failed run would have counted: a quarter of someone not rolled up yet.
    await s.approved('person', ids.none, '2025-Q2', 60);
    rollups.testHooks.afterResultsReplaced = async () => {
      throw new Error('Lỗi thử nghiệm giữa chừng');
    };
    try {
      const response = await post({ period: '2025-H1' });
      expect(response.status).toBe(202);
      await rollups.idle();
    } finally {
      delete rollups.testHooks.afterResultsReplaced;
    }
    const [run] = await runsOf('2025-H1');
    expect(run).toMatchObject({
      status: 'failed',
      error: 'Lỗi thử nghiệm giữa chừng',
      subjects: null,
    });
    expect(await rollupRow('2025-H1', ids.khoa)).toEqual(before);
    expect(await rollupRow('2025-H1', ids.none)).toEqual([]);
    const ranking = await s.ranking('period=2025-H1&subjectType=person');
    expect(ranking.total).toBe(2);
    // The lock was released: the next run goes through and counts the new quarter.
    await runNow('2025-H1');
    expect(await rollupRow('2025-H1', ids.none)).toEqual([{ total: 60, grade: 'C', counted: 1 }]);
    expect((await s.ranking('period=2025-H1&subjectType=person')).total).toBe(3);
  });

  it('takes over a run whose lease expired, and respects one whose lease is alive', async () => {
    const insertRunning = async (period: string, leaseUntil: string) => {
      await t.dataSource.query(
        `INSERT INTO rollup_runs (period, \`trigger\`, status, active_period, started_at, lease_until)
         VALUES (?, 'manual', 'running', ?, '2025-01-01 00:00:00.000', ?)`,
        [period, period, leaseUntil],
      );
      const [row] = (await t.dataSource.query(
        'SELECT id FROM rollup_runs WHERE active_period = ?',
        [period],
      )) as { id: number }[];
      return Number(row.id);
    };
    const dead = await insertRunning('2021', '2025-01-01 00:05:00.000');
    const taken = await post({ period: '2021' });
    expect(taken.status).toBe(202);
    await rollups.idle();
    const runs = await runsOf('2021');
    expect(runs.find((r) => r.id === dead)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('Lease expired'),
    });
    expect(runs.find((r) => r.id === taken.body.id)).toMatchObject({ status: 'succeeded' });

    const alive = await insertRunning('2021-H1', '2999-01-01 00:00:00.000');
    const refused = await post({ period: '2021-H1' });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual({ runId: alive });
  });

  it('agrees with rollupOf on hundreds of subjects', async () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 16807) % 2147483647;
      return seed % n;
    };
    const people = Array.from({ length: 150 }, (_, i) => ({
      fullName: `Người thử ${i}`,
      agencyId: i % 2 ? w.agencyA.id : w.agencyB.id,
      unitId: null,
      category: 'worker',
    }));
    const personIds = await insertPeople(t.dataSource, people, `RU${process.pid}X`);
    const thresholds = [
      { A: 90, B: 75, C: 50 },
      { A: 80, B: 70, C: 50 },
    ];
    const quarters = ['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4'];
    const rows: { subjectId: number; q: QuarterResult; status: string }[] = [];
    for (const subjectId of personIds) {
      for (const period of quarters) {
        if (random(4) === 0) continue;
        const setIndex = random(2);
        rows.push({
          subjectId,
          status: random(10) === 0 ? 'submitted' : 'approved',
          q: {
            period,
            // Totals with 2 decimals whose means hit halves: x.xx5 cases.
            total: (4000 + random(6001)) / 100,
            disqualified: random(8) === 0,
            thresholds: thresholds[setIndex],
            setOrder: setIndex,
          },
        });
      }
    }
    await insertEvaluations(
      t.dataSource,
      rows.map((r, i) => ({
        subjectType: 'person' as const,
        subjectId: r.subjectId,
        agencyId: people[personIds.indexOf(r.subjectId)].agencyId,
        unitId: null,
        period: r.q.period,
        criteriaSetId: sets[r.q.setOrder],
        total: r.q.total,
        grade: 'B',
        disqualified: r.q.disqualified,
        status: r.status,
        id: i,
      })),
    );
    for (const period of ['2022-H1', '2022-H2', '2022']) {
      await runNow(period);
      const stored = (await t.dataSource.query(
        `SELECT subject_id, total, grade, disqualified, quarters_counted FROM rollup_results
         WHERE period = ? AND subject_type = 'person'`,
        [period],
      )) as Record<string, string | number>[];
      const actual = new Map(
        stored.map((r) => [
          Number(r.subject_id),
          {
            total: Number(r.total),
            grade: r.grade,
            disqualified: Boolean(Number(r.disqualified)),
            quartersCounted: Number(r.quarters_counted),
          },
        ]),
      );
      let compared = 0;
      for (const subjectId of personIds) {
        const approved = rows
          .filter((r) => r.subjectId === subjectId && r.status === 'approved')
          .map((r) => r.q);
        const expected = rollupOf(period, approved);
        if (expected === null) {
          expect(actual.has(subjectId)).toBe(false);
          continue;
        }
        compared++;
        expect([subjectId, actual.get(subjectId)]).toEqual([
          subjectId,
          {
            total: expected.total,
            grade: expected.grade,
            disqualified: expected.disqualified,
            quartersCounted: expected.quartersCounted,
          },
        ]);
      }
      expect(compared).toBeGreaterThan(100);
    }
  });

  it('rolls up a generated city: every evaluated subject once, ranked in every scope', async () => {
    const phases = new Set<string>();
    const city = await generateCity(t.dataSource, {
      agencies: 6,
      people: 300,
      criteria: 8,
      quarters: 4,
      lastQuarter: '2019-Q4',
      progress: (phase) => phases.add(phase),
    });
    expect(city).toMatchObject({ agencies: 6, people: 300, evaluations: 4 * 306 });
    expect(phases.has('people')).toBe(true);
    await runNow('2019');
    const [run] = await runsOf('2019');
    expect(run).toMatchObject({ status: 'succeeded', subjects: 306 });
    const people = await s.ranking('period=2019&subjectType=person&limit=500');
    expect(people.total).toBe(300);
    expect(people.items[0].rank).toBe(1);
    const agencies = await s.ranking('period=2019-Q3&subjectType=agency');
    expect(agencies.total).toBe(6);
  });

  it('catches up the latest missed scheduled roll-up that never succeeded since', async () => {
    const scheduler = t.app.get(RollupSchedulerService);
    // On 1 February 2026 the latest occurrences are 5 July 2025 (2025-H1) and 5 January 2026
    // (2025-H2 and 2025). 2025-H1 and 2025 succeeded since; 2025-H2 succeeded too: none due.
    expect(await scheduler.runDue(null, 'catch-up', new Date('2026-02-01T00:00:00Z'))).toEqual([]);
    // On 1 February 2024: 2023-H1, 2023-H2 and 2023 never ran: all three are caught up.
    const started = await scheduler.runDue(null, 'catch-up', new Date('2024-02-01T00:00:00Z'));
    await rollups.idle();
    expect(started.sort()).toEqual(['2023', '2023-H1', '2023-H2']);
    expect((await runsOf('2023-H2'))[0]).toMatchObject({
      trigger: 'catch-up',
      status: 'succeeded',
    });
  });

  it.each([
    'hrA',
    'headA',
    'nominatorA',
    'nominatorCity',
    'inspector',
    'hrB',
    'headB',
  ] as WorldUser[])('refuses POST /rollups to %s with 403 and records no run', async (user) => {
    const response = await post({ period: '2020' }, user);
    expect(response.status).toBe(403);
    expect(await runsOf('2020')).toEqual([]);
  });

  it.each([
    ['admin', 200],
    ['inspector', 200],
    ['nominatorA', 200],
    ['nominatorCity', 200],
    ['headA', 200],
    ['headB', 200],
    ['hrA', 403],
    ['hrB', 403],
  ] as [WorldUser, number][])('answers GET /rollups/runs to %s with %i', async (user, status) => {
    const response = await t.http().get('/api/rollups/runs').set('Authorization', w.tokens[user]);
    expect(response.status).toBe(status);
    if (status === 200) expect(response.body.items.length).toBeGreaterThan(0);
  });

  it.each([
    [{ period: '2025-Q1' }],
    [{ period: '2025-H3' }],
    [{ period: '1999' }],
    [{ period: 2025 }],
    [{}],
    [{ period: '2025', extra: true }],
  ])('rejects the body %j with 400 and starts nothing', async (body) => {
    const count = async () =>
      Number(
        ((await t.dataSource.query('SELECT COUNT(*) AS n FROM rollup_runs')) as { n: number }[])[0]
          .n,
      );
    const before = await count();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(await count()).toBe(before);
  });

  it('rejects a bad period filter on /rollups/runs with 400', async () => {
    const response = await t
      .http()
      .get('/api/rollups/runs?period=2025-Q1')
      .set('Authorization', w.tokens.admin);
    expect(response.status).toBe(400);
  });

  it('lets exactly one of two instances sharing the database run a period at a time', async () => {
    const second = await createTestApp({}, { shareDatabaseOf: t });
    try {
      const rollups2 = second.app.get(RollupsService);
      const held = gate();
      rollups.testHooks.beforeRun = () => held.opened;
      rollups2.testHooks.beforeRun = () => held.opened;
      const token2 = await second.login('root.admin');
      const [a, b] = await Promise.all([
        post({ period: '2025-H2' }),
        second.http().post('/api/rollups').set('Authorization', token2).send({ period: '2025-H2' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([202, 409]);
      const [winner, loser] = a.status === 202 ? [a, b] : [b, a];
      expect(loser.body).toMatchObject({
        code: 'ROLLUP_RUNNING',
        details: { runId: winner.body.id },
      });
      held.open();
      await Promise.all([rollups.idle(), rollups2.idle()]);
      delete rollups.testHooks.beforeRun;
      delete rollups2.testHooks.beforeRun;
      const runs = await runsOf('2025-H2');
      expect(runs.filter((r) => r.status === 'running')).toEqual([]);
      expect(runs[0]).toMatchObject({ id: winner.body.id, status: 'succeeded', subjects: 1 });
      expect(await rollupRow('2025-H2', ids.khoa)).toEqual([
        { total: 90.5, grade: 'A', counted: 2 },
      ]);
    } finally {
      await second.close();
    }
  });
});
