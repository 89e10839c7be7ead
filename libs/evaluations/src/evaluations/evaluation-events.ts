import type { SubjectType } from './workflow';

/** Emitted after the commit of an approve, return, reopen, or recompute of an approved evaluation. */
export const EVALUATION_CHANGED = 'evaluation.changed';

export interface EvaluationChangedEvent {
  period: string;
  subjectType: SubjectType;
  agencyId: number;
}
