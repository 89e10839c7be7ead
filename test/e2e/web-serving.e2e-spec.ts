import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../support/test-app';

/** A stand-in for the Vite build: what matters here is how the API serves it. */
function fakeWebBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="vi"><body>app</body></html>');
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd.js'), 'console.log(1)');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

describe('the web app served at / beside the API under /api', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ WEB_DIST_DIR: fakeWebBuild() });
  });
  afterAll(() => t.close());

  it.each(['/', '/dang-nhap', '/xep-hang/ca-nhan?period=2025-Q4'])(
    'answers index.html for the app route %s, never cached',
    async (path) => {
      const response = await t.http().get(path);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.text).toContain('lang="vi"');
      expect(response.headers['cache-control']).toBe('no-store');
    },
  );

  it('caches hashed assets for a year', async () => {
    const response = await t.http().get('/assets/index-Ab12Cd.js');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves other files without long caching', async () => {
    const response = await t.http().get('/favicon.svg');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('keeps unknown API paths as JSON 404s, not the app', async () => {
    const response = await t.http().get('/api/no-such-route');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('sends a Content Security Policy with no inline script on pages and API answers', async () => {
    for (const path of ['/', '/api/health']) {
      const csp = (await t.http().get(path)).headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });
});

describe('the refresh token cookie of the web app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const cookieOf = (setCookie: string[] | string | undefined) =>
    ([] as string[]).concat(setCookie ?? []).find((c) => c.startsWith('thidua_refresh='));

  it('is set by login as HttpOnly, SameSite=Strict and scoped to /api/auth', async () => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'root.admin', password: 'test-password-123' });
    expect(login.status).toBe(200);
    expect(login.body.refreshToken).toEqual(expect.any(String));
    const cookie = cookieOf(login.headers['set-cookie']);
    expect(cookie).toContain(`thidua_refresh=${login.body.refreshToken}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/auth/);
  });

  it('refreshes from the cookie alone, rotates it, and logout ends it', async () => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'root.admin', password: 'test-password-123' });
    const first = cookieOf(login.headers['set-cookie'])!.split(';')[0];

    const refreshed = await t.http().post('/api/auth/refresh').set('Cookie', first).send({});
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.username).toBe('root.admin');
    const second = cookieOf(refreshed.headers['set-cookie'])!.split(';')[0];
    expect(second).not.toBe(first);

    const logout = await t
      .http()
      .post('/api/auth/logout')
      .set('Cookie', second)
      .set('Authorization', `Bearer ${refreshed.body.accessToken}`)
      .send({});
    expect(logout.status).toBe(204);
    expect(cookieOf(logout.headers['set-cookie'])).toMatch(/thidua_refresh=;/);

    const afterLogout = await t.http().post('/api/auth/refresh').set('Cookie', second).send({});
    expect(afterLogout.status).toBe(401);
    expect(afterLogout.body.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 to a refresh with neither a body token nor a cookie', async () => {
    const response = await t.http().post('/api/auth/refresh').send({});
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });
});
