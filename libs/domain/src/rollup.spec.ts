import { DEFAULT_THRESHOLDS, type Thresholds } from './criterion';
import { type QuarterResult, rollupOf } from './rollup';

const strict: Thresholds = { A: 95, B: 80, C: 60 };
const q = (period: string, total: number, extra: Partial<QuarterResult> = {}): QuarterResult => ({
  period,
  total,
  disqualified: false,
  thresholds: DEFAULT_THRESHOLDS,
  setOrder: 1,
  ...extra,
});

describe('rollupOf', () => {
  it.each<[string, string, QuarterResult[], Partial<ReturnType<typeof rollupOf>> | null]>([
    ['no quarter', '2025', [], null],
    ['no quarter in the span', '2025-H1', [q('2025-Q3', 90), q('2024-Q1', 90)], null],
    [
      'a full year',
      '2025',
      [q('2025-Q1', 90), q('2025-Q2', 92), q('2025-Q3', 94), q('2025-Q4', 96)],
      { total: 93, quartersCounted: 4, quartersInSpan: 4, grade: 'A' },
    ],
    [
      'H1 takes Q1 and Q2 only',
      '2025-H1',
      [q('2025-Q1', 80), q('2025-Q2', 90), q('2025-Q3', 10)],
      { total: 85, quartersCounted: 2, quartersInSpan: 2, grade: 'B' },
    ],
    [
      'H2 takes Q3 and Q4 only',
      '2025-H2',
      [q('2025-Q2', 10), q('2025-Q3', 70), q('2025-Q4', 71)],
      { total: 70.5, quartersCounted: 2, quartersInSpan: 2, grade: 'C' },
    ],
    [
      'other years are ignored',
      '2025',
      [q('2024-Q4', 0), q('2025-Q1', 88), q('2026-Q1', 0)],
      { total: 88, quartersCounted: 1, quartersInSpan: 4 },
    ],
    [
      'a partial year',
      '2025',
      [q('2025-Q1', 90), q('2025-Q3', 91)],
      { total: 90.5, quartersCounted: 2, quartersInSpan: 4, grade: 'A' },
    ],
    [
      'a mean that ends in 5 rounds half up',
      '2025-H1',
      [q('2025-Q1', 88.56), q('2025-Q2', 88.57)],
      { total: 88.57 },
    ], // 88.565
    [
      'a mean of thirds rounds down',
      '2025',
      [q('2025-Q1', 90), q('2025-Q2', 90), q('2025-Q3', 91)],
      { total: 90.33 },
    ],
    [
      'a mean of two thirds rounds up',
      '2025',
      [q('2025-Q1', 90), q('2025-Q2', 91), q('2025-Q3', 91)],
      { total: 90.67 },
    ],
    [
      'float-hostile sums stay exact',
      '2025',
      [q('2025-Q1', 0.1), q('2025-Q2', 0.2), q('2025-Q3', 0.3), q('2025-Q4', 0.4)],
      { total: 0.25 },
    ],
    [
      'a mean of x.xx5 after many quarters',
      '2025',
      [q('2025-Q1', 80.01), q('2025-Q2', 80), q('2025-Q3', 80), q('2025-Q4', 80.01)],
      { total: 80.01 },
    ], // 80.005
    [
      'one disqualified quarter disqualifies',
      '2025-H1',
      [q('2025-Q1', 96, { disqualified: true }), q('2025-Q2', 98)],
      { total: 97, disqualified: true, grade: 'C' },
    ],
    [
      'a disqualified D stays D',
      '2025-H1',
      [q('2025-Q1', 20, { disqualified: true }), q('2025-Q2', 30)],
      { total: 25, disqualified: true, grade: 'D' },
    ],
    [
      'a disqualified quarter outside the span does not count',
      '2025-H2',
      [q('2025-Q1', 96, { disqualified: true }), q('2025-Q3', 98)],
      { disqualified: false, grade: 'A' },
    ],
    [
      'the newest set gives the thresholds',
      '2025-H1',
      [q('2025-Q1', 92, { setOrder: 1 }), q('2025-Q2', 92, { setOrder: 2, thresholds: strict })],
      { total: 92, grade: 'B' },
    ],
    [
      'the newest set wins whatever the order',
      '2025-H1',
      [q('2025-Q2', 92, { setOrder: 1 }), q('2025-Q1', 92, { setOrder: 3, thresholds: strict })],
      { grade: 'B' },
    ],
    [
      'newest set outside the span is ignored',
      '2025-H2',
      [q('2025-Q1', 92, { setOrder: 9, thresholds: strict }), q('2025-Q3', 92)],
      { grade: 'A' },
    ],
    [
      'a quarter period rolls up itself',
      '2025-Q2',
      [q('2025-Q1', 10), q('2025-Q2', 77.77)],
      { total: 77.77, quartersCounted: 1, quartersInSpan: 1, grade: 'B' },
    ],
  ])('%s', (_name, period, quarters, expected) => {
    const rollup = rollupOf(period, quarters);
    if (expected === null) expect(rollup).toBeNull();
    else expect(rollup).toMatchObject(expected);
  });

  it('gives every field', () => {
    expect(rollupOf('2025-H1', [q('2025-Q1', 90), q('2025-Q2', 91)])).toEqual({
      total: 90.5,
      quartersCounted: 2,
      quartersInSpan: 2,
      disqualified: false,
      grade: 'A',
    });
  });

  it.each([
    ['a bad period', 'H1-2025', [q('2025-Q1', 90)]],
    ['a quarter twice', '2025', [q('2025-Q1', 90), q('2025-Q1', 80)]],
  ])('refuses %s', (_name, period, quarters) => {
    expect(() => rollupOf(period, quarters)).toThrow(RangeError);
  });
});
