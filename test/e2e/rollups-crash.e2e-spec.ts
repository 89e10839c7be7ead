import { SchedulerRegistry } from '@nestjs/schedule';
import { CLOCK, type Clock } from '@app/core';
import { instantString } from '@app/rankings';
import { RollupsService } from '@app/rollups';
import { RollupSchedulerService } from '../../libs/rollups/src/rollup-scheduler.service';
import { createTestApp, TestApp } from '../support/test-app';

// Roll-ups whose process died, and two instances racing for one period (issue 10, item 5).

/** A run as a process left it when it died: running, holding its period, lease until `leaseUntil`. */
async function insertDeadRun(t: TestApp, period: string, leaseUntil: Date): Promise<number> {
  const started = new Date(leaseUntil.getTime() - 300_000);
  await t.dataSource.query(
    `INSERT INTO rollup_runs (period, \`trigger\`, status, active_period, started_at, lease_until)
     VALUES (?, 'schedule', 'running', ?, ?, ?)`,
    [period, period, instantString(started), instantString(leaseUntil)],
  );
  const [{ id }] = await t.dataSource.query(
    "SELECT MAX(id) AS id FROM rollup_runs WHERE period = ? AND status = 'running'",
    [period],
  );
  return Number(id);
}

async function runsOf(t: TestApp, period: string) {
  return (await t.dataSource.query(
    'SELECT id, status, `trigger`, error FROM rollup_runs WHERE period = ? ORDER BY id',
    [period],
  )) as { id: number; status: string; trigger: string; error: string | null }[];
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('roll-ups after a crash', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('records the dead runs of any period failed at start-up', async () => {
    const dead = await insertDeadRun(t, '2011', new Date(Date.now() - 60_000));
    const second = await createTestApp({}, { shareDatabaseOf: t });
    try {
      expect(await runsOf(t, '2011')).toEqual([
        expect.objectContaining({
          id: dead,
          status: 'failed',
          error: expect.stringMatching(/Lease expired/),
        }),
      ]);
    } finally {
      await second.close();
    }
  });

  it('retries a due roll-up whose run died, once the dead run’s lease has passed', async () => {
    const scheduler = t.app.get(RollupSchedulerService);
    const rollups = t.app.get(RollupsService);
    const clock = t.app.get<Clock>(CLOCK);
    // 6 January 2025: the 5 January run of 2024-H2 and 2024 is due. 2024's run died a moment
    // ago: its lease still runs for five minutes, and it must not block 2024 for good.
    const now = new Date('2025-01-06T03:00:00Z');
    const at = (ms: number) => (clock.now = () => new Date(now.getTime() + ms));
    try {
      at(0);
      const dead = await insertDeadRun(t, '2024', new Date(now.getTime() + 300_000));
      const started = await scheduler.runDue(null, 'catch-up');
      await rollups.idle();
      expect(started).toEqual(expect.arrayContaining(['2024-H2']));
      expect(started).not.toContain('2024');
      expect(scheduler.heldPeriods()).toContain('2024');
      // A minute later the lease is alive still: nothing happens to it.
      at(60_000);
      expect(await scheduler.retryHeld()).toEqual([]);
      expect((await runsOf(t, '2024'))[0]).toMatchObject({ id: dead, status: 'running' });
      // Once the lease has passed the dead run is cleared and 2024 is rolled up.
      at(360_000);
      expect(await scheduler.retryHeld()).toEqual(['2024']);
      await rollups.idle();
      expect(await runsOf(t, '2024')).toEqual([
        expect.objectContaining({ id: dead, status: 'failed' }),
        expect.objectContaining({ status: 'succeeded', trigger: 'catch-up' }),
      ]);
      expect(scheduler.heldPeriods()).not.toContain('2024');
    } finally {
      clock.now = () => new Date();
    }
  });

  it('drops a held period once its live holder has succeeded', async () => {
    const scheduler = t.app.get(RollupSchedulerService);
    const rollups = t.app.get(RollupsService);
    const now = new Date('2023-07-06T03:00:00Z'); // 2023-H1 is due
    const held = gate();
    rollups.testHooks.beforeRun = () => held.opened;
    try {
      const manual = await rollups.start('2023-H1', 'manual', null);
      expect(await scheduler.runDue('firstHalf', 'catch-up', now)).toEqual([]);
      expect(scheduler.heldPeriods()).toContain('2023-H1');
      held.open();
      await rollups.idle();
      expect(await scheduler.retryHeld(now)).toEqual([]);
      expect(scheduler.heldPeriods()).not.toContain('2023-H1');
      expect((await runsOf(t, '2023-H1')).map((r) => [r.id, r.status])).toEqual([
        [manual.id, 'succeeded'],
      ]);
    } finally {
      delete rollups.testHooks.beforeRun;
    }
  });

  it('sweeps dead runs every minute', () => {
    const registry = t.app.get(SchedulerRegistry);
    expect(registry.getIntervals()).toContain('rollup-retry-held');
  });

  it('answers the loser of two instances starting one period at once with ROLLUP_RUNNING', async () => {
    const second = await createTestApp({}, { shareDatabaseOf: t });
    const rollups = [t.app.get(RollupsService), second.app.get(RollupsService)];
    const held = gate();
    for (const service of rollups) service.testHooks.beforeRun = () => held.opened;
    try {
      const tokens = [await t.login('root.admin'), await second.login('root.admin')];
      const apps = [t, second];
      for (let year = 2001; year <= 2008; year++) {
        const responses = await Promise.all(
          apps.map((app, i) =>
            app
              .http()
              .post('/api/rollups')
              .set('Authorization', tokens[i])
              .send({ period: String(year) }),
          ),
        );
        expect(responses.map((r) => r.status).sort()).toEqual([202, 409]);
        const [winner, loser] = responses[0].status === 202 ? responses : [...responses].reverse();
        expect(loser.body).toMatchObject({
          statusCode: 409,
          code: 'ROLLUP_RUNNING',
          details: { runId: winner.body.id },
        });
      }
      held.open();
      await Promise.all(rollups.map((service) => service.idle()));
      const [{ running }] = await t.dataSource.query(
        "SELECT COUNT(*) AS running FROM rollup_runs WHERE status = 'running'",
      );
      expect(Number(running)).toBe(0);
    } finally {
      for (const service of rollups) delete service.testHooks.beforeRun;
      await second.close();
    }
  });
});
