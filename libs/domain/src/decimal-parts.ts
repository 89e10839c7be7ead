import { abs, isFiniteNumber, isSafeInteger, maxOf, round } from './builtins';

// The exact decimal a JS number stands for: its shortest round-trip string (what String(x)
// prints), read as integer units scaled by 10^decimals. Binary floats are never used as values.

export interface DecimalParts {
  /** Signed integer: the value is units / 10^decimals. A bigint only when too large for a safe number. */
  units: number | bigint;
  /** Digits after the decimal point, without trailing zeros. */
  decimals: number;
}

const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
// Below this many units, if some p-decimal k/10^p round-trips to x then x * 10^p (two roundings
// of relative size 2^-53 each) lies within 0.25 of k, so Math.round finds it; and no other
// p-decimal round-trips, as 10^-p exceeds the width ulp(x) of x's rounding interval.
const FAST_UNITS_LIMIT = 2 ** 50;
const FAST_MAX_DECIMALS = 15;
const SHORTEST = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

export function decimalPartsOf(x: number): DecimalParts {
  if (!isFiniteNumber(x)) throw new RangeError(`Not a finite number: ${x}`);
  if (isSafeInteger(x)) return { units: x + 0, decimals: 0 }; // + 0 turns -0 into 0
  for (let p = 1; p <= FAST_MAX_DECIMALS; p++) {
    const k = round(x * POW10[p]);
    if (abs(k) > FAST_UNITS_LIMIT) break;
    // k / 10^p is correctly rounded, so equality means the p-decimal k/10^p round-trips to x;
    // the first p that does gives the fewest digits: the ones String(x) prints.
    if (k / POW10[p] === x) return { units: k, decimals: p };
  }
  return parseShortest(x);
}

/** Slow but obviously right: read the digits String(x) prints. */
export function parseShortest(x: number): DecimalParts {
  const m = SHORTEST.exec(String(x));
  if (!m) throw new RangeError(`Not a finite number: ${x}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  let digits = (int + frac).replace(/^0+(?=\d)/, '');
  let exponent = Number(exp) - frac.length;
  const trailing = /0*$/.exec(digits)![0].length;
  if (trailing > 0 && trailing < digits.length) {
    digits = digits.slice(0, -trailing);
    exponent += trailing;
  }
  if (/^0+$/.test(digits)) return { units: 0, decimals: 0 };
  let units = BigInt(digits);
  if (exponent > 0) units *= 10n ** BigInt(exponent);
  if (sign === '-') units = -units;
  const asNumber = Number(units);
  return {
    units: isSafeInteger(asNumber) ? asNumber : units,
    decimals: maxOf(0, -exponent),
  };
}

export function pow10(decimals: number): number {
  return POW10[decimals];
}
