// The vocabulary of SPEC §4: what a criterion is, what a value can be, and the grades.

export type CriterionKind = 'score' | 'boolean' | 'percentage' | 'count';
export const CRITERION_KINDS: readonly CriterionKind[] = [
  'score',
  'boolean',
  'percentage',
  'count',
];

export interface CriterionDef {
  code: string;
  name?: string;
  group?: string | null;
  kind: CriterionKind;
  /** > 0, two decimals at most. */
  maxPoints: number;
  /** percentage only: the value that earns full points, in (0, 100]. */
  target?: number | null;
  /** count only: points lost per unit, > 0. */
  penaltyPerUnit?: number | null;
  /** Kept out of the base; its points are added on top of the scaled base. */
  bonus?: boolean;
  /** count only: the value is the number of incidents, never typed by hand. */
  fromIncidents?: boolean;
  /** boolean or count: false, or a count above 0, disqualifies the evaluation. */
  disqualifying?: boolean;
}

/** A value as sent or stored; null or undefined means "not given yet". */
export type CriterionValue = number | boolean | null | undefined;

/** Values carry at most this many decimals (maxPoints two: see criteria-definition.ts). */
export const VALUE_MAX_DECIMALS = 4;

export interface Thresholds {
  A: number;
  B: number;
  C: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { A: 90, B: 75, C: 50 };

export type Grade = 'A' | 'B' | 'C' | 'D';
export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];
export const GRADE_LABELS: Record<Grade, string> = {
  A: 'Xuất sắc',
  B: 'Tốt',
  C: 'Đạt',
  D: 'Chưa đạt',
};
