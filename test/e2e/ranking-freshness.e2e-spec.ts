import { RankingSnapshotsService } from '@app/rankings';
import {
  clientOf,
  publishIncidentSet,
  randomChanges,
  type Subject,
} from '../support/ranking-changes';
import { expectedRanking, rankingThroughApi, scopesOf } from '../support/ranking-check';
import { Scores } from '../support/scores';
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World } from '../support/world';

// Issue 13: rankings follow each change one subject at a time. The check: after a seeded random
// sequence of approvals, returns, reopenings and incidents, every scope equals libs/domain's
// ranking of the approved evaluations, and the tables equal a full rebuild.

const PERIODS = ['2024-Q4', '2025-Q1'];

describe('ranking freshness', () => {
  let t: TestApp;
  let w: World;
  let s: Scores;
  const subjects: Subject[] = [];
  let units: number[];

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    s = new Scores(t, w.tokens.admin);
    const call = clientOf(t, w.tokens.admin);
    await publishIncidentSet(call, 'person');
    await publishIncidentSet(call, 'agency');
    const unitA2 = await s.unit(w.agencyA.id, 'Phòng thứ hai');
    units = [w.unitA.id, unitA2, w.unitB.id];
    // Shared names and categories, units and none: ties are broken by name, then id.
    const names = ['Nguyễn Văn An', 'Lê Thị Bình', 'Đỗ Văn Cường', 'Nguyễn Văn An'];
    for (let i = 0; i < 14; i++) {
      const agency = i % 2 === 0 ? w.agencyA.id : w.agencyB.id;
      const unit =
        i % 2 === 0 ? [w.unitA.id, unitA2, undefined][i % 3] : [w.unitB.id, undefined][i % 2];
      const id = await s.person(
        names[i % names.length],
        agency,
        unit,
        i % 3 === 0 ? 'cadre' : 'worker',
      );
      subjects.push({ subjectType: 'person', subjectId: id });
    }
    subjects.push({ subjectType: 'agency', subjectId: w.agencyA.id });
    subjects.push({ subjectType: 'agency', subjectId: w.agencyB.id });
    subjects.push({ subjectType: 'agency', subjectId: await s.agency('Sở Nội vụ thử') });
  });
  afterAll(() => t.close());

  const snapshotOf = async () => ({
    entries: await t.dataSource.query(
      `SELECT period, subject_type, scope_kind, scope_id, subject_id, name, agency_id, unit_id,
         category, total, grade FROM ranking_entries
       ORDER BY period, subject_type, scope_kind, scope_id, subject_id`,
    ),
    totals: await t.dataSource.query(
      `SELECT period, subject_type, scope_kind, scope_id, category, total, entries
       FROM ranking_totals ORDER BY period, subject_type, scope_kind, scope_id, category, total`,
    ),
  });

  /** Reads every scope of the periods through the API, each checked against libs/domain. */
  const readEveryScope = async (periods: string[], pageSize: number) => {
    const all: unknown[] = [];
    for (const period of periods)
      for (const scope of scopesOf([w.agencyA.id, w.agencyB.id], units, ['cadre', 'worker'])) {
        const expected = await expectedRanking(t, period, scope);
        const actual = await rankingThroughApi(t, w.tokens.admin, period, scope, pageSize);
        expect({ scope: scope.query, period, ...actual }).toEqual({
          scope: scope.query,
          period,
          total: expected.length,
          items: expected,
        });
        all.push(actual);
      }
    return all;
  };

  it('equals libs/domain and a full rebuild after 160 random changes', async () => {
    const snapshots = t.app.get(RankingSnapshotsService);
    // Both rankings exist before the changes, so every change goes the incremental way.
    for (const period of PERIODS)
      for (const type of ['person', 'agency'] as const) await snapshots.rebuild(period, type);
    const { counts } = await randomChanges(
      [clientOf(t, w.tokens.admin)],
      subjects,
      PERIODS,
      160,
      20251,
    );
    expect(counts.approve).toBeGreaterThan(20);
    expect(counts.reopen).toBeGreaterThan(5);
    expect(counts.return).toBeGreaterThan(2);
    expect(counts.incidentAdded).toBeGreaterThan(10);
    expect(counts.incidentRemoved).toBeGreaterThan(3);
    // Names order equal totals and categories make rankings: a rename or a new category is a
    // ranked change too.
    const call = clientOf(t, w.tokens.admin);
    await call('patch', `/api/people/${subjects[0].subjectId}`, { fullName: 'Ánh Đổi Tên' });
    await call('patch', `/api/people/${subjects[4].subjectId}`, { category: 'cadre' });
    await call('patch', `/api/agencies/${w.agencyB.id}`, { name: 'Sở A đổi tên' });
    const [queued] = await t.dataSource.query('SELECT COUNT(*) AS n FROM evaluation_changes');
    expect(Number(queued.n)).toBeGreaterThan(0);
    await snapshots.drain();
    // Pages of 3: the windows' edges fall inside ties too.
    const read = () => readEveryScope(PERIODS, 3);
    const incremental = await read();
    const tables = await snapshotOf();
    expect(tables.entries.length).toBeGreaterThan(20);
    for (const period of PERIODS)
      for (const type of ['person', 'agency'] as const) await snapshots.rebuild(period, type);
    expect(await snapshotOf()).toEqual(tables);
    expect(await read()).toEqual(incremental);
  });

  it('keeps the rank indexes it holds right through changes, read between them', async () => {
    const snapshots = t.app.get(RankingSnapshotsService);
    // Quarters of their own: the test above filled PERIODS.
    const periods = ['2024-Q2', '2024-Q3'];
    const readEvery = async () => {
      await snapshots.drain();
      await readEveryScope(periods, 4);
    };
    // Every index is held before the first change; each change then moves the held ones of the
    // version before it by its counters, and the next read serves them.
    await readEvery();
    await randomChanges([clientOf(t, w.tokens.admin)], subjects, periods, 60, 777, async (step) => {
      if (step % 6 === 5) await readEvery();
    });
    // Changes that move no count: renames (the order among equals), then a new category.
    const call = clientOf(t, w.tokens.admin);
    for (const [i, subject] of subjects.slice(0, 12).entries()) {
      if (subject.subjectType !== 'person') continue;
      await call('patch', `/api/people/${subject.subjectId}`, { fullName: `Ánh Số ${12 - i}` });
      await readEvery();
    }
    await call('patch', `/api/people/${subjects[1].subjectId}`, { category: 'cadre' });
    await readEvery();
  });

  it('serves a page held before a change below it with the new N, and a renamed top as renamed', async () => {
    const call = clientOf(t, w.tokens.admin);
    const snapshots = t.app.get(RankingSnapshotsService);
    const approve = async (name: string, score: number) => {
      const person = await s.person(name, w.agencyA.id);
      const created = await call('post', '/api/evaluations', {
        subjectType: 'person',
        subjectId: person,
        period: '2023-Q4',
        values: { S: score },
      });
      await call('post', `/api/evaluations/${created.id}/submit`);
      await call('post', `/api/evaluations/${created.id}/approve`);
      return person;
    };
    const top = await approve('Trần Đứng Đầu', 90);
    await approve('Lê Thứ Hai', 80);
    await approve('Phạm Thứ Ba', 60);
    const page = () => s.ranking(`period=2023-Q4&subjectType=person&limit=2`);
    expect((await page()).total).toBe(3);
    // A change below the page: its rows stay, N and topPercent follow.
    await approve('Vũ Cuối Bảng', 50);
    const after = await page();
    expect(after.total).toBe(4);
    expect(after.items.map((i: { name: string }) => i.name)).toEqual([
      'Trần Đứng Đầu',
      'Lê Thứ Hai',
    ]);
    expect(after.items.map((i: { topPercent: number }) => i.topPercent)).toEqual([25, 50]);
    // A rename moves no count, yet the page shows it.
    await call('patch', `/api/people/${top}`, { fullName: 'Trần Đổi Tên' });
    await snapshots.drain();
    expect((await page()).items[0]).toMatchObject({ name: 'Trần Đổi Tên', rank: 1 });
  });

  it('answers an approval once the rankings show it, however slow the ranking work', async () => {
    const snapshots = t.app.get(RankingSnapshotsService);
    const call = clientOf(t, w.tokens.admin);
    const person = subjects[3].subjectId;
    const created = await call('post', '/api/evaluations', {
      subjectType: 'person',
      subjectId: person,
      period: '2024-Q1',
      values: { S: 70 },
    });
    await call('post', `/api/evaluations/${created.id}/submit`);
    // The ranking work takes a while (a busy database): the approval waits for it.
    const work = snapshots as unknown as { drainBatch: () => Promise<number> };
    const drainBatch = work.drainBatch;
    work.drainBatch = async function (this: unknown) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return drainBatch.call(this);
    };
    try {
      await call('post', `/api/evaluations/${created.id}/approve`);
      const entries = await t.dataSource.query(
        `SELECT total FROM ranking_entries WHERE period = '2024-Q1' AND subject_type = 'person'
           AND scope_kind = 'city' AND subject_id = ?`,
        [person],
      );
      expect(entries.map((e: { total: unknown }) => Number(e.total))).toEqual([80]);
    } finally {
      work.drainBatch = drainBatch;
    }
  });

  it('writes a handful of rows per change, not the period', async () => {
    const call = clientOf(t, w.tokens.admin);
    const person = subjects[0].subjectId;
    const before = await t.dataSource.query(
      "SELECT version FROM ranking_snapshots WHERE period = '2025-Q2' AND subject_type = 'person'",
    );
    expect(before).toEqual([]);
    const evaluation = await call('post', '/api/evaluations', {
      subjectType: 'person',
      subjectId: person,
      period: '2025-Q2',
      values: { S: 80 },
    });
    await call('post', `/api/evaluations/${evaluation.id}/submit`);
    await call('post', `/api/evaluations/${evaluation.id}/approve`);
    await t.app.get(RankingSnapshotsService).drain();
    const ranking = await s.ranking('period=2025-Q2&subjectType=person');
    expect(ranking.items).toMatchObject([{ subjectId: person, rank: 1, total: 90 }]);
    const [{ version }] = await t.dataSource.query(
      "SELECT version FROM ranking_snapshots WHERE period = '2025-Q2' AND subject_type = 'person'",
    );
    // An incident: one more version, the subject's rows moved to its new total.
    await call('post', '/api/incidents', {
      subjectType: 'person',
      subjectId: person,
      criterionCode: 'I',
      occurredOn: '2025-05-02',
    });
    const read = await s.ranking('period=2025-Q2&subjectType=person');
    expect(read.items).toMatchObject([{ subjectId: person, rank: 1, total: 88 }]);
    const [after] = await t.dataSource.query(
      "SELECT version FROM ranking_snapshots WHERE period = '2025-Q2' AND subject_type = 'person'",
    );
    expect(Number(after.version)).toBe(Number(version) + 1);
    expect(await t.dataSource.query('SELECT * FROM evaluation_changes')).toEqual([]);
  });

  // Last: it stops this instance's ranking work.
  it('finishes at start-up of another instance the work a crashed one left pending', async () => {
    const call = clientOf(t, w.tokens.admin);
    const [one, two] = [subjects[1].subjectId, subjects[2].subjectId];
    const ids: number[] = [];
    for (const [person, score] of [
      [one, 80],
      [two, 70],
    ]) {
      const created = await call('post', '/api/evaluations', {
        subjectType: 'person',
        subjectId: person,
        period: '2025-Q3',
        values: { S: score },
      });
      await call('post', `/api/evaluations/${created.id}/submit`);
      await call('post', `/api/evaluations/${created.id}/approve`);
      ids.push(created.id);
    }
    const snapshots = t.app.get(RankingSnapshotsService);
    await snapshots.drain();
    // The instance stops working (as if killed): two changes commit with their outbox rows and
    // nobody works them off; one was even claimed by an instance that died holding it.
    await snapshots.onApplicationShutdown();
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    await t.dataSource.transaction(async (manager) => {
      await manager.query("UPDATE evaluations SET status = 'returned' WHERE id = ?", [ids[0]]);
      await manager.query('UPDATE evaluations SET total = 95 WHERE id = ?', [ids[1]]);
      await manager.query(
        `INSERT INTO evaluation_changes (period, subject_type, subject_id, created_at, claimed_by, claimed_until)
         VALUES ('2025-Q3', 'person', ?, ?, NULL, NULL),
                ('2025-Q3', 'person', ?, ?, 'a-dead-instance', '2000-01-01 00:00:00.000')`,
        [one, now, two, now],
      );
    });
    const cityEntries = () =>
      t.dataSource.query(
        `SELECT subject_id, total FROM ranking_entries
         WHERE period = '2025-Q3' AND subject_type = 'person' AND scope_kind = 'city'
         ORDER BY subject_id`,
      );
    expect(
      (await cityEntries()).map((row: { subject_id: number }) => Number(row.subject_id)),
    ).toEqual([one, two].sort((a, b) => a - b));
    const next = await createTestApp({}, { shareDatabaseOf: t });
    try {
      await next.app.get(RankingSnapshotsService).settledAll();
      expect(await next.dataSource.query('SELECT id FROM evaluation_changes')).toEqual([]);
      const ranking = await next
        .http()
        .get('/api/rankings?period=2025-Q3&subjectType=person')
        .set('Authorization', await next.login('root.admin'));
      expect(ranking.body).toMatchObject({
        total: 1,
        items: [{ subjectId: two, rank: 1, total: 95 }],
      });
    } finally {
      await next.close();
    }
  });
});
