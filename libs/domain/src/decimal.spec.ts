import { ceilTimes, decimalPlaces, formatDecimal, roundHalfUp } from './decimal';

describe('roundHalfUp', () => {
  it.each([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [88.565, 2, 88.57],
    [1.115, 2, 1.12],
    [0.125, 2, 0.13],
    [0.135, 2, 0.14],
    [88.564, 2, 88.56],
    [12.25, 1, 12.3],
    [12.35, 1, 12.4],
    [33.333333333333336, 2, 33.33],
    [66.66666666666667, 2, 66.67],
    [100, 2, 100],
    [0, 2, 0],
    [-1.005, 2, -1.01],
    [-0.001, 2, 0],
    [1e-7, 2, 0],
    [1.23e21, 2, 1.23e21],
    [2.5, 0, 3],
    [1.45, 1, 1.5],
    [8.345, 2, 8.35],
  ])('roundHalfUp(%p, %p) is %p', (value, decimals, expected) => {
    expect(roundHalfUp(value, decimals)).toBe(expected);
  });

  it.each([NaN, Infinity])('refuses %p', (value) => {
    expect(() => roundHalfUp(value, 2)).toThrow(RangeError);
  });
});

describe('decimalPlaces', () => {
  it.each([
    [0, 0],
    [5, 0],
    [1.5, 1],
    [1.25, 2],
    [1.005, 3],
    [12.3456, 4],
    [12.34567, 5],
    [-0.01, 2],
    [1e-7, 7],
    [1e21, 0],
    [0.1 + 0.2, 17],
    [NaN, Infinity],
    [Infinity, Infinity],
  ])('decimalPlaces(%p) is %p', (x, expected) => {
    expect(decimalPlaces(x)).toBe(expected);
  });
});

describe('ceilTimes', () => {
  it.each([
    [120, 0.15, 18], // 120 * 0.15 is 18.000000000000004 in floats
    [100, 0.15, 15],
    [101, 0.15, 16],
    [7, 0.15, 2],
    [1, 0.15, 1],
    [0, 0.15, 0],
    [20, 0.2, 4],
    [21, 0.2, 5],
    [3, 0.1, 1],
    [10, 0.3, 3], // 10 * 0.3 is 3.0000000000000004 in floats
    [10, 0.7, 7], // 10 * 0.7 is 7.000000000000001 in floats
    [5, 0, 0],
    [5, 1, 5],
  ])('ceilTimes(%p, %p) is %p', (n, share, expected) => {
    expect(ceilTimes(n, share)).toBe(expected);
  });
});

describe('formatDecimal', () => {
  it.each([
    [94.5, 2, '94.50'],
    [88, 2, '88.00'],
    [1.005, 2, '1.01'],
    [0, 2, '0.00'],
    [100, 1, '100.0'],
    [-3.25, 1, '-3.3'],
    [12.3, 0, '12'],
  ])('formatDecimal(%p, %p) is %p', (value, decimals, expected) => {
    expect(formatDecimal(value, decimals)).toBe(expected);
  });
});
