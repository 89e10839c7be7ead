import { isFiniteNumber } from './builtins';
import { decimalPartsOf } from './decimal-parts';
import { Rational } from './rational';

// Decimal arithmetic on the value a number prints as. Binary floats misround decimal halves
// (Math.round(1.005 * 100) / 100 is 1), and scores must round exactly as the SPEC says.

export { Rational } from './rational';

/**
 * Rounds half up (a half goes away from zero) to `decimals` places, on the shortest decimal
 * representation of `value`: 1.005 → 1.01, 2.675 → 2.68.
 */
export function roundHalfUp(value: number, decimals: number): number {
  return Rational.of(value).toNumber(decimals);
}

/** Digits after the point in the shortest representation (1.50 → 1, 1e-7 → 7); Infinity for NaN or ±Infinity. */
export function decimalPlaces(x: number): number {
  return isFiniteNumber(x) ? decimalPartsOf(x).decimals : Infinity;
}

/** ceil(n × share), exact: ceilTimes(120, 0.15) is 18 although 120 * 0.15 is 18.000000000000004. */
export function ceilTimes(n: number, share: number): number {
  return Rational.of(n).mul(Rational.of(share)).ceil().toNumber(0);
}

/** Half-up rounded and printed with exactly `decimals` places: formatDecimal(94.5, 2) is "94.50". */
export function formatDecimal(value: number, decimals: number): string {
  return Rational.of(value).toFixed(decimals);
}
