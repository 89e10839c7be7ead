import type { Dialect } from '@app/core';
import type { EntityManager } from 'typeorm';

// Set-based SQL of the ranking snapshot. Ranks come from RANK() OVER (…ORDER BY total DESC),
// positions (page order) from ROW_NUMBER() with ties ordered by name in binary order, then id,
// exactly as rankEntries orders them. Window functions: MariaDB ≥ 10.2, SQLite ≥ 3.25.

export type SubjectType = 'person' | 'agency';
export type ScopeKind = 'city' | 'agency' | 'unit';

/** Names compared by code point on both engines (SQLite's default collation is binary). */
export function binaryName(dialect: Dialect, expression: string): string {
  return dialect === 'mysql' ? `${expression} COLLATE utf8mb4_bin` : expression;
}

/** The rows a period is ranked on: approved evaluations for a quarter, roll-ups otherwise. */
function sourceOf(subjectType: SubjectType, fromRollups: boolean): string {
  const table = fromRollups ? 'rollup_results s' : 'evaluations s';
  const approved = fromRollups ? '' : " AND s.status = 'approved'";
  if (subjectType === 'person') {
    return `SELECT s.subject_id, p.full_name AS name, s.agency_id, s.unit_id, p.category, s.total, s.grade
      FROM ${table} JOIN people p ON p.id = s.subject_id
      WHERE s.period = ? AND s.subject_type = 'person'${approved}`;
  }
  return `SELECT s.subject_id, a.name AS name, s.agency_id, NULL AS unit_id, NULL AS category, s.total, s.grade
    FROM ${table} JOIN agencies a ON a.id = s.subject_id
    WHERE s.period = ? AND s.subject_type = 'agency'${approved}`;
}

const SCOPES: Record<ScopeKind, { id: string; partition: string; where: string }> = {
  city: { id: '0', partition: '', where: '' },
  agency: { id: 'r.agency_id', partition: 'r.agency_id', where: '' },
  unit: { id: 'r.unit_id', partition: 'r.unit_id', where: 'WHERE r.unit_id IS NOT NULL' },
};

function windowOver(partition: string[], order: string): string {
  const parts = partition.filter((p) => p !== '');
  return `OVER (${parts.length ? `PARTITION BY ${parts.join(', ')} ` : ''}${order})`;
}

/**
 * Replaces the snapshot of one period and subject type: delete, then one INSERT … SELECT per
 * scope kind. Run inside the caller's transaction, so readers see the old snapshot or the new.
 */
export async function refreshSnapshot(
  manager: EntityManager,
  dialect: Dialect,
  period: string,
  subjectType: SubjectType,
  fromRollups: boolean,
  now: string,
): Promise<number> {
  await manager.query('DELETE FROM ranking_entries WHERE period = ? AND subject_type = ?', [
    period,
    subjectType,
  ]);
  const scopes: ScopeKind[] = subjectType === 'person' ? ['city', 'agency', 'unit'] : ['city'];
  const byTotal = 'ORDER BY r.total DESC';
  const pageOrder = `ORDER BY r.total DESC, ${binaryName(dialect, 'r.name')}, r.subject_id`;
  for (const kind of scopes) {
    const scope = SCOPES[kind];
    const category = subjectType === 'person';
    const inScope = [scope.partition ? 'q.scope_id' : '', 'q.category'];
    const categoryOrder = `ORDER BY q.total DESC, ${binaryName(dialect, 'q.name')}, q.subject_id`;
    // Two levels: the scope's windows inside, the category's outside. MariaDB 10.11 computes
    // wrong ranks when windows of different partitions share one SELECT.
    await manager.query(
      `INSERT INTO ranking_entries (period, subject_type, scope_kind, scope_id, subject_id, name,
         agency_id, unit_id, category, total, grade, \`rank\`, ranked_of, \`position\`,
         category_rank, category_ranked_of, category_position)
       SELECT ?, ?, ?, q.scope_id, q.subject_id, q.name, q.agency_id, q.unit_id, q.category,
         q.total, q.grade, q.scope_rank, q.scope_count, q.scope_position,
         ${category ? `RANK() ${windowOver(inScope, 'ORDER BY q.total DESC')}` : 'NULL'},
         ${category ? `COUNT(*) ${windowOver(inScope, '')}` : 'NULL'},
         ${category ? `ROW_NUMBER() ${windowOver(inScope, categoryOrder)}` : 'NULL'}
       FROM (
         SELECT r.subject_id, r.name, r.agency_id, r.unit_id, r.category, r.total, r.grade,
           ${scope.id} AS scope_id,
           RANK() ${windowOver([scope.partition], byTotal)} AS scope_rank,
           COUNT(*) ${windowOver([scope.partition], '')} AS scope_count,
           ROW_NUMBER() ${windowOver([scope.partition], pageOrder)} AS scope_position
         FROM (${sourceOf(subjectType, fromRollups)}) r ${scope.where}
       ) q`,
      [period, subjectType, kind, period],
    );
  }
  const [{ entries }] = (await manager.query(
    "SELECT COUNT(*) AS entries FROM ranking_entries WHERE period = ? AND subject_type = ? AND scope_kind = 'city'",
    [period, subjectType],
  )) as { entries: number | string }[];
  await manager.query('DELETE FROM ranking_snapshots WHERE period = ? AND subject_type = ?', [
    period,
    subjectType,
  ]);
  await manager.query(
    'INSERT INTO ranking_snapshots (period, subject_type, entries, refreshed_at) VALUES (?, ?, ?, ?)',
    [period, subjectType, Number(entries), now],
  );
  return Number(entries);
}

