import type { CriterionDef } from './criterion';
import { checkCriteriaSet, resolveThresholds } from './criteria-definition';

const ok: CriterionDef[] = [
  {
    code: 'A1',
    name: 'Niêm yết công khai',
    group: 'A',
    kind: 'boolean',
    maxPoints: 10,
    disqualifying: true,
  },
  { code: 'A2', name: 'Hồ sơ đúng hạn', kind: 'percentage', maxPoints: 20, target: 80 },
  {
    code: 'A3',
    name: 'Phản ánh',
    kind: 'count',
    maxPoints: 15,
    penaltyPerUnit: 5,
    fromIncidents: true,
    disqualifying: true,
  },
  { code: 'A4', name: 'Thái độ', group: null, kind: 'score', maxPoints: 55 },
  { code: 'B1', name: 'Thưởng', kind: 'score', maxPoints: 5, bonus: true },
];

const withCriterion = (i: number, patch: Record<string, unknown>) =>
  ok.map((def, j) => (j === i ? ({ ...def, ...patch } as CriterionDef) : def));

describe('checkCriteriaSet', () => {
  it.each([
    ['the worked example', { criteria: ok }],
    ['explicit thresholds', { thresholds: { A: 85, B: 70, C: 40 }, criteria: ok }],
    ['partial thresholds', { thresholds: { A: 95 }, criteria: ok }],
    ['null thresholds', { thresholds: null, criteria: ok }],
    ['thresholds at the bounds', { thresholds: { A: 100, B: 50, C: 0 }, criteria: ok }],
    ['maxPoints with 2 decimals', { criteria: withCriterion(3, { maxPoints: 54.75 }) }],
    ['maxPoints 1000', { criteria: withCriterion(3, { maxPoints: 1000 }) }],
    ['target 100', { criteria: withCriterion(1, { target: 100 }) }],
    ['target with decimals', { criteria: withCriterion(1, { target: 66.67 }) }],
    ['penalty with 2 decimals', { criteria: withCriterion(2, { penaltyPerUnit: 2.25 }) }],
    [
      'nulls for options of other kinds',
      { criteria: withCriterion(3, { target: null, penaltyPerUnit: null }) },
    ],
    [
      'false flags anywhere',
      { criteria: withCriterion(3, { fromIncidents: false, disqualifying: false, bonus: false }) },
    ],
    ['codes with . _ -', { criteria: withCriterion(0, { code: 'QT_1.2-a' }) }],
    ['a 32-character code', { criteria: withCriterion(0, { code: 'X'.repeat(32) }) }],
  ])('accepts %s', (_name, input) => {
    expect(checkCriteriaSet(input)).toEqual([]);
  });

  it.each<[string, Parameters<typeof checkCriteriaSet>[0], string[]]>([
    ['no criteria', { criteria: [] }, ['criteria']],
    ['only bonus criteria', { criteria: [ok[4]] }, ['criteria']],
    ['an unknown kind', { criteria: withCriterion(3, { kind: 'stars' }) }, ['criteria[3].kind']],
    ['maxPoints 0', { criteria: withCriterion(3, { maxPoints: 0 }) }, ['criteria[3].maxPoints']],
    [
      'maxPoints negative',
      { criteria: withCriterion(3, { maxPoints: -5 }) },
      ['criteria[3].maxPoints'],
    ],
    [
      'maxPoints with 3 decimals',
      { criteria: withCriterion(3, { maxPoints: 5.125 }) },
      ['criteria[3].maxPoints'],
    ],
    [
      'maxPoints above 1000',
      { criteria: withCriterion(3, { maxPoints: 1000.01 }) },
      ['criteria[3].maxPoints'],
    ],
    [
      'maxPoints a string',
      { criteria: withCriterion(3, { maxPoints: '10' }) },
      ['criteria[3].maxPoints'],
    ],
    [
      'maxPoints NaN',
      { criteria: withCriterion(3, { maxPoints: NaN }) },
      ['criteria[3].maxPoints'],
    ],
    [
      'percentage without target',
      { criteria: withCriterion(1, { target: undefined }) },
      ['criteria[1].target'],
    ],
    [
      'percentage with target null',
      { criteria: withCriterion(1, { target: null }) },
      ['criteria[1].target'],
    ],
    ['target 0', { criteria: withCriterion(1, { target: 0 }) }, ['criteria[1].target']],
    ['target above 100', { criteria: withCriterion(1, { target: 100.5 }) }, ['criteria[1].target']],
    ['target on a score', { criteria: withCriterion(3, { target: 80 }) }, ['criteria[3].target']],
    [
      'count without penalty',
      { criteria: withCriterion(2, { penaltyPerUnit: undefined }) },
      ['criteria[2].penaltyPerUnit'],
    ],
    [
      'penalty 0',
      { criteria: withCriterion(2, { penaltyPerUnit: 0 }) },
      ['criteria[2].penaltyPerUnit'],
    ],
    [
      'penalty with 3 decimals',
      { criteria: withCriterion(2, { penaltyPerUnit: 0.125 }) },
      ['criteria[2].penaltyPerUnit'],
    ],
    [
      'penalty on a boolean',
      { criteria: withCriterion(0, { penaltyPerUnit: 1 }) },
      ['criteria[0].penaltyPerUnit'],
    ],
    [
      'fromIncidents on a score',
      { criteria: withCriterion(3, { fromIncidents: true }) },
      ['criteria[3].fromIncidents'],
    ],
    [
      'disqualifying on a score',
      { criteria: withCriterion(3, { disqualifying: true }) },
      ['criteria[3].disqualifying'],
    ],
    [
      'disqualifying on a percentage',
      { criteria: withCriterion(1, { disqualifying: true }) },
      ['criteria[1].disqualifying'],
    ],
    [
      'a flag that is not a boolean',
      { criteria: withCriterion(4, { bonus: 'yes' }) },
      ['criteria[4].bonus'],
    ],
    ['a duplicate code', { criteria: withCriterion(4, { code: 'A1' }) }, ['criteria[4].code']],
    [
      'a duplicate code in another case',
      { criteria: withCriterion(4, { code: 'a1' }) },
      ['criteria[4].code'],
    ],
    ['a code with a space', { criteria: withCriterion(0, { code: 'A 1' }) }, ['criteria[0].code']],
    ['an empty code', { criteria: withCriterion(0, { code: '' }) }, ['criteria[0].code']],
    [
      'a 33-character code',
      { criteria: withCriterion(0, { code: 'X'.repeat(33) }) },
      ['criteria[0].code'],
    ],
    [
      'a code with diacritics',
      { criteria: withCriterion(0, { code: 'Đ1' }) },
      ['criteria[0].code'],
    ],
    ['an empty name', { criteria: withCriterion(0, { name: '  ' }) }, ['criteria[0].name']],
    [
      'a criterion that is not an object',
      { criteria: [...ok, null as unknown as CriterionDef] },
      ['criteria[5]'],
    ],
    ['A not above B', { thresholds: { A: 75, B: 75, C: 50 }, criteria: ok }, ['thresholds.A']],
    ['B not above C', { thresholds: { A: 90, B: 40, C: 50 }, criteria: ok }, ['thresholds.B']],
    ['a partial A below the default B', { thresholds: { A: 70 }, criteria: ok }, ['thresholds.A']],
    ['a threshold above 100', { thresholds: { A: 101 }, criteria: ok }, ['thresholds.A']],
    ['a negative threshold', { thresholds: { C: -1 }, criteria: ok }, ['thresholds.C']],
    ['a threshold with 3 decimals', { thresholds: { B: 75.125 }, criteria: ok }, ['thresholds.B']],
    [
      'a threshold that is a string',
      { thresholds: { C: '50' } as never, criteria: ok },
      ['thresholds.C'],
    ],
    [
      'several problems at once',
      { criteria: withCriterion(1, { target: 0, maxPoints: 0, fromIncidents: true }) },
      ['criteria[1].maxPoints', 'criteria[1].target', 'criteria[1].fromIncidents'],
    ],
  ])('rejects %s', (_name, input, paths) => {
    const problems = checkCriteriaSet(input);
    expect(problems.map((p) => p.path)).toEqual(paths);
    problems.forEach((p) => expect(p.message).toMatch(/\w/));
  });

  it('says why, in a message per path', () => {
    expect(checkCriteriaSet({ criteria: withCriterion(1, { target: undefined }) })).toEqual([
      { path: 'criteria[1].target', message: 'is required for a percentage criterion' },
    ]);
  });
});

describe('resolveThresholds', () => {
  it.each([
    [undefined, { A: 90, B: 75, C: 50 }],
    [null, { A: 90, B: 75, C: 50 }],
    [{}, { A: 90, B: 75, C: 50 }],
    [{ A: 95 }, { A: 95, B: 75, C: 50 }],
    [
      { A: 85, B: 70, C: 40 },
      { A: 85, B: 70, C: 40 },
    ],
  ])('resolveThresholds(%p) is %p', (input, expected) => {
    expect(resolveThresholds(input)).toEqual(expected);
  });
});
