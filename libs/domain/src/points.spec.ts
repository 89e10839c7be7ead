import type { CriterionDef, CriterionValue } from './criterion';
import { exactPointsOf, pointsOf } from './points';

const score: CriterionDef = { code: 'S', kind: 'score', maxPoints: 55 };
const bool: CriterionDef = { code: 'B', kind: 'boolean', maxPoints: 10 };
const pct: CriterionDef = { code: 'P', kind: 'percentage', maxPoints: 20, target: 80 };
const count: CriterionDef = { code: 'C', kind: 'count', maxPoints: 15, penaltyPerUnit: 5 };

describe('pointsOf (SPEC §4 table)', () => {
  it.each<[string, CriterionDef, CriterionValue, number]>([
    ['score 0', score, 0, 0],
    ['score max', score, 55, 55],
    ['score inside', score, 50, 50],
    ['score with 4 decimals, rounded for display', score, 12.3456, 12.35],
    ['score over max is clamped', score, 60, 55],
    ['score below 0 is clamped', score, -3, 0],
    ['score missing', score, null, 0],
    ['score undefined', score, undefined, 0],
    ['boolean true', bool, true, 10],
    ['boolean false', bool, false, 0],
    ['boolean missing', bool, null, 0],
    ['boolean given a number', bool, 1, 0],
    ['percentage 0', pct, 0, 0],
    ['percentage below target', pct, 60, 15],
    ['percentage exactly at target', pct, 80, 20],
    ['percentage over target', pct, 95, 20],
    ['percentage 100', pct, 100, 20],
    ['percentage missing', pct, null, 0],
    ['percentage x.xx5 exactly rounds up', { ...pct, maxPoints: 10 }, 33.4, 4.18], // 4.175
    ['percentage 1/3 repeating', { ...pct, maxPoints: 10, target: 30 }, 10, 3.33],
    ['percentage 2/3 repeating', { ...pct, maxPoints: 10, target: 30 }, 20, 6.67],
    ['percentage target 100', { ...pct, target: 100 }, 50, 10],
    ['count 0', count, 0, 15],
    ['count 1', count, 1, 10],
    ['count exactly to zero', count, 3, 0],
    ['count past zero', count, 4, 0],
    ['count far past zero', count, 1e15, 0],
    ['count missing', count, null, 0],
    ['count with decimal penalty', { ...count, maxPoints: 10, penaltyPerUnit: 2.25 }, 3, 3.25],
    ['score given a boolean', score, true, 0],
    ['score given NaN', score, NaN, 0],
  ])('%s', (_name, def, value, expected) => {
    expect(pointsOf(def, value)).toBe(expected);
    expect(exactPointsOf(def, value).toNumber(2)).toBe(expected);
  });

  it.each<[string, CriterionDef, CriterionValue, string]>([
    ['percentage keeps the exact ratio', { ...pct, maxPoints: 10, target: 30 }, 10, '10/3'],
    ['score with 5 decimals (slow path)', score, 1.23455, '24691/20000'],
    ['count with a fractional value (slow path)', count, 0.5, '25/2'],
    ['percentage with a 6-decimal target', { ...pct, target: 33.333333 }, 10, '200000000/33333333'],
    ['malformed maxPoints', { ...score, maxPoints: NaN }, 5, '0'],
    ['malformed target falls back to 100', { ...pct, target: 0 }, 50, '10'],
    ['missing penalty costs nothing', { ...count, penaltyPerUnit: null }, 4, '15'],
  ])('exact: %s', (_name, def, value, text) => {
    expect(exactPointsOf(def, value).toString()).toBe(text);
    expect(pointsOf(def, value)).toBe(exactPointsOf(def, value).toNumber(2));
  });
});
