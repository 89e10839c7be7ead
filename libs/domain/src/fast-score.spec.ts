import type { CriterionDef, CriterionValue } from './criterion';
import { fastTotal, gcd, pointsTerm, type Term, TermSum, toUnits } from './fast-score';

describe('toUnits', () => {
  it.each([
    [0, 0],
    [-0, 0],
    [1, 10_000],
    [12.3456, 123_456],
    [1.005, 10_050],
    [0.0001, 1],
    [99.9999, 999_999],
    [-2.5, -25_000],
    [1.23456, NaN],
    [0.1 + 0.2, NaN],
    [2 ** 47, NaN],
    [NaN, NaN],
    [Infinity, NaN],
  ])('toUnits(%p) is %p', (x, units) => {
    expect(toUnits(x)).toBe(units);
  });
});

describe('gcd', () => {
  it.each([
    [12, 18, 6],
    [0, 5, 5],
    [5, 0, 5],
    [17, 5, 1],
    [2 ** 52, 2 ** 40, 2 ** 40],
  ])('gcd(%p, %p) is %p', (a, b, expected) => {
    expect(gcd(a, b)).toBe(expected);
  });

  it.each([
    [NaN, 5],
    [5, NaN],
    [NaN, NaN],
  ])('returns on gcd(%p, %p) instead of looping', (a, b) => {
    expect(typeof gcd(a, b)).toBe('number');
  });
});

describe('pointsTerm', () => {
  const pct: CriterionDef = { code: 'P', kind: 'percentage', maxPoints: 20, target: 80 };
  it.each<[string, CriterionDef, CriterionValue, boolean, number, number]>([
    ['score', { code: 'S', kind: 'score', maxPoints: 55 }, 12.5, true, 125_000, 1],
    ['boolean', { code: 'B', kind: 'boolean', maxPoints: 10 }, true, true, 100_000, 1],
    ['percentage reduced', pct, 60, true, 150_000, 1],
    ['percentage ratio', { ...pct, maxPoints: 10, target: 30 }, 10, true, 100_000, 3],
    ['count', { code: 'C', kind: 'count', maxPoints: 15, penaltyPerUnit: 5 }, 2, true, 50_000, 1],
    [
      'count with a huge value',
      { code: 'C', kind: 'count', maxPoints: 15, penaltyPerUnit: 5 },
      2 ** 52,
      true,
      0,
      1,
    ],
    ['a value with 5 decimals', { code: 'S', kind: 'score', maxPoints: 55 }, 1.23456, false, 0, 1],
    [
      'a count that is not whole',
      { code: 'C', kind: 'count', maxPoints: 15, penaltyPerUnit: 5 },
      1.5,
      false,
      0,
      1,
    ],
    ['a target with 5 decimals', { ...pct, target: 33.33333 }, 10, false, 0, 1],
  ])('%s', (_name, def, value, ok, num, den) => {
    const term: Term = { num: -1, den: -1 };
    expect(pointsTerm(def, value, term)).toBe(ok);
    if (ok) expect(term).toEqual({ num, den });
  });
});

describe('TermSum', () => {
  it.each<[string, [number, number][], number, number, number, boolean]>([
    [
      'whole terms',
      [
        [5, 1],
        [7, 1],
      ],
      12,
      0,
      1,
      true,
    ],
    [
      'fractions over one denominator',
      [
        [1, 3],
        [1, 3],
      ],
      0,
      2,
      3,
      true,
    ],
    [
      'fractions over several',
      [
        [1, 3],
        [1, 4],
        [2, 1],
      ],
      2,
      7,
      12,
      true,
    ],
    [
      'integer overflow',
      [
        [2 ** 52, 1],
        [2 ** 52, 1],
      ],
      0,
      0,
      1,
      false,
    ],
    [
      'denominator overflow',
      [
        [1, 2 ** 30 - 1],
        [1, 2 ** 30 - 3],
        [1, 2 ** 30 - 5],
      ],
      0,
      0,
      1,
      false,
    ],
  ])('%s', (_name, terms, int, num, den, exact) => {
    const sum = new TermSum();
    for (const [n, d] of terms) sum.add(n, d);
    expect(sum.exact).toBe(exact);
    if (exact) expect([sum.int, sum.num, sum.den]).toEqual([int, num, den]);
  });
});

describe('fastTotal', () => {
  const sum = (int: number, num = 0, den = 1) => Object.assign(new TermSum(), { int, num, den });
  it.each<[string, TermSum, number, TermSum, number]>([
    ['the worked example', sum(850_000), 1_000_000, sum(30_000), 88],
    ['a ratio rounds half up', sum(885_650), 1_000_000, sum(0), 88.57],
    ['thirds', sum(10_000), 30_000, sum(0), 33.33],
    ['a fractional base', sum(0, 10_000, 3), 10_000, sum(0), 33.33],
    ['a fractional bonus', sum(500_000), 1_000_000, sum(0, 10_000, 3), 50.33],
    ['capped', sum(1_000_000), 1_000_000, sum(1), 100],
    ['exactly 100', sum(990_000), 1_000_000, sum(10_000), 100],
    ['no base', sum(0), 0, sum(40_000), 4],
    ['overflow gives NaN', sum(2 ** 52, 1, 2 ** 40 - 1), 2 ** 45 - 1, sum(0), NaN],
    ['an inexact sum gives NaN', Object.assign(sum(0), { exact: false }), 10_000, sum(0), NaN],
  ])('%s', (_name, base, baseMax, bonus, total) => {
    expect(fastTotal(base, baseMax, bonus)).toBe(total);
  });
});
