import type { Grade, Thresholds } from './criterion';
import { Rational } from './decimal';
import { gradeOf } from './grade';
import { quartersOf } from './periods';

// SPEC §6 roll-up of one subject: the mean of its approved quarterly totals in the span.

export interface QuarterResult {
  period: string;
  total: number;
  disqualified: boolean;
  thresholds: Thresholds;
  /** Larger = newer criteria set: its thresholds grade the roll-up. */
  setOrder: number;
}

export interface Rollup {
  total: number;
  quartersCounted: number;
  quartersInSpan: number;
  disqualified: boolean;
  grade: Grade;
}

/**
 * The roll-up of `period` (a half, a year, or a quarter) from the subject's approved quarters;
 * quarters outside the span are ignored, and null means no quarter counts. The mean is exact,
 * rounded half up to 2 decimals; one disqualified quarter disqualifies the roll-up.
 */
export function rollupOf(period: string, quarters: readonly QuarterResult[]): Rollup | null {
  const span = quartersOf(period);
  const counted = quarters.filter((q) => span.includes(q.period));
  if (counted.length === 0) return null;
  if (new Set(counted.map((q) => q.period)).size !== counted.length)
    throw new RangeError(`A quarter appears twice in the roll-up of ${period}`);
  const sum = counted.reduce((acc, q) => acc.add(Rational.of(q.total)), Rational.ZERO);
  const total = sum.div(Rational.fraction(counted.length, 1)).toNumber(2);
  const disqualified = counted.some((q) => q.disqualified);
  const newest = counted.reduce((a, b) =>
    b.setOrder > a.setOrder || (b.setOrder === a.setOrder && b.period > a.period) ? b : a,
  );
  return {
    total,
    quartersCounted: counted.length,
    quartersInSpan: span.length,
    disqualified,
    grade: gradeOf(total, newest.thresholds, disqualified),
  };
}
