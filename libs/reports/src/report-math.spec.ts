import { meanOfHundredths, percentOf } from './report-math';

describe('meanOfHundredths', () => {
  it.each<[number, number, number | null]>([
    [0, 0, null],
    [9450, 1, 94.5],
    [18901, 2, 94.51], // 94.505 → 94.51 (half up)
    [18900, 2, 94.5],
    [30001, 3, 100.0], // 100.0033 → 100.00
    [20002, 3, 66.67], // 66.6733
    [20000, 3, 66.67], // 66.6666
    [10001, 2, 50.01], // 50.005 → 50.01
    [1, 2, 0.01], // 0.005 → 0.01
    [0, 5, 0],
  ])('sum %d over %d → %p', (sum, count, expected) => {
    expect(meanOfHundredths(sum, count)).toBe(expected);
  });

  it('refuses fractions of hundredths', () => {
    expect(() => meanOfHundredths(1.5, 2)).toThrow(RangeError);
  });
});

describe('percentOf', () => {
  it.each<[number, number, number | null]>([
    [0, 0, null],
    [0, 10, 0],
    [10, 10, 100],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 8, 12.5],
    [1, 16, 6.3], // 6.25 → 6.3 (half up)
    [1, 400, 0.3], // 0.25 → 0.3
    [119, 120, 99.2],
  ])('%d of %d → %p', (part, whole, expected) => {
    expect(percentOf(part, whole)).toBe(expected);
  });
});
