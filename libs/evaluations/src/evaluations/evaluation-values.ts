import { FieldProblem, ValidationFailed } from '@app/core';
import {
  checkValue,
  type CriterionValue,
  GRADE_LABELS,
  scoreEvaluation,
  type Score,
} from '@app/domain';
import type { CriteriaSetDef } from '@app/criteria';
import type { EvaluationItemView, EvaluationView } from './dto/evaluation.dto';
import type { EvaluationEntity } from './evaluation.entity';

export type Values = Record<string, number | boolean>;
export type Notes = Record<string, string>;

const NOTE_LIMIT = 2000;

/** More codes than the set has criteria cannot all be right: one problem, not one per key. */
function refuseMoreKeysThanCriteria(
  set: CriteriaSetDef,
  changes: Record<string, unknown>,
  field: string,
): void {
  const count = Object.keys(changes).length;
  if (count > set.criteria.length)
    throw ValidationFailed.field(
      field,
      `names ${count} criteria; set ${set.code} v${set.version} has ${set.criteria.length}`,
    );
}

/**
 * Merges values typed by a person (or read from a file or a checklist) into `current`:
 * unknown codes, values of fromIncidents criteria and values out of range are refused, all
 * reported at once under `values.CODE`; null clears a value.
 */
export function mergeValues(
  set: CriteriaSetDef,
  current: Values,
  changes: Record<string, unknown> | undefined,
  field = 'values',
): Values {
  if (!changes) return current;
  refuseMoreKeysThanCriteria(set, changes, field);
  const problems: FieldProblem[] = [];
  const merged: Values = { ...current };
  const byCode = new Map(set.criteria.map((def) => [def.code, def]));
  for (const [code, value] of Object.entries(changes)) {
    const def = byCode.get(code);
    const at = `${field}.${code}`;
    if (!def) {
      problems.push({
        field: at,
        message: `is not a criterion of set ${set.code} v${set.version}`,
      });
    } else if (def.fromIncidents) {
      problems.push({ field: at, message: 'is counted from incidents and cannot be typed in' });
    } else {
      const problem = checkValue(def, value);
      if (problem) problems.push({ field: at, message: problem });
      else if (value === null || value === undefined) delete merged[code];
      else merged[code] = value as number | boolean;
    }
  }
  if (problems.length) throw failure(problems);
  return merged;
}

/** Notes by criterion code: text up to 2000 characters; null or "" clears a note. */
export function mergeNotes(
  set: CriteriaSetDef,
  current: Notes,
  changes: Record<string, unknown> | undefined,
): Notes {
  if (!changes) return current;
  refuseMoreKeysThanCriteria(set, changes, 'notes');
  const problems: FieldProblem[] = [];
  const merged: Notes = { ...current };
  const codes = new Set(set.criteria.map((def) => def.code));
  for (const [code, note] of Object.entries(changes)) {
    const at = `notes.${code}`;
    if (!codes.has(code)) problems.push({ field: at, message: 'is not a criterion of the set' });
    else if (note === null || note === '') delete merged[code];
    else if (typeof note !== 'string' || note.length > NOTE_LIMIT)
      problems.push({ field: at, message: `must be a text of at most ${NOTE_LIMIT} characters` });
    else merged[code] = note;
  }
  if (problems.length) throw failure(problems);
  return merged;
}

/** The values with every fromIncidents criterion set to its count (0 when none). */
export function withIncidentCounts(
  set: CriteriaSetDef,
  values: Values,
  counts: ReadonlyMap<string, number>,
): Values {
  const result: Values = { ...values };
  for (const def of set.criteria) {
    if (def.fromIncidents) result[def.code] = counts.get(def.code) ?? 0;
  }
  return result;
}

export function scoreOf(set: CriteriaSetDef, values: Values): Score {
  return scoreEvaluation(set.criteria, values, set.thresholds);
}

export function failure(problems: FieldProblem[]): ValidationFailed {
  return new ValidationFailed(
    problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
    problems,
  );
}

export function valuesOf(entity: EvaluationEntity): Values {
  return JSON.parse(entity.valuesJson) as Values;
}

export function notesOf(entity: EvaluationEntity): Notes {
  return JSON.parse(entity.notesJson) as Notes;
}

export function evaluationView(entity: EvaluationEntity, set: CriteriaSetDef): EvaluationView {
  const values = valuesOf(entity);
  const notes = notesOf(entity);
  const score = scoreOf(set, values);
  const items: EvaluationItemView[] = set.criteria.map((def, index) => ({
    code: def.code,
    name: def.name ?? def.code,
    group: def.group ?? null,
    kind: def.kind,
    maxPoints: def.maxPoints,
    bonus: def.bonus ?? false,
    fromIncidents: def.fromIncidents ?? false,
    value: (score.items[index].value as CriterionValue) ?? null,
    points: score.items[index].points,
    note: notes[def.code] ?? null,
  }));
  return {
    id: entity.id,
    subjectType: entity.subjectType,
    subjectId: entity.subjectId,
    agencyId: entity.agencyId,
    unitId: entity.unitId,
    period: entity.period,
    criteriaSetId: entity.criteriaSetId,
    criteriaSetVersion: set.version,
    status: entity.status,
    version: entity.version,
    total: entity.total,
    grade: entity.grade,
    gradeLabel: GRADE_LABELS[entity.grade],
    disqualified: entity.disqualified,
    items,
    returnReason: entity.returnReason,
    submittedAt: entity.submittedAt,
    approvedAt: entity.approvedAt,
    approvedBy: entity.approvedBy,
    createdBy: entity.createdBy,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
