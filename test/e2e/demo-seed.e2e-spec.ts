import { Logger } from '@nestjs/common';
import { StartupService } from '../../apps/api/src/startup.service';
import { createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

// Who gets the demo accounts (admin/thidua-demo), and the warning while they keep that password.

async function agencyCount(t: TestApp): Promise<number> {
  const [{ count }] = await t.dataSource.query('SELECT COUNT(*) AS count FROM agencies');
  return Number(count);
}

describe('demo seed', () => {
  let warn: jest.SpyInstance;

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn');
  });
  afterEach(() => warn.mockRestore());

  it('leaves an empty database named on purpose empty when SEED_DEMO is unset', async () => {
    // SEED_DEMO '' is unset; the test database is never the default data/thidua.sqlite.
    const t = await createTestApp({ SEED_DEMO: '' });
    try {
      expect(await agencyCount(t)).toBe(0);
      const demo = await t.http().post('/api/auth/login').send({
        username: 'admin',
        password: 'thidua-demo',
      });
      expect(demo.status).toBe(401);
      expect(t.app.get(StartupService).demoPasswordUsers).toEqual([]);
      expect(warn).not.toHaveBeenCalledWith(expect.stringContaining('demo password'));
    } finally {
      await t.close();
    }
  });

  it('seeds any empty database with SEED_DEMO=true, and warns at every start while the demo password opens an account', async () => {
    const t = await createTestApp({ SEED_DEMO: 'true' });
    let second: TestApp | undefined;
    try {
      expect(await agencyCount(t)).toBeGreaterThan(0);
      const startup = t.app.get(StartupService);
      expect(startup.demoPasswordUsers).toEqual(expect.arrayContaining(['admin', 'hr.stc']));
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('demo password "thidua-demo"'));
      // The administrator changes the demo admin's password; the next start no longer names it.
      const root = await t.login('root.admin', TEST_PASSWORD);
      const users = await t.http().get('/api/users?limit=500').set('Authorization', root);
      const demoAdmin = users.body.items.find((u: { username: string }) => u.username === 'admin');
      const changed = await t
        .http()
        .patch(`/api/users/${demoAdmin.id}`)
        .set('Authorization', root)
        .send({ password: 'a-real-password-2026' });
      expect(changed.status).toBe(200);
      warn.mockClear();
      second = await createTestApp({ SEED_DEMO: 'true' }, { shareDatabaseOf: t });
      const again = second.app.get(StartupService).demoPasswordUsers;
      expect(again).not.toContain('admin');
      expect(again).toContain('hr.stc');
      expect(warn).toHaveBeenCalledWith(expect.not.stringContaining('admin,'));
    } finally {
      await second?.close();
      await t.close();
    }
  });
});
