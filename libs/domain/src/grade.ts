import type { Grade, Thresholds } from './criterion';

/** SPEC §4: A if total ≥ A, B if ≥ B, C if ≥ C, else D; disqualified caps A and B to C (D stays D). */
export function gradeOf(total: number, thresholds: Thresholds, disqualified: boolean): Grade {
  const grade: Grade =
    total >= thresholds.A ? 'A' : total >= thresholds.B ? 'B' : total >= thresholds.C ? 'C' : 'D';
  return disqualified && (grade === 'A' || grade === 'B') ? 'C' : grade;
}
