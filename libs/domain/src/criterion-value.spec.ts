import type { CriterionDef } from './criterion';
import { checkManualValue, checkValue, isDisqualifying } from './criterion-value';

const score: CriterionDef = { code: 'S', kind: 'score', maxPoints: 55 };
const bool: CriterionDef = { code: 'B', kind: 'boolean', maxPoints: 10 };
const pct: CriterionDef = { code: 'P', kind: 'percentage', maxPoints: 20, target: 80 };
const count: CriterionDef = { code: 'C', kind: 'count', maxPoints: 15, penaltyPerUnit: 5 };

describe('checkValue', () => {
  it.each([
    [score, 0],
    [score, 55],
    [score, 12.3456],
    [score, null],
    [score, undefined],
    [bool, true],
    [bool, false],
    [bool, null],
    [pct, 0],
    [pct, 100],
    [pct, 80.5],
    [pct, 99.9999],
    [count, 0],
    [count, 3],
    [count, 1e6],
  ])('%o accepts %p', (def, value) => {
    expect(checkValue(def, value)).toBeNull();
  });

  it.each([
    [score, -0.01, 'must be between 0 and 55'],
    [score, 55.01, 'must be between 0 and 55'],
    [score, '10', 'must be a number'],
    [score, true, 'must be a number'],
    [score, NaN, 'must be a number'],
    [score, Infinity, 'must be a number'],
    [score, 1.23456, 'must have at most 4 decimals'],
    [score, {}, 'must be a number'],
    [bool, 1, 'must be true or false'],
    [bool, 'true', 'must be true or false'],
    [pct, -1, 'must be a percentage between 0 and 100'],
    [pct, 100.5, 'must be a percentage between 0 and 100'],
    [pct, '50', 'must be a number'],
    [pct, 50.00001, 'must have at most 4 decimals'],
    [count, -1, 'must be a whole number, 0 or more'],
    [count, 1.5, 'must be a whole number, 0 or more'],
    [count, 2 ** 53, 'must be a whole number, 0 or more'],
    [count, false, 'must be a number'],
    [
      { code: 'X', kind: 'other', maxPoints: 5 } as unknown as CriterionDef,
      1,
      'has an unknown kind "other"',
    ],
  ])('%o rejects %p: %s', (def, value, message) => {
    expect(checkValue(def, value)).toBe(message);
  });
});

describe('isDisqualifying', () => {
  const dqBool = { ...bool, disqualifying: true };
  const dqCount = { ...count, disqualifying: true };
  it.each([
    [dqBool, false, true],
    [dqBool, true, false],
    [dqBool, null, false],
    [dqBool, undefined, false],
    [dqCount, 0, false],
    [dqCount, 1, true],
    [dqCount, 7, true],
    [dqCount, null, false],
    [bool, false, false],
    [count, 3, false],
    [{ ...score, disqualifying: true }, 0, false],
  ])('%o with %p → %p', (def, value, expected) => {
    expect(isDisqualifying(def, value)).toBe(expected);
  });
});

describe('checkManualValue', () => {
  const incidents = { ...count, fromIncidents: true };
  it.each([
    [incidents, 0, 'is counted from incidents and cannot be entered by hand'],
    [incidents, 2, 'is counted from incidents and cannot be entered by hand'],
    [incidents, null, null],
    [incidents, undefined, null],
    [count, 2, null],
    [count, -1, 'must be a whole number, 0 or more'],
    [score, 56, 'must be between 0 and 55'],
  ])('%o with %p → %p', (def, value, message) => {
    expect(checkManualValue(def, value)).toBe(message);
  });
});
