import type { CriterionDef, CriterionValue } from './criterion';

// Scoring's hot path in plain Numbers. Every accepted value has at most 4 decimals and
// maxPoints at most 2, so points are whole numbers of ten-thousandths (or, for percentages, a
// ratio of two such numbers): integer arithmetic on safe integers is exact. Whenever an input
// or an intermediate result falls outside that range the functions report it, and the caller
// uses the Rational path instead.

const UNIT = 10_000;
// Below 2^50 units, Math.round(x * UNIT) recovers the decimal's units exactly (see decimal-parts).
const UNITS_LIMIT = 2 ** 50;
const isSafe = Number.isSafeInteger;

/** x in ten-thousandths when x has at most 4 decimals and stays small; NaN otherwise. */
export function toUnits(x: number): number {
  const k = Math.round(x * UNIT);
  return k / UNIT === x && Math.abs(k) <= UNITS_LIMIT ? k + 0 : NaN;
}

export function gcd(a: number, b: number): number {
  while (b !== 0) {
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
  const max = toUnits(def.maxPoints);
  if (!(max >= 0)) return false;
  if (def.kind === 'boolean') {
    term.num = value === true ? max : 0;
    return true;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return true;
  const v = value > 0 ? toUnits(value) : 0;
  if (Number.isNaN(v)) return false;
  switch (def.kind) {
    case 'score':
      term.num = Math.min(v, max);
      return true;
    case 'percentage': {
      const target = toUnits(positiveOr(def.target, 100));
      const num = max * Math.min(v, target);
      if (Number.isNaN(target) || !isSafe(num)) return false;
      const g = gcd(num, target) || 1;
      term.num = num / g;
      term.den = target / g;
      return true;
    }
    case 'count': {
      const penalty = toUnits(positiveOr(def.penaltyPerUnit, 0));
      if (Number.isNaN(penalty) || !Number.isInteger(value)) return false;
      // An overflowing product is still ≥ 2^53 > max, so the comparison stays right.
      const lost = penalty * Math.max(0, value);
      term.num = lost >= max ? 0 : max - lost;
      return true;
    }
    default:
      return true;
  }
}

export function positiveOr(x: number | null | undefined, fallback: number): number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : fallback;
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
    if (den === 1) {
      this.int += num;
      if (!isSafe(this.int)) this.exact = false;
      return;
    }
    // Percentage denominators are few and small once reduced, so the lcm stays small too.
    const lcm = (this.den / gcd(this.den, den)) * den;
    const a = this.num * (lcm / this.den);
    const b = num * (lcm / den);
    this.num = a + b;
    this.den = lcm;
    if (!isSafe(lcm) || !isSafe(a) || !isSafe(b) || !isSafe(this.num)) this.exact = false;
  }
}
