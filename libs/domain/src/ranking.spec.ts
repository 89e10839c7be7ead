import { compareEntries, movementOf, rankEntries, type RankInput, topPercent } from './ranking';

const e = (subjectId: number, name: string, total: number): RankInput => ({
  subjectId,
  name,
  total,
});

describe('rankEntries', () => {
  it.each<[string, RankInput[], [number, number, number][]]>([
    ['nobody', [], []],
    ['one subject', [e(1, 'An', 50)], [[1, 1, 100]]],
    [
      'highest total first',
      [e(1, 'An', 70), e(2, 'Bình', 90), e(3, 'Chi', 80)],
      [
        [2, 1, 33.3],
        [3, 2, 66.7],
        [1, 3, 100],
      ],
    ],
    [
      'equal totals share a rank and the next skips (1, 2, 2, 4)',
      [e(1, 'A', 95), e(2, 'B', 90), e(3, 'C', 90), e(4, 'D', 85)],
      [
        [1, 1, 25],
        [2, 2, 50],
        [3, 2, 50],
        [4, 4, 100],
      ],
    ],
    [
      'three-way tie at the top',
      [e(1, 'X', 80), e(2, 'Y', 80), e(3, 'Z', 80), e(4, 'W', 70)],
      [
        [1, 1, 25],
        [2, 1, 25],
        [3, 1, 25],
        [4, 4, 100],
      ],
    ],
    [
      'among equals, by name',
      [e(1, 'Trần Văn B', 88), e(2, 'Nguyễn Văn A', 88), e(3, 'Lê Thị C', 88)],
      [
        [3, 1, 33.3],
        [2, 1, 33.3],
        [1, 1, 33.3],
      ],
    ],
    [
      'among equal names, by id',
      [e(9, 'An', 88), e(3, 'An', 88), e(5, 'An', 88)],
      [
        [3, 1, 33.3],
        [5, 1, 33.3],
        [9, 1, 33.3],
      ],
    ],
    [
      'names by code units: capitals before lower case, plain letters before diacritics',
      [e(1, 'an', 60), e(2, 'Ân', 60), e(3, 'An', 60), e(4, 'Bo', 60)],
      [
        [3, 1, 25],
        [4, 1, 25],
        [1, 1, 25],
        [2, 1, 25],
      ],
    ],
    [
      'totals differing by a hundredth',
      [e(1, 'A', 89.99), e(2, 'B', 90)],
      [
        [2, 1, 50],
        [1, 2, 100],
      ],
    ],
  ])('%s', (_name, entries, expected) => {
    const ranked = rankEntries(entries);
    expect(ranked.map((r) => [r.subjectId, r.rank, r.topPercent])).toEqual(expected);
  });

  it('keeps every input field and leaves the input untouched', () => {
    const input = [e(1, 'A', 10), e(2, 'B', 20)];
    const copy = structuredClone(input);
    expect(rankEntries(input)[0]).toEqual({
      subjectId: 2,
      name: 'B',
      total: 20,
      rank: 1,
      topPercent: 50,
    });
    expect(input).toEqual(copy);
  });

  it('is independent of input order', () => {
    const entries = [e(4, 'D', 85), e(2, 'B', 90), e(1, 'A', 95), e(3, 'C', 90), e(5, 'B', 90)];
    const once = rankEntries(entries);
    expect(rankEntries([...entries].reverse())).toEqual(once);
  });
});

describe('compareEntries', () => {
  it.each([
    [e(1, 'A', 90), e(2, 'A', 80), -1],
    [e(1, 'B', 90), e(2, 'A', 90), 1],
    [e(2, 'A', 90), e(1, 'A', 90), 1],
    [e(1, 'A', 90), e(1, 'A', 90), 0],
  ])('%o vs %o', (a, b, sign) => {
    expect(Math.sign(compareEntries(a, b))).toBe(sign);
  });
});

describe('topPercent', () => {
  it.each([
    [1, 1, 100],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 8, 12.5],
    [1, 16, 6.3], // 6.25 rounds half up
    [1, 32, 3.1], // 3.125
    [3, 40, 7.5],
    [1, 6, 16.7],
    [5, 120, 4.2],
    [1, 2000, 0.1], // 0.05 rounds half up
    [1, 2001, 0],
    [120, 120, 100],
  ])('rank %p of %p is %p', (rank, of, expected) => {
    expect(topPercent(rank, of)).toBe(expected);
  });

  it.each([
    [0, 5],
    [6, 5],
    [1, 0],
    [1.5, 5],
  ])('refuses rank %p of %p', (rank, of) => {
    expect(() => topPercent(rank, of)).toThrow(RangeError);
  });
});

describe('movementOf', () => {
  it.each([
    [null, 3, null],
    [5, 3, 2],
    [3, 5, -2],
    [4, 4, 0],
    [1, 10, -9],
  ])('from %p to %p moves %p', (previous, rank, movement) => {
    expect(movementOf(previous, rank)).toBe(movement);
  });
});
