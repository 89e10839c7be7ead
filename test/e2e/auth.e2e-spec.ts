import { createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

describe('auth', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('root.admin');
  });
  afterAll(() => t.close());

  async function createUser(username: string, body: object = { role: 'inspector' }) {
    const response = await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({ username, password: TEST_PASSWORD, ...body });
    expect(response.status).toBe(201);
    return response.body as { id: number };
  }

  it('logs in with the SPEC shape and reads /auth/me', async () => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'root.admin', password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      user: { id: expect.any(Number), username: 'root.admin', role: 'admin', agencyId: null },
    });
    const me = await t
      .http()
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('root.admin');
  });

  it.each([
    ['no header', undefined],
    ['garbage', 'Bearer not-a-token'],
    ['wrong scheme', 'Basic abc'],
  ])('refuses %s with 401 UNAUTHENTICATED', async (_name, header) => {
    const call = t.http().get('/api/auth/me');
    const response = header ? await call.set('Authorization', header) : await call;
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });

  it('refuses a token signed with another secret or algorithm', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: 1, iss: 'thidua', aud: 'thidua-api', exp: 9999999999 }),
    ).toString('base64url');
    const response = await t
      .http()
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${header}.${payload}.`);
    expect(response.status).toBe(401);
  });

  it('rejects a wrong password with 401 and the same message as an unknown user', async () => {
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'root.admin', password: 'wrong-password' });
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'nobody.here', password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('rotates refresh tokens and revokes the whole family when an old one is reused', async () => {
    await createUser('rotating.user');
    const first = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'rotating.user', password: TEST_PASSWORD });
    const second = await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    const third = await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: second.body.refreshToken });
    expect(third.status).toBe(200);
    // Reusing the first token is theft: the family dies, including the newest token.
    const reuse = await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: first.body.refreshToken });
    expect(reuse.status).toBe(401);
    const newest = await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: third.body.refreshToken });
    expect(newest.status).toBe(401);
  });

  it('refuses refresh for a disabled user, and their access token too', async () => {
    const user = await createUser('leaving.user');
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'leaving.user', password: TEST_PASSWORD });
    const disable = await t
      .http()
      .patch(`/api/users/${user.id}`)
      .set('Authorization', admin)
      .send({ active: false });
    expect(disable.status).toBe(200);
    expect(
      (await t.http().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }))
        .status,
    ).toBe(401);
    expect(
      (await t.http().get('/api/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`))
        .status,
    ).toBe(401);
    expect(
      (
        await t
          .http()
          .post('/api/auth/login')
          .send({ username: 'leaving.user', password: TEST_PASSWORD })
      ).status,
    ).toBe(401);
  });

  it('logout revokes the refresh token family', async () => {
    await createUser('logout.user');
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'logout.user', password: TEST_PASSWORD });
    const out = await t
      .http()
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .send({ refreshToken: login.body.refreshToken });
    expect(out.status).toBe(204);
    expect(
      (await t.http().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }))
        .status,
    ).toBe(401);
  });

  it.each([
    [{}, 'username'],
    [{ username: 'a' }, 'password'],
    [{ username: 1, password: 'x' }, 'username'],
    [{ username: 'a', password: 'b', extra: true }, 'extra'],
  ])('rejects login body %j with 400 naming %s', async (body, field) => {
    const response = await t.http().post('/api/auth/login').send(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(response.body.details)).toContain(field);
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED', async () => {
    const response = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('serves health and docs without a token', async () => {
    const health = await t.http().get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    const docs = await t.http().get('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(docs.body.paths['/auth/login']).toBeDefined();
    expect(docs.body.servers).toEqual([expect.objectContaining({ url: '/api' })]);
    // Completed centrally (apps/api/src/openapi-operations.ts): public routes need no token, and
    // every operation has a summary and its error answers in the SPEC's shape.
    const login = docs.body.paths['/auth/login'].post;
    expect(login.security).toEqual([]);
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['400', '401', '429']));
    expect(login.responses['401'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ErrorResponse',
    );
    const operations = Object.values(docs.body.paths).flatMap((item) =>
      Object.values(item as object),
    );
    expect(operations.filter((operation) => !operation.summary)).toEqual([]);
    expect((await t.http().get('/health')).status).toBe(200);
  });
});
