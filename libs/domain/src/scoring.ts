import { isNaNNumber } from './builtins';
import type { CriterionDef, CriterionValue, Grade, Thresholds } from './criterion';
import { isDisqualifying } from './criterion-value';
import { Rational } from './decimal';
import { fastTotal, maxPointsOf, pointsTerm, type Term, TermSum, toUnits } from './fast-score';
import { gradeOf } from './grade';
import { exactPointsOf, termToPoints } from './points';

// SPEC §4: the total and grade of one evaluation. Sums are exact; the total is rounded half up
// to 2 decimals once, at the end. Item points are rounded only for display.

export * from './criterion';
export { checkManualValue, checkValue, isDisqualifying } from './criterion-value';
export { gradeOf } from './grade';
export { exactPointsOf, pointsOf } from './points';

export interface ScoredItem {
  code: string;
  value: CriterionValue;
  points: number;
}

export interface Score {
  items: ScoredItem[];
  total: number;
  grade: Grade;
  disqualified: boolean;
}

type Values = Readonly<Record<string, CriterionValue>>;

const HUNDRED = Rational.of(100);

/**
 * Total = min(100, 100 × Σ base points / Σ base maxPoints + Σ bonus points). Items follow the
 * order of `defs`; a missing value is null and earns 0.
 */
export function scoreEvaluation(
  defs: readonly CriterionDef[],
  values: Values,
  thresholds: Thresholds,
): Score {
  const { items, total, disqualified } = sumFast(defs, values) ?? sumExact(defs, values);
  return { items, total, grade: gradeOf(total, thresholds, disqualified), disqualified };
}

/** Codes of the base criteria, not filled from incidents, that have no value yet: submit needs them. */
export function missingForSubmit(defs: readonly CriterionDef[], values: Values): string[] {
  return defs
    .filter((def) => !def.bonus && !def.fromIncidents && valueOf(values, def.code) === null)
    .map((def) => def.code);
}

interface Sums {
  items: ScoredItem[];
  total: number;
  disqualified: boolean;
}

// Integer arithmetic on ten-thousandths; null when some input or step is out of its exact range.
function sumFast(defs: readonly CriterionDef[], values: Values): Sums | null {
  const term: Term = { num: 0, den: 1 };
  const base = new TermSum();
  const bonus = new TermSum();
  let baseMax = 0;
  let disqualified = false;
  const items: ScoredItem[] = [];
  for (const def of defs) {
    const value = valueOf(values, def.code);
    if (!pointsTerm(def, value, term)) return null;
    const points = termToPoints(term);
    if (isNaNNumber(points)) return null;
    if (def.bonus) {
      bonus.add(term.num, term.den);
    } else {
      base.add(term.num, term.den);
      baseMax += toUnits(maxPointsOf(def)); // an integer: pointsTerm accepted it
    }
    disqualified ||= isDisqualifying(def, value);
    items.push({ code: def.code, value, points });
  }
  const total = fastTotal(base, baseMax, bonus);
  if (isNaNNumber(total)) return null;
  return { items, total, disqualified };
}

// The reference: the SPEC formula in Rationals, for any input.
function sumExact(defs: readonly CriterionDef[], values: Values): Sums {
  let basePoints = Rational.ZERO;
  let baseMax = Rational.ZERO;
  let bonusPoints = Rational.ZERO;
  let disqualified = false;
  const items: ScoredItem[] = [];
  for (const def of defs) {
    const value = valueOf(values, def.code);
    const points = exactPointsOf(def, value);
    if (def.bonus) {
      bonusPoints = bonusPoints.add(points);
    } else {
      basePoints = basePoints.add(points);
      baseMax = baseMax.add(Rational.of(maxPointsOf(def)));
    }
    disqualified ||= isDisqualifying(def, value);
    items.push({ code: def.code, value, points: points.toNumber(2) });
  }
  return { items, total: totalOf(basePoints, baseMax, bonusPoints), disqualified };
}

// base points and maxPoints in the same unit; bonus in points.
function totalOf(basePoints: Rational, baseMax: Rational, bonusPoints: Rational): number {
  const scaled = baseMax.sign() > 0 ? HUNDRED.mul(basePoints).div(baseMax) : Rational.ZERO;
  return scaled.add(bonusPoints).min(HUNDRED).toNumber(2);
}

// Only numbers and booleans are values: anything else, such as what a code like "constructor"
// would read from Object.prototype, counts as missing.
function valueOf(values: Values, code: string): CriterionValue {
  const value: unknown = values[code];
  return typeof value === 'number' || typeof value === 'boolean' ? value : null;
}
