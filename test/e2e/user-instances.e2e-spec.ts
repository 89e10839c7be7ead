import { InstanceBroadcast, USERS_POLL_MS, USERS_POLL_WITH_REDIS_MS } from '@app/core';
import { createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

// Issue 13: accounts are held in memory, so a request costs no query, yet a disabled account
// (or a token older than a password, role or agency change) is refused at once on the instance
// that made the change, and soon after on the other, through Redis or the database's users
// fingerprint alone; a change made outside the app (the CLI, SQL) is seen by the poll.

const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each([
  ['the database alone', '', 1000],
  ['Redis', REDIS, 500],
])('accounts on two instances sharing one database, with %s', (_, redisUrl, boundMs) => {
  let first: TestApp;
  let second: TestApp;
  let admin: string;
  let agencyId: number;

  beforeAll(async () => {
    first = await createTestApp({ REDIS_URL: redisUrl });
    second = await createTestApp({ REDIS_URL: redisUrl }, { shareDatabaseOf: first });
    admin = await first.login('root.admin');
    const agency = await first
      .http()
      .post('/api/agencies')
      .set('Authorization', admin)
      .send({ code: 'SO-TT', name: 'Sở Thông tin' });
    agencyId = agency.body.id;
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  let serial = 0;
  const newUser = async (role = 'hr_officer') => {
    const username = `nguoi.dung.${++serial}`;
    const created = await first
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({ username, password: TEST_PASSWORD, role, agencyId });
    expect(created.status).toBe(201);
    return { id: created.body.id as number, token: await second.login(username) };
  };
  const me = (t: TestApp, token: string) =>
    t.http().get('/api/auth/me').set('Authorization', token);
  /** Milliseconds until `t` refuses `token` (the test fails past `limitMs`). */
  const refusedAfter = async (t: TestApp, token: string, limitMs = 2 * boundMs) => {
    const began = performance.now();
    while ((await me(t, token)).status !== 401) {
      if (performance.now() - began > limitMs) throw new Error('the token is still served');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return performance.now() - began;
  };

  it(`carries account changes ${redisUrl ? 'through Redis' : 'through the database alone'}`, () => {
    for (const t of [first, second])
      expect(t.app.get(InstanceBroadcast).connected).toBe(redisUrl !== '');
  });

  it('refuses a disabled account at once where it was disabled, and soon on the other', async () => {
    const user = await newUser();
    // Both instances have served (and hold) the account.
    expect((await me(first, user.token)).status).toBe(200);
    expect((await me(second, user.token)).status).toBe(200);
    const disabled = await first
      .http()
      .patch(`/api/users/${user.id}`)
      .set('Authorization', admin)
      .send({ active: false });
    expect(disabled.status).toBe(200);
    const refused = await me(first, user.token);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    expect(await refusedAfter(second, user.token)).toBeLessThanOrEqual(boundMs);
  });

  it('serves the new role, and refuses tokens issued before it, on both instances', async () => {
    const user = await newUser('hr_officer');
    expect((await me(first, user.token)).body.role).toBe('hr_officer');
    const promoted = await second
      .http()
      .patch(`/api/users/${user.id}`)
      .set('Authorization', admin)
      .send({ role: 'department_head' });
    expect(promoted.status).toBe(200);
    expect((await me(second, user.token)).status).toBe(401);
    expect(await refusedAfter(first, user.token)).toBeLessThanOrEqual(boundMs);
    const again = await first.login(`nguoi.dung.${serial}`);
    for (const t of [first, second]) expect((await me(t, again)).body.role).toBe('department_head');
  });

  it('sees an account disabled outside the app (the CLI, SQL) within the bound', async () => {
    const user = await newUser();
    for (const t of [first, second]) expect((await me(t, user.token)).status).toBe(200);
    await first.dataSource.query(
      'UPDATE users SET active = 0, token_version = token_version + 1 WHERE id = ?',
      [user.id],
    );
    // Only the polls see it: every USERS_POLL_MS alone, every USERS_POLL_WITH_REDIS_MS as
    // Redis's safety net.
    const poll = redisUrl ? USERS_POLL_WITH_REDIS_MS : USERS_POLL_MS;
    for (const t of [first, second])
      expect(await refusedAfter(t, user.token, poll + 1000)).toBeLessThanOrEqual(poll + 500);
  });
});
