import type { NominationStatus } from './nomination-list.entity';

// SPEC §8: draft → submitted (nominator) → accepted or rejected (admin). Entries change only
// while the list is a draft. The table is the whole state machine.

export type NominationAction = 'edit' | 'submit' | 'accept' | 'reject';

const TRANSITIONS: Record<NominationAction, { from: NominationStatus; to: NominationStatus }> = {
  edit: { from: 'draft', to: 'draft' },
  submit: { from: 'draft', to: 'submitted' },
  accept: { from: 'submitted', to: 'accepted' },
  reject: { from: 'submitted', to: 'rejected' },
};

/** The status after `action`, or null when the action is not open in `status`. */
export function nextNominationStatus(
  status: NominationStatus,
  action: NominationAction,
): NominationStatus | null {
  const transition = TRANSITIONS[action];
  return transition.from === status ? transition.to : null;
}
