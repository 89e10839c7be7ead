import type { CriterionDef } from '@app/domain';
import { formatCellValue, parseCellInput, parseTsv } from './grid-values';

const score: CriterionDef = { code: 'S', kind: 'score', maxPoints: 10 };
const yesNo: CriterionDef = { code: 'B', kind: 'boolean', maxPoints: 5 };
const percent: CriterionDef = { code: 'P', kind: 'percentage', maxPoints: 10, target: 100 };
const count: CriterionDef = { code: 'C', kind: 'count', maxPoints: 10, penaltyPerUnit: 2 };
const incidents: CriterionDef = { ...count, code: 'I', fromIncidents: true };

describe('parseCellInput', () => {
  it.each([
    [score, '8,5', { value: 8.5 }],
    [score, '8.5', { value: 8.5 }],
    [score, ' 10 ', { value: 10 }],
    [score, '', { value: null }],
    [score, '11', { error: 'phải từ 0 đến 10' }],
    [score, '-1', { error: 'phải từ 0 đến 10' }],
    [score, 'tám', { error: 'phải là một số' }],
    [score, '1,23456', { error: 'chỉ được có tối đa 4 chữ số thập phân' }],
    [{ ...score, maxPoints: 7.5 }, '8', { error: 'phải từ 0 đến 7,5' }],
    [yesNo, 'Có', { value: true }],
    [yesNo, 'khong', { value: false }],
    [yesNo, true, { value: true }],
    [yesNo, 'có lẽ', { error: 'phải là Có hoặc Không' }],
    [percent, '100', { value: 100 }],
    [percent, '100,5', { error: 'phải là phần trăm từ 0 đến 100' }],
    [count, '2', { value: 2 }],
    [count, '2,5', { error: 'phải là số nguyên từ 0 trở lên' }],
    [incidents, '1', { error: 'được đếm từ vi phạm, không nhập tay' }],
  ])('%o reads %p as %o', (def, input, expected) => {
    expect(parseCellInput(def, input)).toEqual(expected);
  });
});

describe('formatCellValue', () => {
  it.each([
    [8.5, '8,5'],
    [true, 'Có'],
    [false, 'Không'],
    [null, ''],
    [1234.5, '1234,5'],
  ])('%p reads %p', (value, text) => expect(formatCellValue(value)).toBe(text));
});

describe('parseTsv', () => {
  it('splits rows and cells and drops the trailing newline of a copied block', () => {
    expect(parseTsv('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseTsv('7')).toEqual([['7']]);
  });
});
