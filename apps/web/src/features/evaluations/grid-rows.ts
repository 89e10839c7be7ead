/**
 * The rows of the evaluation grid: one per person, holding the evaluation read from the API,
 * the values being typed, and the live score computed by the SAME libs/domain functions the
 * server scores with.
 */
import {
  type CriterionDef,
  type CriterionValue,
  missingForSubmit,
  type Score,
  scoreEvaluation,
  type Thresholds,
} from '@app/domain';
import type { CriteriaSetView, EvaluationView, IncidentView, PersonView } from '../../api/types';

export type Values = Record<string, CriterionValue>;

export interface GridRow {
  personId: number;
  employeeCode: string;
  fullName: string;
  unitId: number | null;
  evaluation: EvaluationView | null;
  /** The values shown: the server's, with the user's unsaved edits on top. */
  values: Values;
  /** Codes edited since the last save. */
  dirty: Set<string>;
  score: Score;
  saving: boolean;
  /** The server refused the save with STALE_VERSION: reload before editing on. */
  stale: boolean;
  /** Why the last save or submit failed, in Vietnamese; null when it did not. */
  problem: string | null;
  /** Something was typed in this row (even uncommitted): its total is worth showing. */
  touched: boolean;
}

/**
 * Whether the row's total and grade mean anything yet: not for a person with no evaluation and
 * nothing typed or counted (a blank row would read "25,00 Chưa đạt", a grade nobody gave).
 */
export function hasScore(row: GridRow): boolean {
  return (
    row.evaluation !== null ||
    row.touched ||
    row.dirty.size > 0 ||
    Object.values(row.values).some((value) => value !== null && value !== undefined && value !== 0)
  );
}

export interface ScoringRules {
  defs: readonly CriterionDef[];
  thresholds: Thresholds;
}

export function rulesOf(set: CriteriaSetView): ScoringRules {
  return { defs: set.criteria, thresholds: set.thresholds };
}

function valuesOfEvaluation(evaluation: EvaluationView): Values {
  return Object.fromEntries(evaluation.items.map((item) => [item.code, item.value]));
}

/** Incidents counted per person and criterion: the fromIncidents values of a person with no evaluation yet. */
export function incidentCounts(incidents: readonly IncidentView[]): Map<number, Values> {
  const counts = new Map<number, Values>();
  for (const incident of incidents) {
    if (incident.subjectType !== 'person' || incident.deletedAt) continue;
    const values = counts.get(incident.subjectId) ?? {};
    values[incident.criterionCode] = ((values[incident.criterionCode] as number) ?? 0) + 1;
    counts.set(incident.subjectId, values);
  }
  return counts;
}

function initialValues(rules: ScoringRules, counted: Values | undefined): Values {
  const values: Values = {};
  for (const def of rules.defs) if (def.fromIncidents) values[def.code] = counted?.[def.code] ?? 0;
  return values;
}

export function rescore(row: GridRow, rules: ScoringRules): void {
  row.score = scoreEvaluation(rules.defs, row.values, rules.thresholds);
}

export function newRow(
  person: PersonView,
  evaluation: EvaluationView | undefined,
  rules: ScoringRules,
  counted: Values | undefined,
): GridRow {
  const values = evaluation ? valuesOfEvaluation(evaluation) : initialValues(rules, counted);
  return {
    personId: person.id,
    employeeCode: person.employeeCode,
    fullName: person.fullName,
    unitId: person.unitId,
    evaluation: evaluation ?? null,
    values,
    dirty: new Set(),
    score: scoreEvaluation(rules.defs, values, rules.thresholds),
    saving: false,
    stale: false,
    problem: null,
    touched: false,
  };
}

/** The server's answer becomes the row; edits typed while it was saving stay on top. */
export function acceptServerAnswer(row: GridRow, evaluation: EvaluationView, rules: ScoringRules) {
  const values = valuesOfEvaluation(evaluation);
  for (const code of row.dirty) values[code] = row.values[code];
  row.evaluation = evaluation;
  row.values = values;
  row.stale = false;
  row.problem = null;
  rescore(row, rules);
}

/** Why a row cannot be edited now, or null when it can. */
export function lockReason(row: GridRow, periodClosed: boolean): string | null {
  if (periodClosed) return 'Kỳ đánh giá đã khoá.';
  if (row.evaluation?.status === 'submitted') return 'Đã gửi duyệt: không sửa được.';
  if (row.evaluation?.status === 'approved') return 'Đã duyệt: không sửa được.';
  if (row.stale) return 'Phiếu đã được người khác sửa. Tải lại để xem bản mới nhất.';
  return null;
}

/** Why a row cannot be sent for approval, or null when it can. */
export function submitProblem(row: GridRow, rules: ScoringRules): string | null {
  const status = row.evaluation?.status;
  if (status === 'submitted') return 'Đã gửi duyệt rồi.';
  if (status === 'approved') return 'Đã duyệt rồi.';
  const missing = missingForSubmit(rules.defs, row.values);
  if (missing.length > 0) {
    const names = missing.map((code) => rules.defs.find((d) => d.code === code)?.name ?? code);
    return `Thiếu giá trị: ${names.join(', ')}.`;
  }
  if (!row.evaluation) return 'Chưa có phiếu.';
  return null;
}
