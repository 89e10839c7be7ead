import { RankingSnapshotsService, RankingVersions } from '@app/rankings';
import {
  type Call,
  clientOf,
  publishIncidentSet,
  randomChanges,
  type Subject,
} from '../support/ranking-changes';
import { expectedRanking, rankingThroughApi, scopesOf } from '../support/ranking-check';
import { insertEvaluations } from '../support/direct-rows';
import { Scores } from '../support/scores';
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World } from '../support/world';

// Issue 13: two API instances on one database (as behind a load balancer), first with the
// database alone, then with Redis (CI has one at 127.0.0.1:6379; every database gets a channel
// of its own, so parallel runs never hear each other).

const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each([
  ['the database alone', ''],
  ['Redis', REDIS],
])('two instances sharing one database, with %s', (_, redisUrl) => {
  let first: TestApp;
  let second: TestApp;
  let w: World;
  let s: Scores;
  let via: [Call, Call];
  const people: number[] = [];

  beforeAll(async () => {
    first = await createTestApp({ REDIS_URL: redisUrl });
    second = await createTestApp({ REDIS_URL: redisUrl }, { shareDatabaseOf: first });
    w = await buildWorld(first);
    s = new Scores(first, w.tokens.admin);
    via = [clientOf(first, w.tokens.admin), clientOf(second, w.tokens.admin)];
    await publishIncidentSet(via[0], 'person');
    await publishIncidentSet(via[0], 'agency');
    for (let i = 0; i < 16; i++)
      people.push(
        await s.person(
          `Người thứ ${i % 5}`,
          i % 2 ? w.agencyA.id : w.agencyB.id,
          i % 2 ? w.unitA.id : undefined,
          i % 3 ? 'worker' : 'cadre',
        ),
      );
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const services = () => [first, second].map((t) => t.app.get(RankingSnapshotsService));
  const version = async (period: string) => {
    const rows = await first.dataSource.query(
      "SELECT version FROM ranking_snapshots WHERE period = ? AND subject_type = 'person'",
      [period],
    );
    return rows.length ? Number(rows[0].version) : 0;
  };
  const approve = async (call: Call, subjectId: number, period: string, score: number) => {
    const created = await call('post', '/api/evaluations', {
      subjectType: 'person',
      subjectId,
      period,
      values: { S: score },
    });
    await call('post', `/api/evaluations/${created.id}/submit`);
    return call('post', `/api/evaluations/${created.id}/approve`);
  };

  it(`carries versions ${redisUrl ? 'through Redis' : 'through the database alone'}`, () => {
    for (const t of [first, second])
      expect(t.app.get(RankingVersions).pushed).toBe(redisUrl !== '');
  });

  it('builds a ranking seen for the first time once, not once per instance', async () => {
    // An approved evaluation of a quarter no instance has heard of (loaded by a seeder).
    const [set] = await first.dataSource.query(
      "SELECT id FROM criteria_sets WHERE target = 'person' AND status = 'published' ORDER BY id DESC LIMIT 1",
    );
    const [person] = await first.dataSource.query('SELECT agency_id FROM people WHERE id = ?', [
      people[0],
    ]);
    await insertEvaluations(first.dataSource, [
      {
        subjectType: 'person',
        subjectId: people[0],
        agencyId: Number(person.agency_id),
        unitId: null,
        period: '2024-Q1',
        criteriaSetId: Number(set.id),
        total: 85,
        grade: 'B',
        disqualified: false,
      },
    ]);
    await Promise.all(services().map((service) => service.ensureFresh('2024-Q1', 'person')));
    expect(await version('2024-Q1')).toBe(1);
    const page = await second
      .http()
      .get('/api/rankings?period=2024-Q1&subjectType=person')
      .set('Authorization', w.tokens.admin);
    expect(page.body).toMatchObject({ total: 1, items: [{ subjectId: people[0], total: 85 }] });
  });

  it('shows a change made through one instance in the other within a second', async () => {
    await approve(via[0], people[0], '2025-Q2', 50);
    for (const [i, score] of [70, 80, 90].entries()) {
      const [writer, reader] = i % 2 ? [via[1], second] : [via[0], first];
      const other = reader === first ? second : first;
      const query = '/api/rankings?period=2025-Q2&subjectType=person';
      // The other instance has the page cached before the change.
      expect((await other.http().get(query).set('Authorization', w.tokens.admin)).status).toBe(200);
      const person = people[i + 1];
      await approve(writer, person, '2025-Q2', score);
      const answered = Date.now();
      let seen = false;
      while (!seen && Date.now() - answered < 3000) {
        const page = await other.http().get(query).set('Authorization', w.tokens.admin);
        seen = page.body.items[0]?.subjectId === person;
        if (!seen) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(seen).toBe(true);
      expect(Date.now() - answered).toBeLessThan(1000);
    }
  });

  if (redisUrl) {
    it('pushes each new version to the other instance through Redis alone', async () => {
      const versions = second.app.get(RankingVersions);
      versions.stopPolling();
      for (const score of [61, 62, 63]) {
        await approve(via[0], people[4 + score - 61], '2025-Q2', score);
        await first.app.get(RankingSnapshotsService).drain();
        const target = await version('2025-Q2');
        const since = Date.now();
        while (versions.get('2025-Q2', 'person') < target && Date.now() - since < 2000)
          await new Promise((resolve) => setTimeout(resolve, 5));
        expect(versions.get('2025-Q2', 'person')).toBe(target);
      }
    });
  }

  it('works off each change once, whichever instance claims it', async () => {
    const [one, two] = services();
    await Promise.all([one.drain(), two.drain()]);
    const processed = one.processed + two.processed;
    const before = await version('2025-Q3');
    await approve(via[0], people[15], '2025-Q3', 40); // builds 2025-Q3 (one version)
    await Promise.all([one.drain(), two.drain()]);
    const built = await version('2025-Q3');
    expect(built).toBeGreaterThan(before);
    const base = one.processed + two.processed;
    // Ten approvals through both instances at once, both instances draining all the while.
    // (Drafts are created one by one: concurrent creations are not what this is about.)
    const submitted: number[] = [];
    for (const [i, id] of people.slice(0, 10).entries()) {
      const created = await via[0]('post', '/api/evaluations', {
        subjectType: 'person',
        subjectId: id,
        period: '2025-Q3',
        values: { S: 50 + i },
      });
      await via[0]('post', `/api/evaluations/${created.id}/submit`);
      submitted.push(created.id);
    }
    await Promise.all([
      ...submitted.map((id, i) => via[i % 2]('post', `/api/evaluations/${id}/approve`)),
      one.drain(),
      two.drain(),
    ]);
    await Promise.all([one.drain(), two.drain()]);
    expect(one.processed + two.processed - base).toBe(10);
    // One version per batch of work: at most one per change, never one per instance.
    const after = await version('2025-Q3');
    expect(after).toBeGreaterThan(built);
    expect(after).toBeLessThanOrEqual(built + 10);
    expect(await first.dataSource.query('SELECT id FROM evaluation_changes')).toEqual([]);
    expect(base - processed).toBe(1);
    const ranking = await rankingThroughApi(second, w.tokens.admin, '2025-Q3', {
      query: 'subjectType=person',
      where: () => true,
    });
    expect(ranking.total).toBe(11);
  });

  it('equals libs/domain after random changes through both instances', async () => {
    const subjects: Subject[] = people.map((subjectId) => ({ subjectType: 'person', subjectId }));
    await randomChanges(via, subjects, ['2025-Q4'], 60, redisUrl ? 7 : 3);
    await Promise.all(services().map((service) => service.drain()));
    for (const t of [first, second])
      for (const scope of scopesOf([w.agencyA.id, w.agencyB.id], [w.unitA.id], ['cadre'])) {
        const expected = await expectedRanking(t, '2025-Q4', scope);
        const actual = await rankingThroughApi(t, w.tokens.admin, '2025-Q4', scope, 4);
        expect({ scope: scope.query, ...actual }).toEqual({
          scope: scope.query,
          total: expected.length,
          items: expected,
        });
      }
  });
});
