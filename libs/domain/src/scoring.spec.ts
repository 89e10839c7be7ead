import type { CriterionDef, CriterionValue, Thresholds } from './criterion';
import { DEFAULT_THRESHOLDS } from './criterion';
import { Rational } from './decimal';
import { pointsTerm, type Term, TermSum } from './fast-score';
import { exactPointsOf } from './points';
import { missingForSubmit, scoreEvaluation } from './scoring';

type Values = Record<string, CriterionValue>;

// The worked example of SPEC §4.
const example: CriterionDef[] = [
  { code: 'A1', kind: 'boolean', maxPoints: 10 },
  { code: 'A2', kind: 'percentage', maxPoints: 20, target: 80 },
  {
    code: 'A3',
    kind: 'count',
    maxPoints: 15,
    penaltyPerUnit: 5,
    fromIncidents: true,
    disqualifying: true,
  },
  { code: 'A4', kind: 'score', maxPoints: 55 },
  { code: 'B1', kind: 'score', maxPoints: 5, bonus: true },
];

describe('scoreEvaluation: SPEC §4 worked example', () => {
  it.each([
    ['one incident', 1, [10, 15, 10, 50, 3], 88, 'C', true],
    ['no incident', 0, [10, 15, 15, 50, 3], 93, 'A', false],
  ])('%s', (_name, incidents, points, total, grade, disqualified) => {
    const score = scoreEvaluation(
      example,
      { A1: true, A2: 60, A3: incidents, A4: 50, B1: 3 },
      DEFAULT_THRESHOLDS,
    );
    expect(score).toEqual({
      items: [
        { code: 'A1', value: true, points: points[0] },
        { code: 'A2', value: 60, points: points[1] },
        { code: 'A3', value: incidents, points: points[2] },
        { code: 'A4', value: 50, points: points[3] },
        { code: 'B1', value: 3, points: points[4] },
      ],
      total,
      grade,
      disqualified,
    });
  });
});

const base = (
  maxPoints: number,
  kind: CriterionDef['kind'] = 'score',
  extra: Partial<CriterionDef> = {},
) => ({ code: `C${maxPoints}${kind}`, kind, maxPoints, ...extra }) as CriterionDef;

describe('scoreEvaluation: totals', () => {
  const s100 = { code: 'S', kind: 'score', maxPoints: 100 } as CriterionDef;
  const s50 = { code: 'T', kind: 'score', maxPoints: 50 } as CriterionDef;
  const bonus5 = { code: 'X', kind: 'score', maxPoints: 5, bonus: true } as CriterionDef;
  const bonusPct = {
    code: 'Y',
    kind: 'percentage',
    maxPoints: 3,
    target: 90,
    bonus: true,
  } as CriterionDef;
  const thirds = ['a', 'b', 'c'].map(
    (code) => ({ code, kind: 'boolean', maxPoints: 1 }) as CriterionDef,
  );
  it.each<[string, CriterionDef[], Values, number]>([
    ['all zero', [s100], { S: 0 }, 0],
    ['full marks', [s100], { S: 100 }, 100],
    ['scaled to 100', [s50], { T: 25 }, 50],
    ['capped at 100 with bonus', [s100, bonus5], { S: 99, X: 5 }, 100],
    ['exactly 100 with bonus', [s100, bonus5], { S: 95, X: 5 }, 100],
    ['bonus added on top', [s50, bonus5], { T: 40, X: 2.5 }, 82.5],
    ['bonus alone, base zero', [s50, bonus5], { T: 0, X: 4 }, 4],
    ['missing bonus counts 0', [s50, bonus5], { T: 40 }, 80],
    ['missing base value counts 0', [s50, s100], { S: 75 }, 50],
    ['no values at all', [s50, s100], {}, 0],
    ['x.xx5 rounds up', [s100], { S: 88.565 }, 88.57],
    ['a ratio of two base criteria', [s50, base(8)], { C8score: 7.0852 }, 12.22], // 100·7.0852/58 = 12.2158...
    ['x.xx5 from a scaled base rounds up', [base(8)], { C8score: 7.0852 }, 88.57], // 88.565 exactly
    ['x.xx4999 rounds down', [s100], { S: 88.5649 }, 88.56],
    ['1/3 repeating', thirds, { a: true }, 33.33],
    ['2/3 repeating', thirds, { a: true, b: true }, 66.67],
    [
      'half of a hundredth from a ratio',
      [base(8), base(0.08, 'score', { code: 'tiny' })],
      { C8score: 1.0001 },
      12.38,
    ], // 100·1.0001/8.08 = 12.3774...
    [
      'percentage ratio plus bonus ratio',
      [{ ...s100, kind: 'percentage', target: 70 } as CriterionDef, bonusPct],
      { S: 35, Y: 30 },
      51,
    ],
    [
      'base of percentages with different targets',
      [
        base(10, 'percentage', { code: 'p1', target: 80 }),
        base(10, 'percentage', { code: 'p2', target: 90 }),
        base(10, 'percentage', { code: 'p3', target: 95 }),
      ],
      { p1: 33, p2: 47, p3: 61 },
      52.56,
    ], // (33/80 + 47/90 + 61/95) / 3 × 100 = 52.5609...
    ['bonus only cap', [s50, { ...bonus5, maxPoints: 150 }], { T: 50, X: 150 }, 100],
    ['no base criterion at all', [bonus5], { X: 4 }, 4],
  ])('%s → %p', (_name, defs, values, total) => {
    expect(scoreEvaluation(defs, values, DEFAULT_THRESHOLDS).total).toBe(total);
  });

  it('keeps exact item points out of the total: display rounding is not summed', () => {
    // Three thirds of 1 point: each shows 0.33, the total is exact 100, not 99.
    const defs = ['a', 'b', 'c'].map((code) => base(1, 'percentage', { code, target: 3 }));
    const score = scoreEvaluation(defs, { a: 1, b: 1, c: 1 }, DEFAULT_THRESHOLDS);
    expect(score.items.map((i) => i.points)).toEqual([0.33, 0.33, 0.33]);
    expect(score.total).toBe(33.33);
    const full = scoreEvaluation(
      [...defs, base(1, 'boolean', { code: 'd' })],
      { a: 1, b: 1, c: 1, d: true },
      DEFAULT_THRESHOLDS,
    );
    expect(full.total).toBe(50);
  });
});

