import autocannon from 'autocannon';
import { createPool } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/core';
import { generateCity } from '@app/demo';
import { apiClient, freshDatabase, startApi } from './api-process';
import type { BenchResult } from './report';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 500);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

interface Load {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

async function load(url: string, authorization: string): Promise<Load> {
  // A short warm-up, so that the figures do not include the first compilations and pool fills.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers: { authorization } });
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { authorization },
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
  };
}

/** The same page by the best single SQL statement, through mysql2 with 10 connections: the floor. */
async function directFloor(databaseUrl: string, period: string): Promise<Load> {
  const pool = createPool({ uri: databaseUrl, connectionLimit: CONNECTIONS });
  const sql = `SELECT e.subject_id, e.name, e.agency_id, e.total, e.grade, e.\`rank\`, e.ranked_of, prev.\`rank\` AS previous_rank
    FROM ranking_entries e
    LEFT JOIN ranking_entries prev ON prev.period = ? AND prev.subject_type = e.subject_type
      AND prev.scope_kind = e.scope_kind AND prev.scope_id = e.scope_id AND prev.subject_id = e.subject_id
    WHERE e.period = ? AND e.subject_type = 'person' AND e.scope_kind = 'city' AND e.scope_id = 0
      AND e.\`position\` > 0 AND e.\`position\` <= 50
    ORDER BY e.\`position\``;
  const latencies: number[] = [];
  const deadline = performance.now() + DURATION * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const start = performance.now();
      await pool.query(sql, [String(Number(period) - 1), period]);
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  await pool.end();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { p50: at(0.5), p99: at(0.99), rps: latencies.length / DURATION, errors: 0 };
}

async function waitForRun(client: Awaited<ReturnType<typeof apiClient>>, id: number) {
  for (;;) {
    const runs = await client.call('GET', '/api/rollups/runs?limit=20');
    const run = runs.items.find((r: { id: number }) => r.id === id);
    if (run && run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function loadRow(name: string, result: Load, floor?: Load): BenchResult {
  const ratio = floor ? result.rps / floor.rps : undefined;
  return {
    name,
    value: `p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.rps.toFixed(0)} req/s`,
    target: floor ? 'p50 ≤ 10 ms, p99 ≤ 50 ms, ≥ 60% of floor' : 'p50 ≤ 10 ms, p99 ≤ 50 ms',
    met:
      result.p50 <= 10 &&
      result.p99 <= 50 &&
      result.errors === 0 &&
      (ratio === undefined || ratio >= 0.6),
    note: `${result.errors} errors${ratio === undefined ? '' : `; ${(100 * ratio).toFixed(0)}% of the direct-SQL floor`}`,
  };
}

/**
 * Issue 5: a city of 500 agencies and 100,000 people on MariaDB; the annual roll-up through the
 * API, then ranking pages and a history under autocannon (10 connections), against the floor of
 * the same page read straight from MariaDB; the API's peak memory throughout.
 */
export async function benchRankings(): Promise<BenchResult[]> {
  const database = await freshDatabase('thidua_bench_city');
  const dataSource = new DataSource(dataSourceOptions({ engine: 'mysql', url: database.url }));
  await dataSource.initialize();
  await dataSource.runMigrations();
  const city = await generateCity(dataSource, {
    agencies: AGENCIES,
    people: PEOPLE,
    criteria: 20,
    quarters: 4,
    lastQuarter: '2025-Q4',
    progress: process.stderr.isTTY,
  });
  const [{ agencyId, personId }] = await dataSource.query(
    'SELECT agency_id AS agencyId, id AS personId FROM people ORDER BY id LIMIT 1',
  );
  await dataSource.destroy();
  const api = await startApi(database.url, 3902);
  try {
    const client = await apiClient(api.url);
    // The quarters' rankings are built in the background at start; reading waits for them.
    for (const quarter of city.quarters)
      await client.call('GET', `/api/rankings?period=${quarter}&subjectType=person&limit=1`);
    const run = await client.call('POST', '/api/rollups', { period: '2025' });
    const finished = await waitForRun(client, run.id);
    const rollupSeconds = (Date.parse(finished.finishedAt) - Date.parse(finished.startedAt)) / 1000;
    const page = `${api.url}/api/rankings?period=2025&subjectType=person&limit=50`;
    const cityPage = await load(page, client.authorization);
    const floor = await directFloor(database.url, '2025');
    const agencyPage = await load(`${page}&agencyId=${agencyId}`, client.authorization);
    const history = await load(
      `${api.url}/api/rankings/history?subjectType=person&subjectId=${personId}`,
      client.authorization,
    );
    const exports: BenchResult[] = [];
    for (const format of ['xlsx', 'pdf'] as const) {
      const started = performance.now();
      const response = await fetch(
        `${api.url}/api/rankings/export?period=2025&subjectType=person&format=${format}`,
        {
          headers: { authorization: client.authorization },
        },
      );
      let bytes = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
        bytes += chunk.length;
      const seconds = (performance.now() - started) / 1000;
      const peakNow = api.peakRssMb();
      exports.push({
        name: `export of the ${finished.subjects >= 100_000 ? '100,000-row' : 'whole'} people ranking as ${format.toUpperCase()} (API)`,
        value: `${seconds.toFixed(1)} s`,
        target: 'API peak < 300 MB',
        met: response.status === 200 && peakNow < 300,
        note: `HTTP ${response.status}, ${(bytes / 1024 / 1024).toFixed(1)} MB streamed; API peak RSS so far ${peakNow.toFixed(0)} MB`,
      });
    }
    const peak = api.peakRssMb();
    return [
      {
        name: `city: generate ${city.people.toLocaleString('en')} people, ${city.evaluations.toLocaleString('en')} evaluations`,
        value: `${city.seconds.toFixed(1)} s`,
      },
      {
        name: `annual roll-up of ${finished.subjects.toLocaleString('en')} subjects (API, MariaDB)`,
        value: `${rollupSeconds.toFixed(1)} s`,
        target: '≤ 15 s',
        met: finished.status === 'succeeded' && rollupSeconds <= 15,
        note: `status ${finished.status}; results and both rankings in one transaction`,
      },
      loadRow('ranking page of 50, people city-wide (API)', cityPage, floor),
      {
        name: 'the same page, best single SQL through mysql2',
        value: `p50 ${floor.p50.toFixed(1)} ms, p99 ${floor.p99.toFixed(1)} ms, ${floor.rps.toFixed(0)} req/s`,
        note: 'the floor',
      },
      loadRow("ranking page of 50, one agency's people (API)", agencyPage),
      loadRow("one person's rank history (API)", history),
      ...exports,
      {
        name: 'API peak memory (VmHWM) throughout',
        value: `${peak.toFixed(0)} MB`,
        target: '< 300 MB',
        met: peak < 300,
      },
    ];
  } finally {
    await api.stop();
    if (!process.env.BENCH_KEEP) await database.drop();
  }
}
