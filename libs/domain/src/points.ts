import { isFiniteNumber, isNaNNumber, isSafeInteger, maxOf } from './builtins';
import type { CriterionDef, CriterionValue } from './criterion';
import { Rational } from './decimal';
import { maxPointsOf, pointsTerm, positiveOr, type Term } from './fast-score';

// Points of one criterion (SPEC §4 table). exactPointsOf is the reference; pointsOf takes the
// Number fast path when it is provably exact, which is nearly always.

/**
 * Exact points of one criterion. A missing value, or one of the wrong type, earns 0; numbers are
 * clamped into their valid range, so an unchecked value never earns more than maxPoints nor
 * less than 0, and a malformed definition never throws.
 */
export function exactPointsOf(def: CriterionDef, value: CriterionValue): Rational {
  const max = Rational.of(maxPointsOf(def));
  if (def.kind === 'boolean') return value === true ? max : Rational.ZERO;
  if (typeof value !== 'number' || !isFiniteNumber(value)) return Rational.ZERO;
  const v = Rational.of(maxOf(0, value));
  switch (def.kind) {
    case 'score':
      return v.min(max);
    case 'percentage': {
      const target = Rational.of(positiveOr(def.target, 100));
      return max.mul(v.min(target)).div(target);
    }
    case 'count':
      return max.sub(Rational.of(positiveOr(def.penaltyPerUnit, 0)).mul(v)).max(Rational.ZERO);
    default:
      return Rational.ZERO;
  }
}

/** Points of one criterion rounded half up to 2 decimals, for display; a missing value earns 0. */
export function pointsOf(def: CriterionDef, value: CriterionValue): number {
  const term: Term = { num: 0, den: 1 };
  if (pointsTerm(def, value, term)) {
    const points = termToPoints(term);
    if (!isNaNNumber(points)) return points;
  }
  return exactPointsOf(def, value).toNumber(2);
}

/** A term (ten-thousandths of a point) rounded half up to hundredths, as points; NaN on overflow. */
export function termToPoints({ num, den }: Term): number {
  const per = den * 100;
  if (!isSafeInteger(per)) return NaN;
  const r = num % per; // num ≥ 0; % is exact on safe integers
  return ((num - r) / per + (2 * r >= per ? 1 : 0)) / 100;
}