describe('scoreEvaluation: grades and disqualification', () => {
  const custom: Thresholds = { A: 80, B: 60, C: 30 };
  const defs: CriterionDef[] = [
    { code: 'S', kind: 'score', maxPoints: 90 },
    { code: 'OK', kind: 'boolean', maxPoints: 10, disqualifying: true },
    {
      code: 'N',
      kind: 'count',
      maxPoints: 0.01,
      penaltyPerUnit: 1,
      disqualifying: true,
      bonus: true,
    },
  ];
  it.each<[string, Values, Thresholds, number, string, boolean]>([
    ['A', { S: 90, OK: true, N: 0 }, DEFAULT_THRESHOLDS, 100, 'A', false],
    ['A capped to C by a false', { S: 90, OK: false, N: 0 }, custom, 90.01, 'C', true],
    ['B capped to C by a count', { S: 70, OK: true, N: 1 }, DEFAULT_THRESHOLDS, 80, 'C', true],
    ['C stays C', { S: 50, OK: true, N: 2 }, DEFAULT_THRESHOLDS, 60, 'C', true],
    ['D stays D', { S: 30, OK: false }, DEFAULT_THRESHOLDS, 30, 'D', true],
    ['custom thresholds: B', { S: 60, OK: true }, custom, 70, 'B', false],
    ['custom thresholds: C', { S: 20, OK: true }, custom, 30, 'C', false],
    ['custom thresholds: D', { S: 19.99, OK: true }, custom, 29.99, 'D', false],
    ['missing values do not disqualify', { S: 90 }, DEFAULT_THRESHOLDS, 90, 'A', false],
  ])('%s', (_name, values, thresholds, total, grade, disqualified) => {
    const score = scoreEvaluation(defs, values, thresholds);
    expect([score.total, score.grade, score.disqualified]).toEqual([total, grade, disqualified]);
  });
});