export interface SnapshotScope {
  period: string;
  previousPeriod: string;
  subjectType: SubjectType;
  kind: ScopeKind;
  scopeId: number;
  category?: string;
}

export interface EntryRow {
  subject_id: number;
  name: string;
  agency_id: number;
  unit_id: number | null;
  category: string | null;
  total: number | string;
  grade: string;
  rank: number;
  ranked_of: number;
  previous_rank: number | null;
}

/**
 * One page of a scope: a range of positions on ix_ranking_entries_page (or the category
 * index), and each entry's rank in the same scope of the previous period by primary key.
 */
export async function readPage(
  manager: EntityManager,
  scope: SnapshotScope,
  offset: number,
  limit: number,
): Promise<{ rows: EntryRow[]; total: number }> {
  const byCategory = scope.category !== undefined;
  const rank = byCategory ? 'category_rank' : '`rank`';
  const rankedOf = byCategory ? 'category_ranked_of' : 'ranked_of';
  const position = byCategory ? 'category_position' : '`position`';
  const where = `e.period = ? AND e.subject_type = ? AND e.scope_kind = ? AND e.scope_id = ?${
    byCategory ? ' AND e.category = ?' : ''
  }`;
  const params: unknown[] = [scope.period, scope.subjectType, scope.kind, scope.scopeId];
  if (byCategory) params.push(scope.category);
  // The page and its total (ranked_of of the first entry) in one statement; when the page is
  // empty (offset past the end), the total is read alone.
  const rows = (await manager.query(
    `SELECT e.subject_id, e.name, e.agency_id, e.unit_id, e.category, e.total, e.grade,
       e.${rank} AS \`rank\`, e.${rankedOf} AS ranked_of, prev.${rank} AS previous_rank
     FROM ranking_entries e
     LEFT JOIN ranking_entries prev ON prev.period = ? AND prev.subject_type = e.subject_type
       AND prev.scope_kind = e.scope_kind AND prev.scope_id = e.scope_id
       AND prev.subject_id = e.subject_id${byCategory ? ' AND prev.category = e.category' : ''}
     WHERE ${where} AND e.${position} > ? AND e.${position} <= ?
     ORDER BY e.${position}`,
    [scope.previousPeriod, ...params, offset, offset + limit],
  )) as EntryRow[];
  if (rows.length > 0) return { rows, total: Number(rows[0].ranked_of) };
  const first = (await manager.query(
    `SELECT e.${rankedOf} AS ranked_of FROM ranking_entries e WHERE ${where} AND e.${position} = 1`,
    params,
  )) as { ranked_of: number | string }[];
  const total = first.length ? Number(first[0].ranked_of) : 0;
  return { rows, total };
}

export interface HistoryRow {
  period: string;
  rank: number;
  ranked_of: number;
  total: number | string;
  grade: string;
}

/** Every period a subject was ranked in, in one scope kind, by ix_ranking_entries_subject. */
export async function readHistory(
  manager: EntityManager,
  subjectType: SubjectType,
  subjectId: number,
  kind: ScopeKind,
  scopeId: number | null,
): Promise<HistoryRow[]> {
  const params: unknown[] = [subjectType, subjectId, kind];
  if (scopeId !== null) params.push(scopeId);
  return (await manager.query(
    `SELECT period, \`rank\`, ranked_of, total, grade FROM ranking_entries
     WHERE subject_type = ? AND subject_id = ? AND scope_kind = ?${scopeId !== null ? ' AND scope_id = ?' : ''}`,
    params,
  )) as HistoryRow[];
}

/** A subject's entries of one scope kind in the given periods, by ix_ranking_entries_subject. */
export async function readRanksIn(
  manager: EntityManager,
  subjectType: SubjectType,
  subjectId: number,
  kind: ScopeKind,
  periods: readonly string[],
): Promise<HistoryRow[]> {
  if (periods.length === 0) return [];
  return (await manager.query(
    `SELECT period, \`rank\`, ranked_of, total, grade FROM ranking_entries
     WHERE subject_type = ? AND subject_id = ? AND scope_kind = ?
       AND period IN (${periods.map(() => '?').join(', ')})`,
    [subjectType, subjectId, kind, ...periods],
  )) as HistoryRow[];
}

/** Whether a snapshot of the period was ever built. */
export async function hasSnapshot(
  manager: EntityManager,
  period: string,
  subjectType: SubjectType,
): Promise<boolean> {
  const rows = (await manager.query(
    'SELECT entries FROM ranking_snapshots WHERE period = ? AND subject_type = ?',
    [period, subjectType],
  )) as unknown[];
  return rows.length > 0;
}
