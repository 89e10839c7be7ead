import { createPool } from 'mysql2/promise';

// The direct-SQL floor of a read: the one statement the database must run for it at least (the
// API's own statement on a cache miss, with whatever it computes in Node given away), run by 10
// workers through mysql2 for the same time as the API load.

export interface Load {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

export function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
}

export async function directFloor(
  databaseUrl: string,
  sql: string,
  params: unknown[],
  seconds: number,
  connections: number,
): Promise<Load> {
  const pool = createPool({ uri: databaseUrl, connectionLimit: connections });
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const start = performance.now();
      await pool.query(sql, params);
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await pool.end();
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    rps: latencies.length / seconds,
    errors: 0,
  };
}

/** The page statement (readRange) for a window of totals. */
export const PAGE_SQL = `SELECT e.*, prev.total AS previous_total FROM (
    SELECT e.subject_type, e.scope_kind, e.scope_id, e.subject_id, e.name, e.agency_id,
      e.unit_id, e.category, e.total, e.grade
    FROM ranking_entries e
    WHERE e.period = ? AND e.subject_type = 'person' AND e.scope_kind = ? AND e.scope_id = ?
      AND e.total <= ? AND e.total >= ?
    ORDER BY e.total DESC, e.name COLLATE utf8mb4_bin, e.subject_id LIMIT 50 OFFSET ?
  ) e
  LEFT JOIN ranking_entries prev ON prev.period = ? AND prev.subject_type = e.subject_type
    AND prev.scope_kind = e.scope_kind AND prev.scope_id = e.scope_id
    AND prev.subject_id = e.subject_id
  ORDER BY e.total DESC, e.name COLLATE utf8mb4_bin, e.subject_id`;

export const HISTORY_SQL = `SELECT period, scope_id, total, grade FROM ranking_entries
  WHERE subject_type = 'person' AND subject_id = ? AND scope_kind = 'agency'`;