describe('scoreEvaluation: items', () => {
  it('lists every criterion in the order of the definitions, null when missing', () => {
    const score = scoreEvaluation(
      example,
      { A4: 12.3456, A1: false, ignored: 5 },
      DEFAULT_THRESHOLDS,
    );
    expect(score.items).toEqual([
      { code: 'A1', value: false, points: 0 },
      { code: 'A2', value: null, points: 0 },
      { code: 'A3', value: null, points: 0 },
      { code: 'A4', value: 12.3456, points: 12.35 },
      { code: 'B1', value: null, points: 0 },
    ]);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'does not read Object.prototype for a code %p',
    (code) => {
      const score = scoreEvaluation(
        [{ code, kind: 'score', maxPoints: 10 }],
        {},
        DEFAULT_THRESHOLDS,
      );
      expect(score.items).toEqual([{ code, value: null, points: 0 }]);
      expect(missingForSubmit([{ code, kind: 'score', maxPoints: 10 }], {})).toEqual([code]);
    },
  );
});

describe('scoreEvaluation: exact on every path', () => {
  // The reference: the SPEC formula, all in Rationals.
  function reference(defs: CriterionDef[], values: Values): number {
    let points = Rational.ZERO;
    let max = Rational.ZERO;
    let bonus = Rational.ZERO;
    for (const def of defs) {
      const p = exactPointsOf(def, values[def.code]);
      if (def.bonus) bonus = bonus.add(p);
      else [points, max] = [points.add(p), max.add(Rational.of(def.maxPoints))];
    }
    const hundred = Rational.of(100);
    return hundred.mul(points).div(max).add(bonus).min(hundred).toNumber(2);
  }

  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const decimals = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

  function randomSet(): CriterionDef[] {
    return Array.from({ length: 1 + Math.floor(random() * 20) }, (_, i) => {
      const kind = pick(['score', 'boolean', 'percentage', 'count'] as const);
      return {
        code: `C${i}`,
        kind,
        maxPoints: decimals(0.01 + random() * pick([5, 20, 100, 1000]), 2),
        target: kind === 'percentage' ? pick([100, 80, 90, 95, 85, 66.67, 33.3333, 12.5]) : null,
        penaltyPerUnit: kind === 'count' ? decimals(0.01 + random() * 10, 2) : null,
        bonus: i > 0 && random() < 0.15,
      };
    });
  }

  function randomValues(defs: CriterionDef[], maxDecimals: number): Values {
    const values: Values = {};
    for (const def of defs) {
      if (random() < 0.05) continue;
      const d = Math.floor(random() * (maxDecimals + 1));
      values[def.code] =
        def.kind === 'boolean'
          ? random() < 0.7
          : def.kind === 'count'
            ? Math.floor(random() * 4)
            : def.kind === 'percentage'
              ? decimals(random() * 100, d)
              : decimals(random() * def.maxPoints, d);
    }
    return values;
  }

  it.each([
    ['values of at most 4 decimals (fast path)', 4],
    ['values of up to 6 decimals (fallback path)', 6],
  ])('agrees with the Rational reference on %s', (_name, maxDecimals) => {
    for (let i = 0; i < 3000; i++) {
      const defs = randomSet();
      const values = randomValues(defs, maxDecimals);
      const score = scoreEvaluation(defs, values, DEFAULT_THRESHOLDS);
      expect([i, score.total]).toEqual([i, reference(defs, values)]);
      score.items.forEach((item, j) =>
        expect(item.points).toBe(exactPointsOf(defs[j], values[defs[j].code]).toNumber(2)),
      );
    }
  });

  it('falls back to Rationals when Number arithmetic would overflow', () => {
    // Co-prime targets make the common denominator of the percentage points huge.
    const targets = [97.0001, 89.0003, 83.0007, 79.0009, 73.0011, 71.0013];
    const defs = targets.map((target, i) => base(999.99, 'percentage', { code: `p${i}`, target }));
    const values = Object.fromEntries(defs.map((d, i) => [d.code, 12.3457 + i]));
    const sum = new TermSum();
    const term: Term = { num: 0, den: 1 };
    for (const def of defs) {
      expect(pointsTerm(def, values[def.code], term)).toBe(true);
      sum.add(term.num, term.den);
    }
    expect(sum.exact).toBe(false); // so the Rational path computes the total
    expect(scoreEvaluation(defs, values, DEFAULT_THRESHOLDS).total).toBe(reference(defs, values));
  });
});

describe('missingForSubmit', () => {
  it.each<[string, Values, string[]]>([
    ['everything missing: base criteria not from incidents', {}, ['A1', 'A2', 'A4']],
    ['null counts as missing', { A1: null, A2: 60, A4: 50 }, ['A1']],
    ['false is a value', { A1: false, A2: 0, A4: 0 }, []],
    ['complete without the bonus', { A1: true, A2: 60, A4: 50 }, []],
    ['incidents and bonus never required', { A1: true, A2: 60, A4: 50, A3: null, B1: null }, []],
  ])('%s', (_name, values, missing) => {
    expect(missingForSubmit(example, values)).toEqual(missing);
  });
});
