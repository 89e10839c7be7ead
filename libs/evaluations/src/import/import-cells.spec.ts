import type { CriterionDef } from '@app/domain';
import { parseCell } from './import-cells';

const score: CriterionDef = { code: 'S', kind: 'score', maxPoints: 10 };
const flag: CriterionDef = { code: 'B', kind: 'boolean', maxPoints: 5 };
const percent: CriterionDef = { code: 'P', kind: 'percentage', maxPoints: 20, target: 80 };
const count: CriterionDef = { code: 'C', kind: 'count', maxPoints: 10, penaltyPerUnit: 2 };

describe('parseCell', () => {
  it.each([
    [score, null, { value: null }],
    [score, undefined, { value: null }],
    [score, 7.5, { value: 7.5 }],
    [score, '7.5', { value: 7.5 }],
    [score, '7,5', { value: 7.5 }],
    [score, ' 10 ', { value: 10 }],
    [flag, true, { value: true }],
    [flag, 'Có', { value: true }],
    [flag, 'x', { value: true }],
    [flag, '0', { value: false }],
    [flag, 'không', { value: false }],
    [percent, 100, { value: 100 }],
    [count, '3', { value: 3 }],
  ])('reads %j / %j', (def, cell, expected) => {
    expect(parseCell(def, cell)).toEqual(expected);
  });

  it.each([
    [score, 'abc'],
    [score, 11],
    [score, '-1'],
    [score, '1e3'],
    [flag, 'maybe'],
    [percent, 100.5],
    [count, 1.5],
    [count, true],
  ])('refuses %j / %j', (def, cell) => {
    expect(parseCell(def, cell)).toEqual({ error: expect.any(String) });
  });
});
