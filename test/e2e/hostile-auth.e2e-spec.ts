import bcrypt from 'bcryptjs';
import jwt from 'jsonwebtoken';
import Redis from 'ioredis';
import { LoginThrottle } from '@app/core';
import { listeningPort, loginFrom } from '../support/from-address';
import { createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

// Attacks on sign-in, each as an attacker would run it (issue 10, item 2). Every client is its
// own loopback address, so that the per-address limits of one test do not leak into another.

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

async function createUser(t: TestApp, admin: string, username: string, password = TEST_PASSWORD) {
  const response = await t
    .http()
    .post('/api/users')
    .set('Authorization', admin)
    .send({ username, password, role: 'inspector' });
  if (response.status !== 201) throw new Error(JSON.stringify(response.body));
  return response.body as { id: number };
}

async function storedHash(t: TestApp, username: string): Promise<string> {
  const [row] = await t.dataSource.query('SELECT password_hash FROM users WHERE username = ?', [
    username,
  ]);
  return row.password_hash;
}

/** `times` wrong guesses at `username` from `address`, one after the other. */
async function guess(t: TestApp, address: string, username: string, times: number) {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++)
    statuses.push((await loginFrom(t, address, username, `wrong-guess-${i}`)).status);
  return statuses;
}

/** Moves the throttle's clock of every app to the start of a fresh hour, plus `offsetMs`. */
function clockAt(apps: TestApp[], hourStart: number, offsetMs: number) {
  for (const app of apps) app.app.get(LoginThrottle).now = () => hourStart + offsetMs;
}

function nextHour(): number {
  return (Math.floor(Date.now() / HOUR_MS) + 1) * HOUR_MS;
}

