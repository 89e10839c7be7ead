import { decimalPartsOf, parseShortest } from './decimal-parts';

describe('decimalPartsOf', () => {
  it.each([
    [0, 0, 0],
    [-0, 0, 0],
    [7, 7, 0],
    [-12, -12, 0],
    [0.1, 1, 1],
    [1.005, 1005, 3],
    [2.675, 2675, 3],
    [88.565, 88565, 3],
    [-1.5, -15, 1],
    [12.3456, 123456, 4],
    [1e-7, 1, 7],
    [1.5e-7, 15, 8],
    [0.1 + 0.2, 30000000000000004, 17],
    [123456789.125, 123456789125, 3],
  ])('%p is %p / 10^%p', (x, units, decimals) => {
    const parts = decimalPartsOf(x);
    expect(BigInt(parts.units)).toBe(BigInt(units));
    expect(parts.decimals).toBe(decimals);
  });

  it.each([
    [1e21, 10n ** 21n],
    [2 ** 60, 1152921504606847000n], // prints as 1152921504606847000
    [1e23, 10n ** 23n], // prints as 1e+23, so it is 10^23 although the double is not
    [-(2 ** 53), -9007199254740992n],
    [2 ** 53 + 2, 9007199254740994n],
  ])('reads large integers %p exactly as they print', (x, units) => {
    expect(decimalPartsOf(x)).toEqual({ units, decimals: 0 });
  });

  it.each([NaN, Infinity, -Infinity])('rejects %p', (x) => {
    expect(() => decimalPartsOf(x)).toThrow(RangeError);
  });

  // The fast path must agree with the digits String(x) prints, on every kind of number.
  it.each([
    ['small decimals', (r: number) => Math.round(r * 1e6) / 1e4],
    ['random doubles', (r: number) => r * 1000],
    ['tiny', (r: number) => r * 1e-9],
    ['large', (r: number) => r * 1e14],
    ['two decimals', (r: number) => Math.round(r * 1e6) / 100],
  ])('fast path agrees with String(x) on %s', (_name, make) => {
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 20000; i++) {
      const x = make(random()) * (i % 2 ? 1 : -1);
      const fast = decimalPartsOf(x);
      const slow = parseShortest(x);
      expect([x, BigInt(fast.units), fast.decimals]).toEqual([
        x,
        BigInt(slow.units),
        slow.decimals,
      ]);
    }
  });
});
