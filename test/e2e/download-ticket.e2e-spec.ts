import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, World, WorldUser } from '../support/world';

describe('download tickets (POST /api/auth/download-ticket, ?ticket= on export routes)', () => {
  let t: TestApp;
  let w: World;
  let listA: number;
  let listCity: number;

  const ticketFor = async (user: WorldUser, path: string) => {
    const response = await t
      .http()
      .post('/api/auth/download-ticket')
      .set('Authorization', w.tokens[user])
      .send({ path });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ticket: expect.any(String), expiresIn: 60 });
    return response.body.ticket as string;
  };
  const open = (path: string, ticket: string) =>
    t.http().get(`${path}${path.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(ticket)}`);

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    const create = async (user: WorldUser, title: string) => {
      const response = await t
        .http()
        .post('/api/nominations')
        .set('Authorization', w.tokens[user])
        .send({ title, period: '2025' });
      expect(response.status).toBe(201);
      return response.body.id as number;
    };
    listA = await create('nominatorA', 'Danh sách đề nghị khen thưởng năm 2025');
    listCity = await create('nominatorCity', 'Cơ quan tiêu biểu năm 2025');
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('opens the export it names once, as its user, without a bearer header', async () => {
    const path = `/api/nominations/${listA}/export?format=csv`;
    const ticket = await ticketFor('nominatorA', path);
    const first = await open(path, ticket);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toContain('text/csv');
    expect(first.headers['content-disposition']).toContain('attachment');

    const again = await open(path, ticket);
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('opens the period report and the whole ranking too', async () => {
    for (const path of [
      '/api/reports/summary?period=2025&format=csv',
      '/api/rankings/export?period=2025&subjectType=person&format=csv',
    ]) {
      const response = await open(path, await ticketFor('admin', path));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
    }
  });

  it('refuses an expired ticket', async () => {
    const path = `/api/nominations/${listA}/export?format=csv`;
    const ticket = await ticketFor('nominatorA', path);
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    const response = await open(path, ticket);
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['another format', `?format=xlsx`],
    ['another list', `other-list`],
  ])('refuses a ticket used for %s', async (_name, change) => {
    const path = `/api/nominations/${listA}/export?format=csv`;
    const ticket = await ticketFor('nominatorA', path);
    const other =
      change === 'other-list'
        ? `/api/nominations/${listCity}/export?format=csv`
        : `/api/nominations/${listA}/export${change}`;
    const response = await open(other, ticket);
    expect(response.status).toBe(401);
    // Not spent by the refusal: the right address still opens.
    expect((await open(path, ticket)).status).toBe(200);
  });

  it("applies the route's roles and the scope of the ticket's user", async () => {
    // headB reads nomination lists, but only of agency B.
    const path = `/api/nominations/${listA}/export?format=csv`;
    const outOfScope = await open(path, await ticketFor('headB', path));
    expect(outOfScope.status).toBe(403);
    expect(outOfScope.body.code).toBe('FORBIDDEN');
    // An HR officer may not read nomination lists at all.
    const wrongRole = await open(path, await ticketFor('hrA', path));
    expect(wrongRole.status).toBe(403);
  });

  it('is accepted only by download routes, and never as a bearer token', async () => {
    const me = await open('/api/auth/me', await ticketFor('admin', '/api/auth/me'));
    expect(me.status).toBe(401);

    const path = `/api/nominations/${listA}/export?format=csv`;
    const ticket = await ticketFor('admin', path);
    const asBearer = await t.http().get(path).set('Authorization', `Bearer ${ticket}`);
    expect(asBearer.status).toBe(401);
    // And an access token is no ticket.
    const token = w.tokens.admin.replace(/^Bearer /, '');
    expect((await open(path, token)).status).toBe(401);
  });

  it('refuses a disabled user’s ticket', async () => {
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', w.tokens.admin)
      .send({ username: 'ticket.reader', password: 'test-password-123', role: 'nominator' });
    expect(created.status).toBe(201);
    const token = await t.login('ticket.reader');
    const path = '/api/rankings/export?period=2025&subjectType=person&format=csv';
    const issued = await t
      .http()
      .post('/api/auth/download-ticket')
      .set('Authorization', token)
      .send({ path });
    expect(issued.status).toBe(200);
    const disabled = await t
      .http()
      .patch(`/api/users/${created.body.id}`)
      .set('Authorization', w.tokens.admin)
      .send({ active: false });
    expect(disabled.status).toBe(200);
    expect((await open(path, issued.body.ticket)).status).toBe(401);
  });

  it.each([
    ['an absolute URL', 'https://evil.example/api/x'],
    ['a path outside the API', '/index.html'],
    ['no path', undefined],
  ])('refuses a ticket for %s with 400', async (_name, path) => {
    const response = await t
      .http()
      .post('/api/auth/download-ticket')
      .set('Authorization', w.tokens.admin)
      .send(path === undefined ? {} : { path });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('needs a signed-in caller', async () => {
    const response = await t.http().post('/api/auth/download-ticket').send({ path: '/api/x' });
    expect(response.status).toBe(401);
  });

  it('is spent on every instance by its first use on one', async () => {
    const second = await createTestApp({}, { shareDatabaseOf: t });
    try {
      const path = `/api/nominations/${listA}/export?format=csv`;
      const ticket = await ticketFor('nominatorA', path);
      expect((await open(path, ticket)).status).toBe(200);
      const elsewhere = await second.http().get(`${path}&ticket=${encodeURIComponent(ticket)}`);
      expect(elsewhere.status).toBe(401);
      expect(elsewhere.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    } finally {
      await second.close();
    }
  });
});
