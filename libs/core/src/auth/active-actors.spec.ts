import type { DataSource } from 'typeorm';
import type { InstanceBroadcast } from '../broadcast/instance-broadcast';
import { ActiveActors } from './active-actors';

/** A users table of one row whose reads can be held back, counting the reads of it. */
function fakeUsers() {
  const row = {
    id: 7,
    username: 'hr.a',
    role: 'hr_officer',
    agency_id: 3,
    active: 1,
    token_version: 2,
  };
  const state = { row: { ...row }, reads: 0, hold: null as Promise<void> | null };
  const dataSource = {
    query: async (sql: string) => {
      if (sql.includes('COUNT(*)'))
        return [{ n: 1, versions: state.row.token_version, updated: 0 }];
      state.reads++;
      const seen = { ...state.row };
      if (state.hold) await state.hold;
      return [seen];
    },
  } as unknown as DataSource;
  const broadcast = { publish: jest.fn(), on: jest.fn(), connected: false };
  const actors = new ActiveActors(dataSource, broadcast as unknown as InstanceBroadcast);
  return { actors, state, broadcast };
}

describe('ActiveActors', () => {
  it('reads an active account once, then serves it from memory', async () => {
    const { actors, state } = fakeUsers();
    const expected = { id: 7, username: 'hr.a', role: 'hr_officer', agencyId: 3 };
    expect(await actors.find(7, 2)).toEqual(expected);
    expect(await actors.find(7, 2)).toEqual(expected);
    expect(state.reads).toBe(1);
  });

  it('reads again after a change, and tells the other instances', async () => {
    const { actors, state, broadcast } = fakeUsers();
    await actors.find(7, 2);
    state.row = { ...state.row, active: 0, token_version: 3 };
    actors.changed();
    await expect(actors.find(7, 2)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(state.reads).toBe(2);
    expect(broadcast.publish).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a token of an older version', { token_version: 3 }, 2],
    ['a disabled account', { active: 0 }, 2],
  ])('refuses %s', async (_, change, tokenVersion) => {
    const { actors, state } = fakeUsers();
    state.row = { ...state.row, ...change };
    await expect(actors.find(7, tokenVersion)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('keeps no account read before a change that committed while it was read', async () => {
    const { actors, state } = fakeUsers();
    let release = () => {};
    state.hold = new Promise<void>((resolve) => (release = resolve));
    const reading = actors.find(7, 2); // sees the account still active
    state.row = { ...state.row, active: 0 };
    actors.changed();
    release();
    await reading;
    state.hold = null;
    await expect(actors.find(7, 2)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('keeps no disabled account: enabled again, it is served at once', async () => {
    const { actors, state } = fakeUsers();
    state.row = { ...state.row, active: 0 };
    await expect(actors.find(7, 2)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    state.row = { ...state.row, active: 1 };
    expect((await actors.find(7, 2)).id).toBe(7);
  });
});
