import type { Dialect } from '@app/core';
import type { EntityManager } from 'typeorm';

// SPEC §6 roll-up as one INSERT … SELECT per period, never loading evaluations into Node.
// Totals are summed as integer hundredths and the mean rounded half up in integers, so the
// result is exact on SQLite (which keeps DECIMAL as a float) as on MariaDB.

/** An exact integer number of hundredths of a DECIMAL(…,2) value. */
function hundredths(dialect: Dialect, expression: string): string {
  return dialect === 'mysql'
    ? `CAST(ROUND(${expression} * 100) AS SIGNED)`
    : `CAST(ROUND(${expression} * 100) AS INTEGER)`;
}

/** floor(a / b) for non-negative integers. */
function integerDivision(dialect: Dialect, a: string, b: string): string {
  return dialect === 'mysql' ? `(${a}) DIV (${b})` : `(${a}) / (${b})`;
}

function hundredthsToScore(dialect: Dialect, expression: string): string {
  return dialect === 'mysql' ? `${expression} / 100` : `${expression} / 100.0`;
}

/**
 * Replaces the roll-ups of one period by those of `quarters`: per subject, the mean of its
 * approved quarterly totals (half up, 2 decimals), how many quarters counted, disqualified if
 * any was, the agency and unit of its latest counted quarter, and the grade by the thresholds of
 * the newest criteria set its counted evaluations used (greatest published_at, then id).
 */
export async function replaceRollups(
  manager: EntityManager,
  dialect: Dialect,
  period: string,
  quarters: string[],
  runId: number,
): Promise<number> {
  await manager.query('DELETE FROM rollup_results WHERE period = ?', [period]);
  const mean = integerDivision(dialect, '2 * g.sum_h + g.n', '2 * g.n');
  const threshold = (column: string) => hundredths(dialect, `cs.${column}`);
  const inSpan = quarters.map(() => '?').join(', ');
  // Criteria sets numbered oldest to newest (published_at, then id): "the newest set used" is
  // then a MAX in the same GROUP BY as the sums, one pass over the covering index. The agency
  // and unit come from the subject's latest counted quarter, found by its unique key.
  const setOrder = `SELECT id, ROW_NUMBER() OVER (ORDER BY published_at, id) AS ord FROM criteria_sets`;
  await manager.query(
    `INSERT INTO rollup_results (period, subject_type, subject_id, agency_id, unit_id, total,
       grade, disqualified, quarters_counted, criteria_set_id, run_id)
     SELECT ?, g.subject_type, g.subject_id, latest.agency_id, latest.unit_id,
       ${hundredthsToScore(dialect, mean)},
       CASE WHEN ${mean} >= ${threshold('threshold_a')} AND g.dq = 0 THEN 'A'
            WHEN ${mean} >= ${threshold('threshold_b')} AND g.dq = 0 THEN 'B'
            WHEN ${mean} >= ${threshold('threshold_c')} THEN 'C'
            ELSE 'D' END,
       g.dq, g.n, cs.id, ?
     FROM (
       SELECT e.subject_type, e.subject_id,
         SUM(${hundredths(dialect, 'e.total')}) AS sum_h,
         COUNT(*) AS n,
         MAX(CASE WHEN e.disqualified = 1 THEN 1 ELSE 0 END) AS dq,
         MAX(so.ord) AS newest_set,
         MAX(e.period) AS latest_period
       FROM evaluations e JOIN (${setOrder}) so ON so.id = e.criteria_set_id
       WHERE e.period IN (${inSpan}) AND e.status = 'approved'
       GROUP BY e.subject_type, e.subject_id
     ) g
     JOIN (${setOrder}) newest ON newest.ord = g.newest_set
     JOIN criteria_sets cs ON cs.id = newest.id
     JOIN evaluations latest ON latest.subject_type = g.subject_type
       AND latest.subject_id = g.subject_id AND latest.period = g.latest_period`,
    [period, runId, ...quarters],
  );
  const [{ subjects }] = (await manager.query(
    'SELECT COUNT(*) AS subjects FROM rollup_results WHERE period = ?',
    [period],
  )) as { subjects: number | string }[];
  return Number(subjects);
}

/**
 * Ends a running run whose lease has passed (its process died): it is recorded failed and its
 * active_period freed, so a new run can take the lock. Conditional on the lease, so a live run
 * that renewed its lease in the meantime is left alone.
 */
export async function expireDeadRun(
  manager: EntityManager,
  period: string,
  now: string,
): Promise<void> {
  await manager.query(
    `UPDATE rollup_runs SET status = 'failed', active_period = NULL, finished_at = ?,
       error = 'Lease expired: the process running it stopped'
     WHERE active_period = ? AND lease_until < ?`,
    [now, period, now],
  );
}

/**
 * Ends every running run whose lease has passed, of any period (start-up and the periodic sweep):
 * the run list stops showing dead runs as running and their periods are free again. Returns the
 * periods freed.
 */
export async function expireDeadRuns(manager: EntityManager, now: string): Promise<string[]> {
  const dead = (await manager.query(
    'SELECT period FROM rollup_runs WHERE active_period IS NOT NULL AND lease_until < ?',
    [now],
  )) as { period: string }[];
  if (dead.length === 0) return [];
  await manager.query(
    `UPDATE rollup_runs SET status = 'failed', active_period = NULL, finished_at = ?,
       error = 'Lease expired: the process running it stopped'
     WHERE active_period IS NOT NULL AND lease_until < ?`,
    [now, now],
  );
  return dead.map((row) => row.period);
}

/** Extends the lease of a run that still holds its period; false when it lost it. */
export async function renewLease(
  manager: EntityManager,
  runId: number,
  period: string,
  leaseUntil: string,
): Promise<boolean> {
  const changed = await execute(
    manager,
    'UPDATE rollup_runs SET lease_until = ? WHERE id = ? AND active_period = ?',
    [leaseUntil, runId, period],
  );
  return changed > 0;
}

/** Records the end of a run and frees its period, if it still holds it. */
export async function finishRun(
  manager: EntityManager,
  runId: number,
  status: 'succeeded' | 'failed',
  now: string,
  subjects: number | null,
  error: string | null,
): Promise<boolean> {
  const changed = await execute(
    manager,
    `UPDATE rollup_runs SET status = ?, active_period = NULL, finished_at = ?, subjects = ?,
       error = ?, lease_until = NULL
     WHERE id = ? AND status = 'running'`,
    [status, now, subjects, error, runId],
  );
  return changed > 0;
}

/** Runs a write and returns the number of rows it changed, on both engines. */
async function execute(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, params, true);
    return Number(result.affected ?? 0);
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
