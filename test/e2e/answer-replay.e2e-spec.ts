import { REPLAY_FOR_MS } from '@app/core';
import { RankingsService } from '@app/rankings';
import { Scores } from '../support/scores';
import { createTestApp, TestApp, TEST_PASSWORD } from '../support/test-app';
import { buildWorld, World } from '../support/world';

// Issue 13: hot ranking reads are replayed before the framework. A replay repeats what the full
// pipeline answered a caller of the same role and agency, so every refusal must still happen:
// another agency, another role, a disabled account, a person moved away, a bad token; and a
// ranking change must show at once.

describe('answer replay of hot ranking reads', () => {
  let t: TestApp;
  let w: World;
  let s: Scores;
  let routeCalls: jest.SpyInstance;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    s = new Scores(t, w.tokens.admin);
    await s.publishSet('person');
    await s.approved('person', w.personA.id, '2025-Q1', 80);
    routeCalls = jest.spyOn(t.app.get(RankingsService), 'history');
  });
  afterAll(() => t.close());
  beforeEach(() => routeCalls.mockClear());

  const historyOf = (personId: number, scope = '') =>
    `/api/rankings/history?subjectType=person&subjectId=${personId}${scope}`;
  const read = (path: string, token: string) => t.http().get(path).set('Authorization', token);
  /** The admin moves a person to agency B, through the first instance. */
  const moveToAgencyB = (personId: number) =>
    t
      .http()
      .post(`/api/people/${personId}/transfer`)
      .set('Authorization', w.tokens.admin)
      .send({ agencyId: w.agencyB.id });

  it('answers a repeated read without the route, byte for byte but its own request id', async () => {
    const path = historyOf(w.personA.id);
    const first = await read(path, w.tokens.hrA);
    const second = await read(path, w.tokens.hrA);
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      expect.objectContaining({ period: '2025-Q1', rank: 1, rankedOf: 1, total: 80 }),
    ]);
    expect(routeCalls).toHaveBeenCalledTimes(1);
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    const { 'x-request-id': firstId, date: _d1, ...firstHeaders } = first.headers;
    const { 'x-request-id': secondId, date: _d2, ...secondHeaders } = second.headers;
    expect(secondHeaders).toEqual(firstHeaders);
    expect(secondHeaders['content-security-policy']).toContain("default-src 'self'");
    expect(secondId).toMatch(/^[0-9a-f-]{36}$/);
    expect(secondId).not.toBe(firstId);
    // A caller's own id is kept, as the pipeline keeps it.
    const named = await read(path, w.tokens.hrA).set('X-Request-Id', 'replay-test-1');
    expect(named.headers['x-request-id']).toBe('replay-test-1');
    // A copy that is still the answer: 304, no body.
    const revalidated = await read(path, w.tokens.hrA).set('If-None-Match', first.headers.etag);
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
    expect(routeCalls).toHaveBeenCalledTimes(1);
  });

  it("refuses another agency's caller and a role that may not read city-wide, after a held answer", async () => {
    const path = historyOf(w.personA.id);
    expect((await read(path, w.tokens.hrA)).status).toBe(200);
    expect((await read(path, w.tokens.hrA)).status).toBe(200);
    // hrB's token is known to the instance, as a page read before would make it.
    expect((await read(historyOf(w.personB.id), w.tokens.hrB)).status).toBe(200);
    const other = await read(path, w.tokens.hrB);
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    const cityWide = historyOf(w.personA.id, '&scope=city');
    expect((await read(cityWide, w.tokens.inspector)).status).toBe(200);
    expect((await read(cityWide, w.tokens.inspector)).status).toBe(200);
    const agencyBound = await read(cityWide, w.tokens.hrA);
    expect(agencyBound.status).toBe(403);
    expect(agencyBound.body.code).toBe('FORBIDDEN');
  });

  it('refuses a bad or missing token in the SPEC shape', async () => {
    const path = historyOf(w.personA.id);
    expect((await read(path, w.tokens.hrA)).status).toBe(200);
    const forged = await read(path, `${w.tokens.hrA}x`);
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect((await t.http().get(path)).status).toBe(401);
  });

  it("refuses a disabled account's next read", async () => {
    const username = `replay.hr.${process.pid}`;
    const user = await s.call('post', '/api/users', {
      username,
      password: TEST_PASSWORD,
      role: 'hr_officer',
      agencyId: w.agencyA.id,
    });
    const token = await t.login(username);
    const path = historyOf(w.personA.id);
    expect((await read(path, token)).status).toBe(200);
    expect((await read(path, token)).status).toBe(200);
    const disabled = await t
      .http()
      .patch(`/api/users/${user.id}`)
      .set('Authorization', w.tokens.admin)
      .send({ active: false });
    expect(disabled.status).toBe(200);
    const refused = await read(path, token);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
  });

  it('follows a person moved to another agency at once', async () => {
    const mover = await s.person('Phạm Văn Chuyển', w.agencyA.id);
    const path = historyOf(mover);
    expect((await read(path, w.tokens.hrA)).status).toBe(200);
    expect((await read(path, w.tokens.hrA)).status).toBe(200);
    expect((await read(path, w.tokens.hrB)).status).toBe(403);
    expect((await moveToAgencyB(mover)).status).toBe(200);
    expect((await read(path, w.tokens.hrA)).status).toBe(403);
    expect((await read(path, w.tokens.hrB)).status).toBe(200);
  });

  it('shows a ranking change at once', async () => {
    const newcomer = await s.person('Lê Thị Mới', w.agencyA.id);
    const path = historyOf(newcomer);
    expect((await read(path, w.tokens.headA)).body.items).toEqual([]);
    expect((await read(path, w.tokens.headA)).body.items).toEqual([]);
    await s.approved('person', newcomer, '2025-Q1', 90);
    const after = await read(path, w.tokens.headA);
    expect(after.body.items).toEqual([
      expect.objectContaining({ period: '2025-Q1', rank: 1, rankedOf: 2, total: 90 }),
    ]);
  });

  it('gives each agency its own page of the same address', async () => {
    const path = '/api/rankings?period=2025-Q1&subjectType=person';
    const ofA = await read(path, w.tokens.hrA);
    const ofB = await read(path, w.tokens.hrB);
    expect(ofA.body.scope).toEqual({ kind: 'agency', id: w.agencyA.id, category: null });
    expect(ofB.body.scope).toEqual({ kind: 'agency', id: w.agencyB.id, category: null });
    expect((await read(path, w.tokens.hrB)).body.scope.id).toBe(w.agencyB.id);
    expect((await read(path, w.tokens.hrA)).body.scope.id).toBe(w.agencyA.id);
  });

  it("keeps the server's timeouts with the replay in front of Fastify", () => {
    const server = t.app.getHttpServer() as import('node:http').Server;
    expect(server.keepAliveTimeout).toBe(5_000);
    expect(server.requestTimeout).toBe(300_000);
  });

  describe('on two instances without Redis', () => {
    let second: TestApp;
    beforeAll(async () => {
      second = await createTestApp({}, { shareDatabaseOf: t });
    });
    afterAll(() => second.close());

    it('follows a move made through the other instance within REPLAY_FOR_MS', async () => {
      const mover = await s.person('Đỗ Thị Đi Xa', w.agencyA.id);
      const path = historyOf(mover);
      const readThere = () => second.http().get(path).set('Authorization', w.tokens.hrA);
      expect((await readThere()).status).toBe(200);
      expect((await readThere()).status).toBe(200);
      expect((await moveToAgencyB(mover)).status).toBe(200);
      const deadline = Date.now() + REPLAY_FOR_MS + 200;
      let status = 200;
      while (status === 200 && Date.now() < deadline) {
        status = (await readThere()).status;
        if (status === 200) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status).toBe(403);
    });
  });
});
