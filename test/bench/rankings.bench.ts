import autocannon from 'autocannon';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/core';
import { RankIndex } from '@app/domain';
import { generateCity } from '@app/demo';
import { apiClient, freshDatabase, startApi } from './api-process';
import { directFloor, HISTORY_SQL, type Load, PAGE_SQL, percentile } from './ranking-floor';
import type { BenchResult } from './report';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 500);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const FRESHNESS_SAMPLES = Number(process.env.BENCH_FRESHNESS ?? 200);
const BURST_SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 30);
const BURST_RATE = 20;
const CONNECTIONS = 10;
const PORTS = [3100, 3101];

type Client = Awaited<ReturnType<typeof apiClient>>;

async function load(url: string, authorization: string, seconds = DURATION): Promise<Load> {
  // A short warm-up, so that the figures do not include the first compilations and pool fills.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers: { authorization } });
  return measure(url, authorization, seconds);
}

async function measure(
  url: string,
  authorization: string,
  seconds: number,
  { inWorker = false } = {},
): Promise<Load> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization },
    // During the burst the load runs in a worker thread: approvals are timed on this thread,
    // whose event loop must not queue them behind the load's own responses.
    ...(inWorker ? { workers: 1 } : {}),
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
  };
}

async function waitForRun(client: Client, id: number) {
  for (;;) {
    const runs = await client.call('GET', '/api/rollups/runs?limit=20');
    const run = runs.items.find((r: { id: number }) => r.id === id);
    if (run && run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function loadRow(name: string, result: Load, floor: Load): BenchResult[] {
  const ratio = result.rps / floor.rps;
  return [
    {
      name,
      value: `p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.rps.toFixed(0)} req/s`,
      target: 'p50 ≤ 5 ms, p99 ≤ 30 ms, ≥ 100% of floor',
      met: result.p50 <= 5 && result.p99 <= 30 && result.errors === 0 && ratio >= 1,
      note: `${result.errors} errors; ${(100 * ratio).toFixed(0)}% of the direct-SQL floor`,
    },
    {
      name: '  its direct-SQL floor (mysql2, 10 connections)',
      value: `p50 ${floor.p50.toFixed(1)} ms, p99 ${floor.p99.toFixed(1)} ms, ${floor.rps.toFixed(0)} req/s`,
      note: 'the floor',
    },
  ];
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reopens and resubmits an approved evaluation, so that approving it is a ranked change. */
async function makeSubmitted(client: Client, id: number): Promise<void> {
  await client.call('POST', `/api/evaluations/${id}/reopen`, { reason: 'Đo thời gian làm mới' });
  await client.call('POST', `/api/evaluations/${id}/submit`);
}

/** Approves, then reads the subject's history through `reader` until the quarter's rank shows. */
async function freshness(
  writer: Client,
  reader: Client,
  evaluation: { id: number; subjectId: number },
  quarter: string,
): Promise<number> {
  await makeSubmitted(writer, evaluation.id);
  const path = `/api/rankings/history?subjectType=person&subjectId=${evaluation.subjectId}&scope=city`;
  // The reader has seen the subject unranked (its history cached) before the approval.
  const ranked = async () =>
    (await reader.call('GET', path)).items.some((i: { period: string }) => i.period === quarter);
  for (let tries = 0; await ranked(); tries++) {
    if (tries > 1000) throw new Error('the reopened evaluation stays ranked');
    await delay(5);
  }
  await writer.call('POST', `/api/evaluations/${evaluation.id}/approve`);
  const answered = performance.now();
  while (!(await ranked())) {
    if (performance.now() - answered > 10_000) return Infinity;
    await delay(5);
  }
  return performance.now() - answered;
}

async function rowsChanged(databaseUrl: string): Promise<number> {
  const connection = await createConnection({ uri: databaseUrl });
  const name = new URL(databaseUrl).pathname.slice(1);
  const [rows] = (await connection.query(
    'SELECT COALESCE(SUM(rows_changed), 0) AS changed FROM information_schema.TABLE_STATISTICS WHERE table_schema = ?',
    [name],
  )) as unknown as [{ changed: number | string }[]];
  await connection.end();
  return Number(rows[0].changed);
}

async function setUserStat(databaseUrl: string, on: boolean): Promise<boolean> {
  const connection = await createConnection({ uri: databaseUrl });
  const [[{ Value }]] = (await connection.query("SHOW GLOBAL VARIABLES LIKE 'userstat'")) as any;
  await connection.query(`SET GLOBAL userstat = ${on ? 1 : 0}`);
  await connection.end();
  return Value === 'ON';
}

/**
 * Issue 13: a city of 500 agencies and 100,000 people on MariaDB and two API instances; the
 * annual roll-up; the city page, an agency page, a deep page and a history under autocannon
 * (10 connections) against the direct-SQL floor of each; freshness after 200 approvals through
 * the same instance and through the other; a burst of approvals while pages are read; exports;
 * the API's peak memory. BENCH_REDIS_URL runs both instances with Redis.
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
  const quarter = '2025-Q4';
  const candidates = (
    (await dataSource.query(
      `SELECT id, subject_id AS subjectId FROM evaluations
       WHERE period = ? AND subject_type = 'person' AND status = 'approved' ORDER BY id LIMIT ?`,
      [quarter, 2 * FRESHNESS_SAMPLES + BURST_SECONDS * BURST_RATE + 50],
    )) as { id: number; subjectId: number }[]
  ).map((row) => ({ id: Number(row.id), subjectId: Number(row.subjectId) }));
  await dataSource.destroy();
  const redis = { REDIS_URL: process.env.BENCH_REDIS_URL ?? '' };
  const api = await startApi(database.url, PORTS[0], redis);
  const other = await startApi(database.url, PORTS[1], redis);
  try {
    // Access tokens are short-lived: each phase logs in again.
    let client = await apiClient(api.url);
    let otherClient = await apiClient(other.url);
    const relogin = async () => {
      client = await apiClient(api.url);
      otherClient = await apiClient(other.url);
    };
    // The quarters' rankings are built in the background at start; reading waits for them.
    for (const q of city.quarters)
      await client.call('GET', `/api/rankings?period=${q}&subjectType=person&limit=1`);
    const run = await client.call('POST', '/api/rollups', { period: '2025' });
    const finished = await waitForRun(client, run.id);
    const rollupSeconds = (Date.parse(finished.finishedAt) - Date.parse(finished.startedAt)) / 1000;

    // Reads, each against its floor.
    const page = `${api.url}/api/rankings?period=2025&subjectType=person&limit=50`;
    const windowOf = async (kind: string, scopeId: number, offset: number) => {
      const connection = await createConnection({ uri: database.url });
      const [rows] = (await connection.query(
        `SELECT total, entries FROM ranking_totals WHERE period = '2025' AND subject_type = 'person'
           AND scope_kind = ? AND scope_id = ? AND category = ''`,
        [kind, scopeId],
      )) as unknown as [{ total: string; entries: number }[]];
      await connection.end();
      const index = new RankIndex(
        rows.map((r) => ({ total: Number(r.total), entries: r.entries })),
      );
      const window = index.window(offset, 50)!;
      return [kind, scopeId, window.highest, window.lowest, window.skip];
    };
    const pageFloor = async (kind: string, scopeId: number, offset: number) => {
      const [k, id, highest, lowest, skip] = await windowOf(kind, scopeId, offset);
      return directFloor(
        database.url,
        PAGE_SQL,
        ['2025', k, id, highest, lowest, skip, '2024'],
        DURATION,
        CONNECTIONS,
      );
    };
    const reads: BenchResult[] = [];
    await relogin();
    const cityPage = await load(page, client.authorization);
    reads.push(
      ...loadRow(
        'ranking page of 50, people city-wide (API)',
        cityPage,
        await pageFloor('city', 0, 0),
      ),
    );
    const agencyPage = await load(`${page}&agencyId=${agencyId}`, client.authorization);
    reads.push(
      ...loadRow(
        "ranking page of 50, one agency's people (API)",
        agencyPage,
        await pageFloor('agency', agencyId, 0),
      ),
    );
    const deepPage = await load(`${page}&offset=50000`, client.authorization);
    reads.push(
      ...loadRow(
        'deep ranking page (offset 50,000), city-wide (API)',
        deepPage,
        await pageFloor('city', 0, 50_000),
      ),
    );
    const history = await load(
      `${api.url}/api/rankings/history?subjectType=person&subjectId=${personId}`,
      client.authorization,
    );
    reads.push(
      ...loadRow(
        "one person's rank history (API)",
        history,
        await directFloor(database.url, HISTORY_SQL, [personId], DURATION, CONNECTIONS),
      ),
    );

    // Freshness: approval answered → new rank read, through the same instance and the other.
    for (const row of reads) process.stderr.write(`${JSON.stringify(row)}\n`);
    await relogin();
    const samples = { same: [] as number[], other: [] as number[] };
    let next = 0;
    for (let i = 0; i < FRESHNESS_SAMPLES; i++) {
      samples.same.push(await freshness(client, client, candidates[next++], quarter));
      samples.other.push(await freshness(client, otherClient, candidates[next++], quarter));
    }
    const freshRow = (name: string, values: number[]): BenchResult => {
      values.sort((a, b) => a - b);
      const p99 = percentile(values, 0.99);
      return {
        name,
        value: `p50 ${percentile(values, 0.5).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${values[values.length - 1].toFixed(0)} ms`,
        target: '≤ 1 s at p99',
        met: p99 <= 1000,
        note: `${values.length} approvals`,
      };
    };

    // The burst: BURST_RATE approvals a second while the city page of the quarter they change
    // is read at 10 connections (each approval makes the cached page stale).
    process.stderr.write(`freshness ${JSON.stringify(samples)}\n`);
    await relogin();
    const burstSet = candidates.slice(next, next + BURST_SECONDS * BURST_RATE);
    for (const evaluation of burstSet) await makeSubmitted(client, evaluation.id);
    await delay(2000); // the reopenings' ranking work done before the burst
    const userstatWas = await setUserStat(database.url, true);
    const changedBefore = await rowsChanged(database.url);
    const approvals: number[] = [];
    const reading = measure(
      `${api.url}/api/rankings?period=${quarter}&subjectType=person&limit=50`,
      client.authorization,
      BURST_SECONDS,
      { inWorker: true },
    );
    const started = performance.now();
    await Promise.all(
      burstSet.map(async (evaluation, i) => {
        await delay(started + (i * 1000) / BURST_RATE - performance.now());
        const t0 = performance.now();
        await client.call('POST', `/api/evaluations/${evaluation.id}/approve`);
        approvals.push(performance.now() - t0);
      }),
    );
    const duringBurst = await reading;
    await delay(1500); // the last approvals' ranking work
    const changed = (await rowsChanged(database.url)) - changedBefore;
    await setUserStat(database.url, userstatWas);
    approvals.sort((a, b) => a - b);
    const approvalP99 = percentile(approvals, 0.99);

    process.stderr.write(
      `burst ${JSON.stringify({ duringBurst, approvalP99, changed, n: burstSet.length })}\n`,
    );
    await relogin();
    const exports: BenchResult[] = [];
    for (const format of ['xlsx', 'pdf'] as const) {
      const began = performance.now();
      const response = await fetch(
        `${api.url}/api/rankings/export?period=2025&subjectType=person&format=${format}`,
        { headers: { authorization: client.authorization } },
      );
      let bytes = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
        bytes += chunk.length;
      const seconds = (performance.now() - began) / 1000;
      const peakNow = api.peakRssMb();
      exports.push({
        name: `export of the ${finished.subjects >= 100_000 ? '100,000-row' : 'whole'} people ranking as ${format.toUpperCase()} (API)`,
        value: `${seconds.toFixed(1)} s`,
        target: 'API peak < 300 MB',
        met: response.status === 200 && peakNow < 300,
        note: `HTTP ${response.status}, ${(bytes / 1024 / 1024).toFixed(1)} MB streamed; API peak RSS so far ${peakNow.toFixed(0)} MB`,
      });
    }
    const peak = Math.max(api.peakRssMb(), other.peakRssMb());
    return [
      {
        name: `city: generate ${city.people.toLocaleString('en')} people, ${city.evaluations.toLocaleString('en')} evaluations`,
        value: `${city.seconds.toFixed(1)} s`,
        note: process.env.BENCH_REDIS_URL
          ? 'two API instances with Redis'
          : 'two API instances, no Redis',
      },
      {
        name: `annual roll-up of ${finished.subjects.toLocaleString('en')} subjects (API, MariaDB)`,
        value: `${rollupSeconds.toFixed(1)} s`,
        target: '≤ 15 s',
        met: finished.status === 'succeeded' && rollupSeconds <= 15,
        note: `status ${finished.status}; results and both rankings in one transaction`,
      },
      ...reads,
      freshRow('freshness: approval → new rank, same instance', samples.same),
      freshRow('freshness: approval → new rank, the other instance', samples.other),
      {
        name: `burst: ${BURST_RATE} approvals/s for ${BURST_SECONDS} s, the quarter's city page read meanwhile`,
        value: `page p99 ${duringBurst.p99} ms (${duringBurst.rps.toFixed(0)} req/s), approval p99 ${approvalP99.toFixed(0)} ms`,
        target: 'page p99 ≤ 50 ms, approval p99 ≤ 150 ms',
        met: duringBurst.p99 <= 50 && approvalP99 <= 150 && duringBurst.errors === 0,
        note: `${duringBurst.errors} page errors; ${approvals.length} approvals, p50 ${percentile(approvals, 0.5).toFixed(0)} ms`,
      },
      {
        name: '  database rows written per approval (all tables)',
        value: (changed / burstSet.length).toFixed(1),
        note: 'evaluation, audit, outbox row, claim, ranking rows and counters, version',
      },
      ...exports,
      {
        name: 'API peak memory (VmHWM) throughout, either instance',
        value: `${peak.toFixed(0)} MB`,
        target: '< 300 MB',
        met: peak < 300,
      },
    ];
  } finally {
    await other.stop();
    await api.stop();
    if (!process.env.BENCH_KEEP) await database.drop();
  }
}
