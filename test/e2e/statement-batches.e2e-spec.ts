import { BatchQueryError, StatementBatches } from '@app/core';
import { createTestApp, TestApp } from '../support/test-app';

// The ranking work sends its statements in two round trips on MariaDB (StatementBatches); what it
// sends must commit whole or not at all, as in a transaction of the app's pool.

/** The suite's engine (test-app.ts): SQLite unless TEST_DATABASE_URL names a MariaDB. */
const onMariaDb = process.env.TEST_DATABASE_URL?.startsWith('mysql') ? it : it.skip;

const PERIOD = '2099-Q1';
const insertVersion = (version: number) => ({
  sql: 'INSERT INTO ranking_snapshots (period, subject_type, version, refreshed_at) VALUES (?, ?, ?, ?)',
  params: [PERIOD, 'person', version, '2026-01-01 00:00:00.000'],
});

describe('statement batches', () => {
  let t: TestApp;
  let batches: StatementBatches;
  const stored = async () =>
    (
      (await t.dataSource.query(
        'SELECT version FROM ranking_snapshots WHERE period = ? AND subject_type = ?',
        [PERIOD, 'person'],
      )) as { version: number | string }[]
    ).map((row) => Number(row.version));

  beforeAll(async () => {
    t = await createTestApp();
    batches = t.app.get(StatementBatches);
  });
  afterAll(() => t.close());
  afterEach(() => t.dataSource.query('DELETE FROM ranking_snapshots WHERE period = ?', [PERIOD]));

  it('is there on MariaDB only: SQLite runs the same statements one at a time', () => {
    expect(batches.available).toBe(t.dataSource.options.type === 'mysql');
  });

  onMariaDb('answers each statement of a round trip and commits with the last send', async () => {
    const answers = await batches.transaction(async (send) => {
      const [inserted, read] = await send([
        insertVersion(3),
        { sql: 'SELECT version FROM ranking_snapshots WHERE period = ?', params: [PERIOD] },
      ]);
      expect(inserted).toMatchObject({ affectedRows: 1 });
      expect(read).toEqual([{ version: 3 }]);
      return send(
        [
          {
            sql: 'UPDATE ranking_snapshots SET version = LAST_INSERT_ID(version + 1) WHERE period = ?',
            params: [PERIOD],
          },
        ],
        { commit: true },
      );
    });
    expect(answers).toEqual([expect.objectContaining({ affectedRows: 1, insertId: 4 })]);
    expect(await stored()).toEqual([4]);
  });

  onMariaDb('writes nothing when a statement of the last send fails', async () => {
    const failing = batches.transaction(async (send) => {
      await send([insertVersion(1)]);
      await send([{ sql: 'SELECT no_such_column FROM ranking_snapshots', params: [] }], {
        commit: true,
      });
    });
    await expect(failing).rejects.toBeInstanceOf(BatchQueryError);
    await expect(failing).rejects.toMatchObject({ driverError: { code: 'ER_BAD_FIELD_ERROR' } });
    expect(await stored()).toEqual([]);
    // The connection is clean for the next transaction.
    await batches.transaction((send) => send([insertVersion(2)], { commit: true }));
    expect(await stored()).toEqual([2]);
  });

  onMariaDb(
    'rolls back a first send that fails after a write, before the next one begins',
    async () => {
      const failing = batches.transaction((send) =>
        send([
          insertVersion(1),
          { sql: 'SELECT no_such_column FROM ranking_snapshots', params: [] },
        ]),
      );
      await expect(failing).rejects.toBeInstanceOf(BatchQueryError);
      // The next transaction's START TRANSACTION would have committed an open one's insert.
      await batches.transaction((send) =>
        send([{ sql: 'SELECT 1 AS one', params: [] }], { commit: true }),
      );
      expect(await stored()).toEqual([]);
    },
  );

  onMariaDb('rolls back what work sent without committing', async () => {
    await batches.transaction(async (send) => {
      await send([insertVersion(5)]);
    });
    expect(await stored()).toEqual([]);
  });
});
