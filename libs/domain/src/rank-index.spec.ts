import { RankIndex, rankEntries, type RankInput, type TotalCount } from './ranking';

const histogram = (totals: number[]): TotalCount[] => {
  const counts = new Map<number, number>();
  for (const total of totals) counts.set(total, (counts.get(total) ?? 0) + 1);
  return [...counts].map(([total, entries]) => ({ total, entries }));
};

describe('RankIndex', () => {
  it.each<[string, number[], [number, number | null][]]>([
    ['nobody', [], [[50, null]]],
    ['one subject', [50], [[50, 1]]],
    [
      '1, 2, 2, 4',
      [95, 90, 90, 85],
      [
        [95, 1],
        [90, 2],
        [85, 4],
        [80, null],
      ],
    ],
    [
      'a tie at the top',
      [80, 80, 80, 70.5],
      [
        [80, 1],
        [70.5, 4],
      ],
    ],
  ])('ranks %s', (_, totals, expected) => {
    const index = new RankIndex(histogram(totals));
    expect(index.size).toBe(totals.length);
    for (const [total, rank] of expected) expect(index.rankOf(total)).toBe(rank);
  });

  it('ignores empty totals and gives topPercent of N', () => {
    const index = new RankIndex([
      { total: 90, entries: 1 },
      { total: 80, entries: 0 },
      { total: 70, entries: 2 },
    ]);
    expect(index.size).toBe(3);
    expect(index.topPercentOf(90)).toBe(33.3);
    expect(index.topPercentOf(70)).toBe(66.7); // rank 2 of 3
    expect(index.topPercentOf(80)).toBeNull();
  });

  it.each<[string, number[], number, number, ReturnType<RankIndex['window']>]>([
    ['the first page', [95, 90, 90, 85], 0, 2, { highest: 95, lowest: 90, skip: 0 }],
    ['a page inside a tie', [95, 90, 90, 90, 85], 2, 1, { highest: 90, lowest: 90, skip: 1 }],
    ['a page to the end', [95, 90, 90, 85], 3, 10, { highest: 85, lowest: 85, skip: 0 }],
    ['past the end', [95, 90], 2, 10, null],
    ['nobody', [], 0, 10, null],
  ])('finds %s', (_, totals, offset, limit, expected) => {
    expect(new RankIndex(histogram(totals)).window(offset, limit)).toEqual(expected);
  });

  it('agrees with rankEntries on random rankings with ties, for every entry and page', () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 16807) % 2147483647;
      return seed % n;
    };
    for (let round = 0; round < 50; round++) {
      const entries: RankInput[] = Array.from({ length: 1 + random(60) }, (_, i) => ({
        subjectId: i + 1,
        name: String.fromCharCode(65 + random(5)),
        total: random(12) * 7.25,
      }));
      const ranked = rankEntries(entries);
      const index = new RankIndex(histogram(entries.map((e) => e.total)));
      for (const entry of ranked) {
        expect(index.rankOf(entry.total)).toBe(entry.rank);
        expect(index.topPercentOf(entry.total)).toBe(entry.topPercent);
      }
      const offset = random(ranked.length);
      const limit = 1 + random(10);
      const window = index.window(offset, limit)!;
      // The page is the entries in [lowest, highest] in display order, after `skip` of them.
      const page = ranked
        .filter((e) => e.total <= window.highest && e.total >= window.lowest)
        .slice(window.skip, window.skip + limit);
      expect(page).toEqual(ranked.slice(offset, offset + limit));
    }
  });

  it('changed by deltas, equals the index built from the changed counts', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 16807) % 2147483647;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const totals = Array.from({ length: random(30) }, () => random(15) * 2.5);
      let index = new RankIndex(histogram(totals));
      // A subject leaves one total and joins another (or arrives, or leaves), as syncSubjects does.
      const changes = Array.from({ length: 1 + random(3) }, () => {
        const leaving = totals.length && random(3) ? totals.splice(random(totals.length), 1) : [];
        const joining = random(3) ? [random(15) * 2.5] : [];
        totals.push(...joining);
        return [
          ...leaving.map((total) => ({ total, delta: -1 })),
          ...joining.map((total) => ({ total, delta: 1 })),
        ];
      });
      for (const change of changes) index = index.withChanges(change);
      const rebuilt = new RankIndex(histogram(totals));
      expect(index.size).toBe(rebuilt.size);
      expect(index.buckets).toBe(rebuilt.buckets);
      for (const total of new Set(totals)) expect(index.rankOf(total)).toBe(rebuilt.rankOf(total));
      for (let offset = 0; offset < totals.length; offset += 3)
        expect(index.window(offset, 4)).toEqual(rebuilt.window(offset, 4));
    }
  });
});
