import {
  type EvaluationStatus,
  type SubjectType,
  transitionOf,
  type WorkflowAction,
} from './workflow';
import type { Role } from '@app/core';

type Row = [
  SubjectType,
  EvaluationStatus,
  WorkflowAction,
  Role,
  EvaluationStatus | 'role' | 'state',
];

describe('evaluation workflow (SPEC §5)', () => {
  const table: Row[] = [
    // people: hr_officer and admin edit and submit
    ['person', 'draft', 'edit', 'hr_officer', 'draft'],
    ['person', 'returned', 'edit', 'hr_officer', 'returned'],
    ['person', 'draft', 'submit', 'hr_officer', 'submitted'],
    ['person', 'returned', 'submit', 'admin', 'submitted'],
    ['person', 'submitted', 'edit', 'hr_officer', 'state'],
    ['person', 'approved', 'edit', 'admin', 'state'],
    ['person', 'submitted', 'submit', 'hr_officer', 'state'],
    ['person', 'draft', 'edit', 'inspector', 'role'],
    ['person', 'draft', 'submit', 'department_head', 'role'],
    ['person', 'draft', 'edit', 'nominator', 'role'],
    // people: department_head and admin approve and return
    ['person', 'submitted', 'approve', 'department_head', 'approved'],
    ['person', 'submitted', 'approve', 'admin', 'approved'],
    ['person', 'submitted', 'return', 'department_head', 'returned'],
    ['person', 'submitted', 'return', 'admin', 'returned'],
    ['person', 'draft', 'approve', 'department_head', 'state'],
    ['person', 'returned', 'approve', 'admin', 'state'],
    ['person', 'approved', 'approve', 'admin', 'state'],
    ['person', 'approved', 'return', 'department_head', 'state'],
    ['person', 'submitted', 'approve', 'hr_officer', 'role'],
    ['person', 'submitted', 'approve', 'inspector', 'role'],
    ['person', 'submitted', 'return', 'nominator', 'role'],
    // reopen: admin only, approved only
    ['person', 'approved', 'reopen', 'admin', 'returned'],
    ['person', 'submitted', 'reopen', 'admin', 'state'],
    ['person', 'returned', 'reopen', 'admin', 'state'],
    ['person', 'approved', 'reopen', 'department_head', 'role'],
    ['agency', 'approved', 'reopen', 'admin', 'returned'],
    ['agency', 'approved', 'reopen', 'inspector', 'role'],
    // agencies: inspector and admin edit and submit, admin alone approves and returns
    ['agency', 'draft', 'edit', 'inspector', 'draft'],
    ['agency', 'draft', 'submit', 'inspector', 'submitted'],
    ['agency', 'returned', 'submit', 'inspector', 'submitted'],
    ['agency', 'draft', 'edit', 'hr_officer', 'role'],
    ['agency', 'submitted', 'approve', 'admin', 'approved'],
    ['agency', 'submitted', 'return', 'admin', 'returned'],
    ['agency', 'submitted', 'approve', 'department_head', 'role'],
    ['agency', 'submitted', 'approve', 'inspector', 'role'],
    ['agency', 'draft', 'approve', 'admin', 'state'],
  ];

  it.each(table)('%s %s --%s by %s--> %s', (subjectType, from, action, role, expected) => {
    const outcome = transitionOf(subjectType, from, action, role);
    if (expected === 'role' || expected === 'state') {
      expect(outcome).toEqual({ ok: false, reason: expected });
    } else {
      expect(outcome).toEqual({ ok: true, to: expected });
    }
  });
});