describe('hostile sign-in', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('root.admin');
    await createUser(t, admin, 'head.stc');
  });
  afterAll(() => t.close());
  afterEach(() => {
    t.app.get(LoginThrottle).now = Date.now;
  });

  it('refuses a username outside the creation pattern, and signs in only the exact name', async () => {
    const accented = await loginFrom(t, '127.0.1.1', 'HÉAD.STC', TEST_PASSWORD);
    expect(accented.status).toBe(400);
    expect(accented.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    // MariaDB's collation finds head.stc for HEAD.STC; the sign-in must not.
    expect((await loginFrom(t, '127.0.1.1', 'HEAD.STC', TEST_PASSWORD)).status).toBe(401);
    expect((await loginFrom(t, '127.0.1.1', 'head.stc', TEST_PASSWORD)).status).toBe(200);
  });

  it('slows the guessing address down to 5 a minute, while the user signs in from another', async () => {
    await createUser(t, admin, 'victim.one');
    clockAt([t], nextHour(), 0); // one minute window for the whole test, however slow the machine
    expect(await guess(t, '127.0.2.1', 'victim.one', 5)).toEqual([401, 401, 401, 401, 401]);
    const slowed = await loginFrom(t, '127.0.2.1', 'victim.one', TEST_PASSWORD);
    expect(slowed.status).toBe(429);
    expect(slowed.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    const retryAfter = Number(slowed.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(slowed.body.details).toEqual({ retryAfterSeconds: retryAfter });
    // The address is slowed for every account; the victim elsewhere is not.
    expect((await loginFrom(t, '127.0.2.1', 'head.stc', TEST_PASSWORD)).status).toBe(429);
    expect((await loginFrom(t, '127.0.2.2', 'victim.one', TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses an address for the rest of the hour after 20 failures at the slowed pace', async () => {
    await createUser(t, admin, 'victim.two');
    const hour = nextHour();
    for (let minute = 0; minute < 4; minute++) {
      clockAt([t], hour, minute * MINUTE_MS);
      expect(await guess(t, '127.0.2.3', 'victim.two', 5)).toEqual([401, 401, 401, 401, 401]);
    }
    clockAt([t], hour, 30 * MINUTE_MS);
    const refused = await loginFrom(t, '127.0.2.3', 'victim.two', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/within the hour/);
    expect(refused.body.details.retryAfterSeconds).toBe(30 * 60);
    expect((await loginFrom(t, '127.0.2.4', 'victim.two', TEST_PASSWORD)).status).toBe(200);
    // The next hour the address may try again.
    clockAt([t], hour, HOUR_MS);
    expect((await loginFrom(t, '127.0.2.3', 'victim.two', TEST_PASSWORD)).status).toBe(200);
  });

  it('locks the account everywhere only after 50 failures from several addresses', async () => {
    await createUser(t, admin, 'victim.three');
    clockAt([t], nextHour(), 0);
    const addresses = Array.from({ length: 10 }, (_, i) => `127.0.3.${i + 1}`);
    const statuses = await Promise.all(
      addresses.map((address) => guess(t, address, 'victim.three', 5)),
    );
    expect(statuses.flat().every((status) => status === 401)).toBe(true);
    const locked = await loginFrom(t, '127.0.3.200', 'victim.three', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.message).toMatch(/account is locked/);
    // Only that account: the same fresh address signs another user in.
    expect((await loginFrom(t, '127.0.3.200', 'head.stc', TEST_PASSWORD)).status).toBe(200);
  });

  it('counts parallel guesses before hashing: of 24 at once from one address, 5 are checked', async () => {
    clockAt([t], nextHour(), 0);
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) => loginFrom(t, '127.0.4.1', 'head.stc', `parallel-${i}`)),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(19);
  });

  it('hashes with argon2id and reads a password past its 72nd byte', async () => {
    const long = `${'é'.repeat(36)}-tail-one`; // 72 bytes of é, then more
    await createUser(t, admin, 'long.pass', long);
    expect(await storedHash(t, 'long.pass')).toMatch(/^\$argon2id\$/);
    const cutAfter72 = `${'é'.repeat(36)}-tail-two`;
    expect((await loginFrom(t, '127.0.6.1', 'long.pass', cutAfter72)).status).toBe(401);
    expect((await loginFrom(t, '127.0.6.1', 'long.pass', long)).status).toBe(200);
  });

  it('still signs in a bcrypt hash of an older version, and replaces it by argon2id', async () => {
    await createUser(t, admin, 'legacy.user');
    await t.dataSource.query('UPDATE users SET password_hash = ? WHERE username = ?', [
      bcrypt.hashSync(TEST_PASSWORD, 4),
      'legacy.user',
    ]);
    expect((await loginFrom(t, '127.0.6.2', 'legacy.user', TEST_PASSWORD)).status).toBe(200);
    expect(await storedHash(t, 'legacy.user')).toMatch(/^\$argon2id\$/);
    expect((await loginFrom(t, '127.0.6.2', 'legacy.user', TEST_PASSWORD)).status).toBe(200);
    expect((await loginFrom(t, '127.0.6.2', 'legacy.user', 'not-the-password')).status).toBe(401);
  });

  it('keeps /api/health answering while 24 sign-ins with random names hash', async () => {
    await listeningPort(t); // supertest would otherwise start (and stop) the server itself
    // Warm up: the first request of each route pays for lazy set-up, not for hashing.
    await loginFrom(t, '127.0.7.100', 'nobody.warm', 'x');
    await t.http().get('/api/health');
    let pending = true;
    const logins = Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        loginFrom(t, `127.0.7.${i + 1}`, `nobody.${Math.random().toString(36).slice(2)}`, 'x'),
      ),
    ).finally(() => {
      pending = false;
    });
    // Health is probed over and over while the sign-ins run. The first probe queues behind
    // reading the 24 requests, which is event-loop work on any version and slow on a loaded
    // machine; what must not happen is health stalling for the whole hashing, as it did when
    // bcryptjs hashed on the event loop (one probe, answered seconds later, after the last).
    const latencies: number[] = [];
    while (pending) {
      const started = performance.now();
      const health = await t.http().get('/api/health');
      if (pending) latencies.push(performance.now() - started);
      expect(health.status).toBe(200);
    }
    const statuses = (await logins).map((r) => r.status);
    expect(statuses.every((status) => status === 401)).toBe(true);
    // bcryptjs: one probe, answered after the hashing; argon2id: several during it.
    expect(latencies.length).toBeGreaterThanOrEqual(2);
    const median = [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length / 2)];
    // Generous: on a loaded machine a probe also waits for the database and a busy CPU.
    expect(median).toBeLessThan(1000);
  });

  describe('access tokens', () => {
    const secret = 'test-secret-that-is-long-enough-for-hs256-signing';
    const me = (token: string) =>
      t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);

    const signing = { algorithm: 'HS256', issuer: 'thidua', audience: 'thidua-api' } as const;
    /** The claims of an access token of a new inspector, as the API would sign them. */
    async function claimsOfNewUser(username: string) {
      const { id } = await createUser(t, admin, username);
      return { sub: id, ver: 0, role: 'inspector', agencyId: null };
    }

    async function signIn(username: string) {
      const response = await loginFrom(t, '127.0.9.1', username, TEST_PASSWORD);
      expect(response.status).toBe(200);
      return response.body as { accessToken: string; refreshToken: string };
    }

    it('refuses a correctly signed token without an expiry', async () => {
      const claims = await claimsOfNewUser('no.expiry');
      expect((await me(jwt.sign(claims, secret, { ...signing, expiresIn: 60 }))).status).toBe(200);
      const endless = await me(jwt.sign(claims, secret, signing));
      expect(endless.status).toBe(401);
      expect(endless.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a token that worked once it has expired', async () => {
      const claims = await claimsOfNewUser('short.lived');
      // Expires at the next whole second but one: verified (and held as verified) before that.
      const exp = Math.floor(Date.now() / 1000) + 2;
      const token = jwt.sign({ ...claims, exp }, secret, signing);
      expect((await me(token)).status).toBe(200);
      expect((await me(token)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
      const expired = await me(token);
      expect(expired.status).toBe(401);
      expect(expired.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a token whose signature was altered after the same token was accepted', async () => {
      const claims = await claimsOfNewUser('altered.sig');
      const token = jwt.sign(claims, secret, { ...signing, expiresIn: 60 });
      expect((await me(token)).status).toBe(200);
      const [head, body, signature] = token.split('.');
      const flipped = signature[0] === 'A' ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
      expect((await me(`${head}.${body}.${flipped}`)).status).toBe(401);
    });

    it.each([
      ['a password change', { password: 'another-password-456' }],
      ['a role change', { role: 'nominator' }],
    ])('ends the access and refresh tokens at once after %s', async (_what, change) => {
      const username = `changed.${Object.keys(change)[0]}`;
      const { id } = await createUser(t, admin, username);
      const session = await signIn(username);
      expect((await me(session.accessToken)).status).toBe(200);
      const patched = await t
        .http()
        .patch(`/api/users/${id}`)
        .set('Authorization', admin)
        .send(change);
      expect(patched.status).toBe(200);
      const stale = await me(session.accessToken);
      expect(stale.status).toBe(401);
      expect(stale.body.code).toBe('UNAUTHENTICATED');
      const refresh = await t
        .http()
        .post('/api/auth/refresh')
        .send({ refreshToken: session.refreshToken });
      expect(refresh.status).toBe(401);
      // A new sign-in works with the new rights.
      const password = 'password' in change ? change.password : TEST_PASSWORD;
      const again = await loginFrom(t, '127.0.9.1', username, password);
      expect(again.status).toBe(200);
      expect((await me(again.body.accessToken)).status).toBe(200);
    });

    it('keeps the sessions of a user whose unrelated edit changed nothing of their rights', async () => {
      const { id } = await createUser(t, admin, 'same.rights');
      const session = await signIn('same.rights');
      const patched = await t
        .http()
        .patch(`/api/users/${id}`)
        .set('Authorization', admin)
        .send({ role: 'inspector' });
      expect(patched.status).toBe(200);
      expect((await me(session.accessToken)).status).toBe(200);
    });
  });

  it('shares the counts between two instances on one database', async () => {
    const second = await createTestApp({}, { shareDatabaseOf: t });
    clockAt([t, second], nextHour(), 0);
    try {
      expect(await guess(t, '127.0.5.1', 'head.stc', 3)).toEqual([401, 401, 401]);
      expect(await guess(second, '127.0.5.1', 'head.stc', 2)).toEqual([401, 401]);
      expect((await loginFrom(second, '127.0.5.1', 'head.stc', TEST_PASSWORD)).status).toBe(429);
      expect((await loginFrom(t, '127.0.5.1', 'head.stc', TEST_PASSWORD)).status).toBe(429);
    } finally {
      await second.close();
    }
  });
});

describe('hostile sign-in with REDIS_URL', () => {
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  let t: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ REDIS_URL: redisUrl });
    second = await createTestApp({ REDIS_URL: redisUrl }, { shareDatabaseOf: t });
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('shares the counts between two instances through Redis, not the database', async () => {
    clockAt([t, second], nextHour(), 0);
    expect(await guess(t, '127.0.8.1', 'root.admin', 3)).toEqual([401, 401, 401]);
    expect(await guess(second, '127.0.8.1', 'root.admin', 2)).toEqual([401, 401]);
    expect((await loginFrom(second, '127.0.8.1', 'root.admin', TEST_PASSWORD)).status).toBe(429);
    expect((await loginFrom(t, '127.0.8.2', 'root.admin', TEST_PASSWORD)).status).toBe(200);
    const [{ count }] = await t.dataSource.query('SELECT COUNT(*) AS count FROM login_throttle');
    expect(Number(count)).toBe(0);
    // Each deployment (database) has its own key prefix; the counters expire with their window.
    const redis = new Redis(redisUrl);
    try {
      expect((await redis.keys('thidua:*:login:a:127.0.8.1:60:*')).length).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });
});
