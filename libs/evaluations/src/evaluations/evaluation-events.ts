import type { SubjectType } from './workflow';

/**
 * Emitted after the commit of an approve, return, reopen, or recompute of an approved evaluation,
 * whose ranking work the same transaction recorded in evaluation_changes: the event only wakes
 * this instance's rankings up at once (other instances find the row).
 */
export const EVALUATION_CHANGED = 'evaluation.changed';

export interface EvaluationChangedEvent {
  period: string;
  subjectType: SubjectType;
  agencyId: number;
  subjectId: number;
}
