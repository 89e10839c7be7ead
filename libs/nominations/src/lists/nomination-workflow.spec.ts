import type { NominationStatus } from './nomination-list.entity';
import { type NominationAction, nextNominationStatus } from './nomination-workflow';

describe('nextNominationStatus', () => {
  it.each<[NominationStatus, NominationAction, NominationStatus | null]>([
    ['draft', 'edit', 'draft'],
    ['draft', 'submit', 'submitted'],
    ['draft', 'accept', null],
    ['draft', 'reject', null],
    ['submitted', 'edit', null],
    ['submitted', 'submit', null],
    ['submitted', 'accept', 'accepted'],
    ['submitted', 'reject', 'rejected'],
    ['accepted', 'edit', null],
    ['accepted', 'submit', null],
    ['accepted', 'accept', null],
    ['accepted', 'reject', null],
    ['rejected', 'edit', null],
    ['rejected', 'submit', null],
    ['rejected', 'accept', null],
    ['rejected', 'reject', null],
  ])('%s --%s--> %s', (status, action, expected) => {
    expect(nextNominationStatus(status, action)).toBe(expected);
  });
});
