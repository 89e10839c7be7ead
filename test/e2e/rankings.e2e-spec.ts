import { rankEntries } from '@app/domain';
import { RankingSnapshotsService } from '@app/rankings';
import { insertEvaluations, insertPeople } from '../support/direct-rows';
import { Scores } from '../support/scores';
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World, WorldUser } from '../support/world';

describe('rankings', () => {
  let t: TestApp;
  let w: World;
  let s: Scores;
  let personSetId: number;
  const ids: Record<string, number> = {};
  const evaluationIds: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    s = new Scores(t, w.tokens.admin);
    personSetId = (await s.publishSet('person')).id;
    await s.publishSet('agency');
    ids.an = await s.person('Nguyễn Văn An', w.agencyA.id, w.unitA.id, 'civil_servant');
    ids.binh = await s.person('Đỗ Thị Bình', w.agencyA.id, w.unitA.id, 'public_employee');
    ids.cuong = await s.person('Lê Văn Cường', w.agencyA.id, undefined, 'civil_servant');
    ids.hoa = w.personA.id; // Nguyễn Thị Hoà, civil_servant, unit A
    ids.tranBinh = w.personB.id; // Trần Văn Bình, agency B
    ids.anh = await s.person('Ánh Dương', w.agencyB.id, w.unitB.id, 'cadre');
    ids.agencyC = await s.agency('Sở Xây dựng thử');
    // 2024-Q4 in agency A: Hoà 95, Bình 80, An 70 (Cường not evaluated).
    for (const [key, score] of [
      ['hoa', 95],
      ['binh', 80],
      ['an', 70],
    ] as const)
      await s.approved('person', ids[key], '2024-Q4', score);
    // 2025-Q1: city-wide 95, 90, 85, 85, 85, 70.
    for (const [key, score] of [
      ['an', 90],
      ['binh', 85],
      ['cuong', 85],
      ['hoa', 70],
      ['tranBinh', 85],
      ['anh', 95],
    ] as const)
      evaluationIds[key] = await s.approved('person', ids[key], '2025-Q1', score);
    await s.approved('agency', w.agencyA.id, '2025-Q1', 88);
    await s.approved('agency', w.agencyB.id, '2025-Q1', 88);
    await s.approved('agency', ids.agencyC, '2025-Q1', 99);
  });
  afterAll(() => t.close());

  const brief = (body: { items: { subjectId: number; rank: number }[] }) =>
    body.items.map((item) => [item.subjectId, item.rank]);

  it('ranks people of an agency with shared ranks (1, 2, 2, 4), ties by name then id', async () => {
    const body = await s.ranking(`period=2025-Q1&subjectType=person&agencyId=${w.agencyA.id}`);
    expect(body).toMatchObject({ period: '2025-Q1', total: 4, limit: 50, offset: 0 });
    expect(brief(body)).toEqual([
      [ids.an, 1],
      [ids.cuong, 2], // "Lê…" before "Đỗ…": plain code-point order
      [ids.binh, 2],
      [ids.hoa, 4],
    ]);
    expect(body.items[0]).toEqual(
      expect.objectContaining({
        rank: 1,
        subjectId: ids.an,
        name: 'Nguyễn Văn An',
        agencyId: w.agencyA.id,
        total: 90,
        grade: 'A',
        topPercent: 25,
        previousRank: 3,
        movement: 2,
      }),
    );
    // previousRank across the year boundary: 2025-Q1 follows 2024-Q4.
    expect(body.items.map((i: { previousRank: number | null }) => i.previousRank)).toEqual([
      3,
      null,
      2,
      1,
    ]);
    expect(body.items.map((i: { movement: number | null }) => i.movement)).toEqual([
      2,
      null,
      0,
      -3,
    ]);
    expect(body.items.map((i: { topPercent: number }) => i.topPercent)).toEqual([25, 50, 50, 100]);
  });

  it('ranks people city-wide with topPercent rounded to one decimal', async () => {
    const body = await s.ranking('period=2025-Q1&subjectType=person');
    expect(body.total).toBe(6);
    expect(brief(body)).toEqual([
      [ids.anh, 1],
      [ids.an, 2],
      [ids.cuong, 3],
      [ids.tranBinh, 3],
      [ids.binh, 3],
      [ids.hoa, 6],
    ]);
    expect(body.items.map((i: { topPercent: number }) => i.topPercent)).toEqual([
      16.7, 33.3, 50, 50, 50, 100,
    ]);
  });

  it('ranks a unit and a category', async () => {
    const unit = await s.ranking(`period=2025-Q1&subjectType=person&unitId=${w.unitA.id}`);
    expect(brief(unit)).toEqual([
      [ids.an, 1],
      [ids.binh, 2],
      [ids.hoa, 3],
    ]);
    const category = await s.ranking(
      `period=2025-Q1&subjectType=person&agencyId=${w.agencyA.id}&category=civil_servant`,
    );
    expect(category.total).toBe(3);
    expect(brief(category)).toEqual([
      [ids.an, 1],
      [ids.cuong, 2],
      [ids.hoa, 3],
    ]);
    // Previous ranks in the same category ranking of 2024-Q4: Hoà 1, An 2.
    expect(category.items.map((i: { previousRank: number | null }) => i.previousRank)).toEqual([
      2,
      null,
      1,
    ]);
  });

  it('ranks agencies city-wide, ties by name', async () => {
    const body = await s.ranking('period=2025-Q1&subjectType=agency');
    expect(brief(body)).toEqual([
      [ids.agencyC, 1],
      [w.agencyB.id, 2], // Sở Nội vụ thử
      [w.agencyA.id, 2], // Sở Tài chính thử
    ]);
    expect(body.items[1]).toMatchObject({ total: 88, grade: 'B', previousRank: null });
  });

  it('pages with limit and offset', async () => {
    const page = await s.ranking('period=2025-Q1&subjectType=person&limit=2&offset=2');
    expect(page).toMatchObject({ total: 6, limit: 2, offset: 2 });
    expect(brief(page)).toEqual([
      [ids.cuong, 3],
      [ids.tranBinh, 3],
    ]);
    const beyond = await s.ranking('period=2025-Q1&subjectType=person&offset=10');
    expect(beyond).toMatchObject({ total: 6, items: [] });
    const empty = await s.ranking('period=2019-Q1&subjectType=person');
    expect(empty).toMatchObject({ total: 0, items: [] });
  });

  const everyone: WorldUser[] = [
    'admin',
    'hrA',
    'headA',
    'nominatorA',
    'nominatorCity',
    'inspector',
    'hrB',
    'headB',
  ];

  it.each(everyone)('lets %s read agency rankings city-wide', async (user) => {
    const response = await t
      .http()
      .get('/api/rankings?period=2025-Q1&subjectType=agency')
      .set('Authorization', w.tokens[user]);
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(3);
  });

  it.each([
    ['admin', 6],
    ['inspector', 6],
    ['nominatorCity', 6],
    ['hrA', 4],
    ['headA', 4],
    ['nominatorA', 4],
    ['hrB', 2],
    ['headB', 2],
  ] as [WorldUser, number][])(
    'gives %s the people of its scope by default (%i)',
    async (user, total) => {
      const response = await t
        .http()
        .get('/api/rankings?period=2025-Q1&subjectType=person')
        .set('Authorization', w.tokens[user]);
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(total);
    },
  );

  it.each([
    ['hrA', 'agencyB'],
    ['headA', 'agencyB'],
    ['nominatorA', 'agencyB'],
    ['hrB', 'agencyA'],
    ['headB', 'agencyA'],
    ['headA', 'unitB'],
    ['hrB', 'unitA'],
  ] as [WorldUser, 'agencyA' | 'agencyB' | 'unitA' | 'unitB'][])(
    'refuses %s the people of %s with 403',
    async (user, target) => {
      const filter = target.startsWith('agency')
        ? `agencyId=${w[target as 'agencyA' | 'agencyB'].id}`
        : `unitId=${w[target as 'unitA' | 'unitB'].id}`;
      const response = await t
        .http()
        .get(`/api/rankings?period=2025-Q1&subjectType=person&${filter}`)
        .set('Authorization', w.tokens[user]);
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    },
  );

  it.each([
    ['period=2025-Q5&subjectType=person', 'period'],
    ['period=abc&subjectType=person', 'period'],
    ['period=1999-Q1&subjectType=person', 'period'],
    ['subjectType=person', 'period'],
    ['period=2025-Q1', 'subjectType'],
    ['period=2025-Q1&subjectType=unit', 'subjectType'],
    ['period=2025-Q1&subjectType=agency&agencyId=1', 'agencyId'],
    ['period=2025-Q1&subjectType=agency&category=cadre', 'category'],
    ['period=2025-Q1&subjectType=person&category=boss', 'category'],
    ['period=2025-Q1&subjectType=person&limit=0', 'limit'],
    ['period=2025-Q1&subjectType=person&limit=501', 'limit'],
    ['period=2025-Q1&subjectType=person&offset=-1', 'offset'],
    ['period=2025-Q1&subjectType=person&agencyId=x', 'agencyId'],
    ['period=2025-Q1&subjectType=person&sort=name', 'sort'],
  ])('rejects ?%s with 400 naming %s', async (query, field) => {
    const response = await t
      .http()
      .get(`/api/rankings?${query}`)
      .set('Authorization', w.tokens.admin);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(response.body)).toContain(field);
  });

  it('answers 404 for an unknown agency or unit', async () => {
    for (const query of ['agencyId=999999', 'unitId=999999']) {
      const response = await t
        .http()
        .get(`/api/rankings?period=2025-Q1&subjectType=person&${query}`)
        .set('Authorization', w.tokens.admin);
      expect(response.status).toBe(404);
    }
  });

  it('follows a reopen and a new approval at once', async () => {
    const reopen = await t
      .http()
      .post(`/api/evaluations/${evaluationIds.anh}/reopen`)
      .set('Authorization', w.tokens.admin)
      .send({ reason: 'Kiểm tra lại' });
    expect(reopen.status).toBe(200);
    const without = await s.ranking('period=2025-Q1&subjectType=person');
    expect(without.total).toBe(5);
    expect(brief(without)[0]).toEqual([ids.an, 1]);
    await s.call('post', `/api/evaluations/${evaluationIds.anh}/submit`);
    await s.call('post', `/api/evaluations/${evaluationIds.anh}/approve`);
    const back = await s.ranking('period=2025-Q1&subjectType=person');
    expect(back.total).toBe(6);
    expect(brief(back)[0]).toEqual([ids.anh, 1]);
  });

  describe('history', () => {
    it('lists a person’s ranks newest first in their agency', async () => {
      const response = await t
        .http()
        .get(`/api/rankings/history?subjectType=person&subjectId=${ids.hoa}`)
        .set('Authorization', w.tokens.headA);
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([
        { period: '2025-Q1', rank: 4, rankedOf: 4, total: 70, grade: 'C' },
        { period: '2024-Q4', rank: 1, rankedOf: 3, total: 95, grade: 'A' },
      ]);
      const city = await t
        .http()
        .get(`/api/rankings/history?subjectType=person&subjectId=${ids.hoa}&scope=city`)
        .set('Authorization', w.tokens.inspector);
      expect(city.body.items[0]).toEqual({
        period: '2025-Q1',
        rank: 6,
        rankedOf: 6,
        total: 70,
        grade: 'C',
      });
    });

    it('lists an agency’s ranks for every role', async () => {
      const response = await t
        .http()
        .get(`/api/rankings/history?subjectType=agency&subjectId=${w.agencyA.id}`)
        .set('Authorization', w.tokens.hrB);
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([
        { period: '2025-Q1', rank: 2, rankedOf: 3, total: 88, grade: 'B' },
      ]);
    });

    it.each([
      ['headB', 'hoa', ''],
      ['hrB', 'an', ''],
      ['headA', 'tranBinh', ''],
      ['headA', 'hoa', '&scope=city'],
    ] as [WorldUser, string, string][])(
      'refuses %s the history of %s%s with 403',
      async (user, key, extra) => {
        const response = await t
          .http()
          .get(`/api/rankings/history?subjectType=person&subjectId=${ids[key]}${extra}`)
          .set('Authorization', w.tokens[user]);
        expect(response.status).toBe(403);
      },
    );

    it.each([
      ['subjectType=person', 400],
      ['subjectType=person&subjectId=abc', 400],
      ['subjectType=agency&subjectId=1&scope=unit', 400],
      ['subjectType=person&subjectId=999999', 404],
    ])('answers ?%s with %i', async (query, status) => {
      const response = await t
        .http()
        .get(`/api/rankings/history?${query}`)
        .set('Authorization', w.tokens.admin);
      expect(response.status).toBe(status);
    });
  });

  it('agrees with rankEntries on hundreds of people with Vietnamese names and ties', async () => {
    const names = [
      'Nguyễn Văn An',
      'Nguyễn Văn Ân',
      'Nguyễn văn An',
      'Đặng Thị Ánh',
      'Trần Thị Thu Hà',
      'Lê Hoàng Yến',
      'Phạm Quốc Việt',
      'Bùi Thị Hằng',
      'Ngô Đức Thắng',
      'Vũ Thị Ngọc Ánh',
      'Hoàng Minh Đức',
      'Dương Văn Ổn',
    ];
    const totals = [100, 95.5, 95.5, 88.25, 88.25, 88.25, 70, 69.99, 50, 0];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 16807) % 2147483647;
      return seed % n;
    };
    const people = Array.from({ length: 240 }, () => {
      const agency = random(2) === 0 ? w.agencyA : w.agencyB;
      return {
        fullName: names[random(names.length)],
        agencyId: agency.id,
        unitId: agency === w.agencyA ? w.unitA.id : null,
        category: random(3) === 0 ? 'cadre' : 'worker',
      };
    });
    const personIds = await insertPeople(t.dataSource, people, `RK${process.pid}X`);
    const rows = personIds.map((id, i) => ({
      id,
      ...people[i],
      total: totals[random(totals.length)],
    }));
    await insertEvaluations(
      t.dataSource,
      rows.map((row) => ({
        subjectType: 'person' as const,
        subjectId: row.id,
        agencyId: row.agencyId,
        unitId: row.unitId,
        period: '2023-Q2',
        criteriaSetId: personSetId,
        total: row.total,
        grade: 'B',
        disqualified: false,
      })),
    );
    await t.app.get(RankingSnapshotsService).rebuild('2023-Q2', 'person');
    const expectRanking = async (query: string, subset: typeof rows) => {
      const body = await s.ranking(`period=2023-Q2&subjectType=person&limit=500&${query}`);
      const expected = rankEntries(
        subset.map((row) => ({ subjectId: row.id, name: row.fullName, total: row.total })),
      );
      expect(
        body.items.map((i: { subjectId: number; rank: number; topPercent: number }) => [
          i.subjectId,
          i.rank,
          i.topPercent,
        ]),
      ).toEqual(expected.map((e) => [e.subjectId, e.rank, e.topPercent]));
    };
    await expectRanking('', rows);
    await expectRanking(
      `agencyId=${w.agencyA.id}`,
      rows.filter((r) => r.agencyId === w.agencyA.id),
    );
    await expectRanking(
      `unitId=${w.unitA.id}`,
      rows.filter((r) => r.unitId === w.unitA.id),
    );
    await expectRanking(
      `agencyId=${w.agencyB.id}&category=cadre`,
      rows.filter((r) => r.agencyId === w.agencyB.id && r.category === 'cadre'),
    );
  });
});
