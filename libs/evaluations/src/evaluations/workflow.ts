import type { Role } from '@app/core';

// SPEC §5 as a table: which role may do what to an evaluation in which status, and where it goes.

export type EvaluationStatus = 'draft' | 'submitted' | 'approved' | 'returned';
export const EVALUATION_STATUSES: readonly EvaluationStatus[] = [
  'draft',
  'submitted',
  'approved',
  'returned',
];
export type SubjectType = 'person' | 'agency';
export const SUBJECT_TYPES: readonly SubjectType[] = ['person', 'agency'];

/** `edit` covers creating, changing values and notes, and filling from an inspection. */
export type WorkflowAction = 'edit' | 'submit' | 'approve' | 'return' | 'reopen';

export interface Transition {
  from: EvaluationStatus;
  action: WorkflowAction;
  subjectType: SubjectType;
  roles: readonly Role[];
  to: EvaluationStatus;
}

const EDITORS: Record<SubjectType, readonly Role[]> = {
  person: ['hr_officer', 'admin'],
  agency: ['inspector', 'admin'],
};
const APPROVERS: Record<SubjectType, readonly Role[]> = {
  person: ['department_head', 'admin'],
  agency: ['admin'],
};

function rows(subjectType: SubjectType): Transition[] {
  const editors = EDITORS[subjectType];
  const approvers = APPROVERS[subjectType];
  return [
    { from: 'draft', action: 'edit', subjectType, roles: editors, to: 'draft' },
    { from: 'returned', action: 'edit', subjectType, roles: editors, to: 'returned' },
    { from: 'draft', action: 'submit', subjectType, roles: editors, to: 'submitted' },
    { from: 'returned', action: 'submit', subjectType, roles: editors, to: 'submitted' },
    { from: 'submitted', action: 'approve', subjectType, roles: approvers, to: 'approved' },
    { from: 'submitted', action: 'return', subjectType, roles: approvers, to: 'returned' },
    { from: 'approved', action: 'reopen', subjectType, roles: ['admin'], to: 'returned' },
  ];
}

export const WORKFLOW: readonly Transition[] = [...rows('person'), ...rows('agency')];

export type TransitionOutcome =
  { ok: true; to: EvaluationStatus } | { ok: false; reason: 'role' | 'state' };

/**
 * Where `action` takes an evaluation. `role` when the role may never do this action to this kind
 * of subject (403); `state` when it may, but not from the current status (409 INVALID_TRANSITION).
 */
export function transitionOf(
  subjectType: SubjectType,
  from: EvaluationStatus,
  action: WorkflowAction,
  role: Role,
): TransitionOutcome {
  const allowed = WORKFLOW.filter(
    (row) => row.subjectType === subjectType && row.action === action && row.roles.includes(role),
  );
  if (allowed.length === 0) return { ok: false, reason: 'role' };
  const row = allowed.find((candidate) => candidate.from === from);
  return row ? { ok: true, to: row.to } : { ok: false, reason: 'state' };
}

/** May `role` create and edit evaluations of this kind of subject at all? */
export function mayEdit(subjectType: SubjectType, role: Role): boolean {
  return EDITORS[subjectType].includes(role);
}
