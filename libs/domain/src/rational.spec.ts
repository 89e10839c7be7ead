import { Rational } from './rational';

const r = (x: number) => Rational.of(x);
const big = (n: bigint, d: bigint) => Rational.fraction(n, d);

describe('Rational', () => {
  it.each([
    [0.1, '1/10'],
    [0.3, '3/10'],
    [1.005, '201/200'],
    [-2.5, '-5/2'],
    [100, '100'],
    [-0, '0'],
    [1e21, '1000000000000000000000'],
    [1e-20, '1/100000000000000000000'],
  ])('of(%p) is %s, the decimal it prints as', (x, text) => {
    expect(r(x).toString()).toBe(text);
  });

  it.each([
    [6, 4, '3/2'],
    [-6, 4, '-3/2'],
    [6, -4, '-3/2'],
    [0, -5, '0'],
    [10n ** 30n, 10n ** 28n, '100'],
  ])('fraction(%p, %p) is reduced to %s', (n, d, text) => {
    expect(Rational.fraction(n, d).toString()).toBe(text);
  });

  it.each([
    [1, 0],
    [1.5, 2],
    [1, 0.5],
  ])('fraction(%p, %p) is refused', (n, d) => {
    expect(() => Rational.fraction(n, d)).toThrow(RangeError);
  });

  it.each([
    ['0.1 + 0.2', r(0.1).add(r(0.2)), '3/10'],
    ['1/3 + 1/6', big(1n, 3n).add(big(1n, 6n)), '1/2'],
    ['0.3 - 0.1', r(0.3).sub(r(0.1)), '1/5'],
    ['0.15 × 120', r(0.15).mul(r(120)), '18'],
    ['1 / 3', r(1).div(r(3)), '1/3'],
    ['-2 / -4', r(-2).div(r(-4)), '1/2'],
    ['3 / -4', r(3).div(r(-4)), '-3/4'],
    ['0 × 5', r(0).mul(r(5)), '0'],
    ['big + small', big(2n ** 80n, 3n).add(r(1)), `${2n ** 80n + 3n}/3`],
    ['big back to small', big(2n ** 80n, 1n).div(big(2n ** 79n, 1n)), '2'],
    ['overflowing product', r(2 ** 52).mul(r(2 ** 52)), String(2n ** 104n)],
    ['overflowing sum', r(2 ** 53 - 1).add(r(2 ** 53 - 1)), String(2n ** 54n - 2n)],
    [
      'overflowing denominators',
      big(1n, 2n ** 40n - 1n).add(big(1n, 2n ** 40n - 3n)),
      `${2n * 2n ** 40n - 4n}/${(2n ** 40n - 1n) * (2n ** 40n - 3n)}`,
    ],
  ])('%s = %s', (_name, value, text) => {
    expect(value.toString()).toBe(text);
  });

  it('refuses to divide by zero', () => {
    expect(() => r(1).div(Rational.ZERO)).toThrow(RangeError);
  });

  it.each([
    [r(0.1).add(r(0.2)), r(0.3), 0],
    [r(1).div(r(3)), r(0.3333), 1],
    [r(-1), r(0), -1],
    [big(2n ** 80n, 1n), big(2n ** 80n + 1n, 1n), -1],
    [big(1n, 3n), big(2n ** 70n, 3n * 2n ** 70n), 0],
    [r(2 ** 52 + 1).div(r(3)), r(2 ** 52).div(r(3)), 1],
  ])('cmp %s vs %s is %p', (a, b, expected) => {
    expect(a.cmp(b)).toBe(expected);
    expect(b.cmp(a)).toBe(-expected || 0);
    expect(a.eq(b)).toBe(expected === 0);
    expect(a.min(b)).toBe(expected <= 0 ? a : b);
    expect(a.max(b)).toBe(expected >= 0 ? a : b);
  });

  it.each([
    [r(2.5), 2, 3],
    [r(-2.5), -3, -2],
    [r(3), 3, 3],
    [r(-3), -3, -3],
    [big(1n, 3n), 0, 1],
    [big(-(2n ** 80n) - 1n, 2n), Number(-(2n ** 79n) - 1n), Number(-(2n ** 79n))],
  ])('floor and ceil of %s are %p and %p', (x, floor, ceil) => {
    expect(x.floor().toNumber(0)).toBe(floor);
    expect(x.ceil().toNumber(0)).toBe(ceil);
  });

  it.each([
    [r(1.005), 2, 1.01, '1.01'],
    [r(2.675), 2, 2.68, '2.68'],
    [r(88.565), 2, 88.57, '88.57'],
    [r(0.125), 2, 0.13, '0.13'], // half up, not half to even
    [r(-1.005), 2, -1.01, '-1.01'], // a half goes away from zero
    [r(-0.004), 2, 0, '0.00'], // never "-0.00"
    [big(1n, 3n), 2, 0.33, '0.33'],
    [big(2n, 3n), 2, 0.67, '0.67'],
    [big(1n, 8n), 1, 0.1, '0.1'],
    [big(1n, 16n), 3, 0.063, '0.063'],
    [r(94.5), 2, 94.5, '94.50'],
    [r(7), 0, 7, '7'],
    [r(0.5), 0, 1, '1'],
    [big(10n ** 30n + 5n, 10n), 0, 1e29, '100000000000000000000000000001'],
    [big(2n ** 80n + 1n, 2n ** 81n), 2, 0.5, '0.50'],
  ])('%s rounded to %p decimals is %p (%s)', (x, decimals, number, text) => {
    expect(x.toNumber(decimals)).toBe(number);
    expect(Object.is(x.toNumber(decimals), -0)).toBe(false);
    expect(x.toFixed(decimals)).toBe(text);
  });

  it.each([-1, 1.5, 21, NaN])('refuses %p decimals', (decimals) => {
    expect(() => r(1).toNumber(decimals)).toThrow(RangeError);
  });

  it.each([
    [r(-2), -1, false],
    [Rational.ZERO, 0, true],
    [big(2n ** 90n, 1n), 1, false],
  ])('sign of %s is %p', (x, sign, zero) => {
    expect(x.sign()).toBe(sign);
    expect(x.isZero()).toBe(zero);
  });

  it.each([
    [r(0.75), 3n, 4n],
    [big(-(2n ** 70n), 3n), -(2n ** 70n), 3n],
  ])('%s has numerator %p and denominator %p', (x, n, d) => {
    expect(x.numerator).toBe(n);
    expect(x.denominator).toBe(d);
  });
});
