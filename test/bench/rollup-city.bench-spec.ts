import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions, dialectOf } from '@app/core';
import { generateCity } from '@app/demo';
import { refreshSnapshot, readPage } from '../../libs/rankings/src/rankings.queries';
import { replaceRollups } from '../../libs/rollups/src/rollups.queries';

// Not a test: measures generation, a year roll-up and ranking refreshes of a 100k-people city
// on MariaDB (database bench_city, created and dropped here). Run:
//   BENCH_SERVER=mysql://root@127.0.0.1:3306 npx jest -c test/bench/jest.bench.config.js

const server = process.env.BENCH_SERVER ?? 'mysql://root@127.0.0.1:3306';
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);

jest.setTimeout(30 * 60_000);

it('rolls up a city of 100k people', async () => {
  // BENCH_REUSE=1 measures again on the city a BENCH_KEEP=1 run left behind.
  const reuse = Boolean(process.env.BENCH_REUSE);
  const admin = await createConnection({ uri: server });
  if (!reuse) {
    await admin.query('DROP DATABASE IF EXISTS bench_city');
    await admin.query(
      'CREATE DATABASE bench_city CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    );
  }
  const dataSource = new DataSource(
    dataSourceOptions({ engine: 'mysql', url: `${server}/bench_city` }),
  );
  await dataSource.initialize();
  const timings: Record<string, number> = {};
  const time = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const start = process.hrtime.bigint();
    const result = await work();
    timings[name] = Number(process.hrtime.bigint() - start) / 1e9;
    return result;
  };
  try {
    await dataSource.runMigrations();
    const city = reuse
      ? { quarters: ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'] }
      : await time('generate', () =>
          generateCity(dataSource, {
            agencies: 500,
            people: PEOPLE,
            criteria: 20,
            quarters: 4,
            lastQuarter: '2025-Q4',
          }),
        );
    const dialect = dialectOf(dataSource);
    const now = '2026-01-05 01:00:00.000';
    const subjects = await time('rollup 2025 (results + snapshots)', () =>
      dataSource.transaction(async (m) => {
        const n = await replaceRollups(m, dialect, '2025', city.quarters, 1);
        await refreshSnapshot(m, dialect, '2025', 'person', true, now);
        await refreshSnapshot(m, dialect, '2025', 'agency', true, now);
        return n;
      }),
    );
    await time('rollup 2025 results only', () =>
      dataSource.transaction((m) => replaceRollups(m, dialect, '2025', city.quarters, 2)),
    );
    await time('snapshot 2025-Q4 person', () =>
      dataSource.transaction((m) => refreshSnapshot(m, dialect, '2025-Q4', 'person', false, now)),
    );
    await time('snapshot 2025-Q3 person', () =>
      dataSource.transaction((m) => refreshSnapshot(m, dialect, '2025-Q3', 'person', false, now)),
    );
    const page = await time('page city offset 50000', () =>
      readPage(
        dataSource.manager,
        {
          period: '2025-Q4',
          previousPeriod: '2025-Q3',
          subjectType: 'person',
          kind: 'city',
          scopeId: 0,
        },
        50_000,
        50,
      ),
    );
    process.stdout.write(
      `\n${JSON.stringify({ city, subjects, pageItems: page.rows.length, total: page.total, timings }, null, 2)}\n`,
    );
  } finally {
    await dataSource.destroy();
    if (!process.env.BENCH_KEEP) await admin.query('DROP DATABASE IF EXISTS bench_city');
    await admin.end();
  }
});
