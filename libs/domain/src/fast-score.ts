import {
  abs,
  isFiniteNumber,
  isInteger,
  isNaNNumber,
  isSafeInteger,
  maxOf,
  minOf,
  round,
} from './builtins';
import type { CriterionDef, CriterionValue } from './criterion';

// Scoring's hot path in plain Numbers. Every accepted value has at most 4 decimals and
// maxPoints at most 2, so points are whole numbers of ten-thousandths (or, for percentages, a
// ratio of two such numbers): integer arithmetic on safe integers is exact. Whenever an input
// or an intermediate result falls outside that range the functions report it, and the caller
// uses the Rational path instead.

const UNIT = 10_000;
// Below 2^50 units, round(x * UNIT) recovers the decimal's units exactly (see decimal-parts).
const UNITS_LIMIT = 2 ** 50;

/** x in ten-thousandths when x has at most 4 decimals and stays small; NaN otherwise. */
export function toUnits(x: number): number {
  const k = round(x * UNIT);
  return k / UNIT === x && abs(k) <= UNITS_LIMIT ? k + 0 : NaN;
}

/** Greatest common divisor of two non-negative safe integers (and never an endless loop on NaN). */
export function gcd(a: number, b: number): number {
  while (b > 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** Points as num / den ten-thousandths of a point (den 1 except for percentages). */
export interface Term {
  num: number;
  den: number;
}

/**
 * Fills `term` with the exact points of one criterion, with the same clamping as
 * exactPointsOf; false when that cannot be done exactly in Numbers.
 */
export function pointsTerm(def: CriterionDef, value: CriterionValue, term: Term): boolean {
  term.num = 0;
  term.den = 1;
  const max = toUnits(maxPointsOf(def));
  if (isNaNNumber(max)) return false;
  if (def.kind === 'boolean') {
    term.num = value === true ? max : 0;
    return true;
  }
  if (typeof value !== 'number' || !isFiniteNumber(value)) return true;
  if (def.kind === 'count') {
    const penalty = toUnits(positiveOr(def.penaltyPerUnit, 0));
    if (isNaNNumber(penalty) || !isInteger(value)) return false;
    // An overflowing product is still ≥ 2^53 > max, so the comparison stays right.
    const lost = penalty * maxOf(0, value);
    term.num = lost >= max ? 0 : max - lost;
    return true;
  }
  const v = value > 0 ? toUnits(value) : 0;
  if (isNaNNumber(v)) return false;
  switch (def.kind) {
    case 'score':
      term.num = minOf(v, max);
      return true;
    case 'percentage': {
      const target = toUnits(positiveOr(def.target, 100));
      const num = max * minOf(v, target);
      if (isNaNNumber(target) || !isSafeInteger(num)) return false;
      const g = gcd(num, target);
      term.num = num / g;
      term.den = target / g;
      return true;
    }
    default:
      return true;
  }
}

/** maxPoints, or 0 when the definition is malformed, so that scoring never throws. */
export function maxPointsOf(def: CriterionDef): number {
  return positiveOr(def.maxPoints, 0);
}

export function positiveOr(x: number | null | undefined, fallback: number): number {
  return typeof x === 'number' && isFiniteNumber(x) && x > 0 ? x : fallback;
}

/**
 * Exact running sum of terms, kept as int + num / den: whole terms (all but percentages) stay
 * on the cheap integer path. `exact` turns false once a step would leave the safe range.
 */
export class TermSum {
  int = 0;
  num = 0;
  den = 1;
  exact = true;

  add(num: number, den: number): void {
    if (!this.exact) return;
    if (den === 1) {
      this.int += num;
      if (!isSafeInteger(this.int)) this.exact = false;
      return;
    }
    // Percentage denominators are few and small once reduced, so the lcm stays small too.
    const lcm = (this.den / gcd(this.den, den)) * den;
    const a = this.num * (lcm / this.den);
    const b = num * (lcm / den);
    this.num = a + b;
    this.den = lcm;
    if (!isSafeInteger(lcm) || !isSafeInteger(a) || !isSafeInteger(b) || !isSafeInteger(this.num))
      this.exact = false;
  }
}

/**
 * Total in points = min(100, 100 × S / M + B), rounded half up to 2 decimals, where S, M and
 * B (base points, base maxPoints, bonus points) are in ten-thousandths; NaN when a step would
 * overflow. In hundredths of a point the total is X + Y with X = 10^4 × S / M and Y = B / 100.
 */
export function fastTotal(base: TermSum, baseMax: number, bonus: TermSum): number {
  if (!base.exact || !bonus.exact || !isSafeInteger(baseMax)) return NaN;
  let xn = 0;
  let xd = 1;
  if (baseMax > 0) {
    const g = gcd(10_000, baseMax); // M is usually a multiple of 10^4: X is then S / 100
    xn = times(10_000 / g, plus(times(base.int, base.den), base.num));
    xd = times(base.den, baseMax / g);
  }
  const yn = plus(times(bonus.int, bonus.den), bonus.num);
  const yd = times(100, bonus.den);
  if (!isSafeInteger(xn) || !isSafeInteger(xd) || !isSafeInteger(yn) || !isSafeInteger(yd))
    return NaN;
  const lcm = times(xd / gcd(xd, yd), yd);
  const num = plus(times(xn, lcm / xd), times(yn, lcm / yd));
  if (!isSafeInteger(num) || !isSafeInteger(lcm)) return NaN;
  const cap = times(10_000, lcm);
  if (!(num < cap)) return isNaNNumber(cap) ? NaN : 100;
  const r = num % lcm; // exact: num and lcm are safe integers
  return ((num - r) / lcm + (2 * r >= lcm ? 1 : 0)) / 100;
}

// Safe-integer product and sum, NaN once out of range (NaN then propagates).
function times(a: number, b: number): number {
  const p = a * b;
  return isSafeInteger(p) ? p : NaN;
}

function plus(a: number, b: number): number {
  const s = a + b;
  return isSafeInteger(s) ? s : NaN;
}
