import type { Dialect, Statement } from '@app/core';
import type { TotalCount } from '@app/domain';
import type { EntityManager } from 'typeorm';
import { groupBy } from './group-by';

// Set-based SQL of the ranking tables. ranking_entries holds one row per subject and scope it is
// ranked in, without ranks: ranks come from ranking_totals (how many entries have each total), so
// a change to one subject writes its own rows and a few counters, never its neighbours'.

export type SubjectType = 'person' | 'agency';
export type ScopeKind = 'city' | 'agency' | 'unit';

/** Names compared by code point on both engines (SQLite's default collation is binary). */
export function binaryName(dialect: Dialect, expression: string): string {
  return dialect === 'mysql' ? `${expression} COLLATE utf8mb4_bin` : expression;
}

/** An INSERT of `rows` rows that adds to the existing row on a key clash, in each engine's words. */
function upsertAdding(dialect: Dialect, table: string, key: string[], columns: string[], rows = 1) {
  const values = Array.from({ length: rows }, () => `(${columns.map(() => '?').join(', ')})`);
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`;
  return dialect === 'mysql'
    ? `${head} ON DUPLICATE KEY UPDATE entries = entries + VALUES(entries)`
    : `${head} ON CONFLICT (${key.join(', ')}) DO UPDATE SET entries = entries + excluded.entries`;
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

const SCOPES: Record<ScopeKind, { id: string; where: string }> = {
  city: { id: '0', where: '' },
  agency: { id: 'r.agency_id', where: '' },
  unit: { id: 'r.unit_id', where: 'WHERE r.unit_id IS NOT NULL' },
};

export function scopeKindsOf(subjectType: SubjectType): ScopeKind[] {
  return subjectType === 'person' ? ['city', 'agency', 'unit'] : ['city'];
}

const SNAPSHOT_KEY = ['period', 'subject_type'];

/**
 * Takes the period's version row for this transaction and counts one more change: every writer
 * of a period's ranking starts here, so they take turns on this row (on MariaDB a row lock held
 * to the commit; SQLite has a single writer). Returns the new version.
 */
export async function bumpVersion(
  manager: EntityManager,
  dialect: Dialect,
  period: string,
  subjectType: SubjectType,
  now: string,
): Promise<number> {
  const insert =
    'INSERT INTO ranking_snapshots (period, subject_type, version, refreshed_at) VALUES (?, ?, 1, ?)';
  await manager.query(
    dialect === 'mysql'
      ? `${insert} ON DUPLICATE KEY UPDATE version = version + 1, refreshed_at = VALUES(refreshed_at)`
      : `${insert} ON CONFLICT (${SNAPSHOT_KEY.join(', ')}) DO UPDATE SET version = version + 1, refreshed_at = excluded.refreshed_at`,
    [period, subjectType, now],
  );
  const [row] = (await manager.query(
    'SELECT version FROM ranking_snapshots WHERE period = ? AND subject_type = ?',
    [period, subjectType],
  )) as { version: number | string }[];
  return Number(row.version);
}

/**
 * Like bumpVersion, for a ranking that must already exist: null (and nothing written) when the
 * period was never built, whose first build then covers the change. One statement: the work runs
 * while pages are read, and each round trip waits its turn on the event loop.
 */
export async function takeTurn(
  manager: EntityManager,
  dialect: Dialect,
  period: string,
  subjectType: SubjectType,
  now: string,
): Promise<number | null> {
  const turn = turnStatement(dialect, period, subjectType, now);
  return turnOf(await manager.query(turn.sql, [...turn.params]));
}

/** takeTurn's one statement. */
export function turnStatement(
  dialect: Dialect,
  period: string,
  subjectType: SubjectType,
  now: string,
): Statement {
  const params = [now, period, subjectType];
  const where = 'WHERE period = ? AND subject_type = ?';
  return dialect === 'mysql'
    ? // LAST_INSERT_ID(expr) hands the new version back in the statement's own answer.
      {
        sql: `UPDATE ranking_snapshots SET version = LAST_INSERT_ID(version + 1), refreshed_at = ? ${where}`,
        params,
      }
    : {
        sql: `UPDATE ranking_snapshots SET version = version + 1, refreshed_at = ? ${where} RETURNING version`,
        params,
      };
}

/** The new version from turnStatement's answer (MariaDB's OK packet or SQLite's rows), or null. */
export function turnOf(answer: unknown): number | null {
  if (Array.isArray(answer)) {
    const [row] = answer as { version: number | string }[];
    return row ? Number(row.version) : null;
  }
  const ok = answer as { affectedRows: number; insertId: number | string };
  return ok.affectedRows ? Number(ok.insertId) : null;
}

/**
 * Rebuilds the ranking of one period and subject type from its source: the check that the
 * incremental path is measured against, the first build of a period, and a roll-up run's
 * replacement. Run inside the caller's transaction: readers see the old ranking or the new.
 * Returns the new version.
 */
export async function rebuildRanking(
  manager: EntityManager,
  dialect: Dialect,
  period: string,
  subjectType: SubjectType,
  fromRollups: boolean,
  now: string,
): Promise<number> {
  const version = await bumpVersion(manager, dialect, period, subjectType, now);
  for (const table of ['ranking_entries', 'ranking_totals']) {
    await manager.query(`DELETE FROM ${table} WHERE period = ? AND subject_type = ?`, [
      period,
      subjectType,
    ]);
  }
  for (const kind of scopeKindsOf(subjectType)) {
    const scope = SCOPES[kind];
    await manager.query(
      `INSERT INTO ranking_entries (period, subject_type, scope_kind, scope_id, subject_id, name,
         agency_id, unit_id, category, total, grade)
       SELECT ?, ?, ?, ${scope.id}, r.subject_id, r.name, r.agency_id, r.unit_id, r.category,
         r.total, r.grade
       FROM (${sourceOf(subjectType, fromRollups)}) r ${scope.where}`,
      [period, subjectType, kind, period],
    );
  }
  const histogram = (category: string, where: string, group: string) =>
    manager.query(
      `INSERT INTO ranking_totals (period, subject_type, scope_kind, scope_id, category, total, entries)
       SELECT period, subject_type, scope_kind, scope_id, ${category}, total, COUNT(*)
       FROM ranking_entries WHERE period = ? AND subject_type = ?${where}
       GROUP BY period, subject_type, scope_kind, scope_id${group}, total`,
      [period, subjectType],
    );
  await histogram("''", '', '');
  await histogram('category', ' AND category IS NOT NULL', ', category');
  return version;
}

/** A subject's row in one scope. */
export interface EntryState {
  scope_kind: ScopeKind;
  scope_id: number;
  name: string;
  agency_id: number;
  unit_id: number | null;
  category: string | null;
  total: number;
  grade: string;
}

const sameEntry = (a: EntryState, b: EntryState) =>
  a.scope_kind === b.scope_kind &&
  a.scope_id === b.scope_id &&
  a.name === b.name &&
  a.agency_id === b.agency_id &&
  a.unit_id === b.unit_id &&
  a.category === b.category &&
  a.total === b.total &&
  a.grade === b.grade;

/** Entries gained (or lost, below 0) by one total of one ranking scope ('' category: all). */
export interface TotalsDelta {
  scope_kind: ScopeKind;
  scope_id: number;
  category: string;
  total: number;
  delta: number;
}

/** The changes of ranking_totals when `removed` entries leave and `added` ones arrive. */
export function totalsDelta(
  removed: readonly EntryState[],
  added: readonly EntryState[],
): TotalsDelta[] {
  const deltas = new Map<string, number>();
  const count = (entries: readonly EntryState[], sign: number) => {
    for (const e of entries) {
      for (const category of e.category === null ? [''] : ['', e.category]) {
        const key = JSON.stringify([e.scope_kind, e.scope_id, category, e.total]);
        deltas.set(key, (deltas.get(key) ?? 0) + sign);
      }
    }
  };
  count(removed, -1);
  count(added, 1);
  // A fixed order: two writers never take the same counters in opposite orders.
  return [...deltas]
    .filter(([, delta]) => delta !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, delta]) => {
      const [scope_kind, scope_id, category, total] = JSON.parse(key) as [
        ScopeKind,
        number,
        string,
        number,
      ];
      return { scope_kind, scope_id, category, total, delta };
    });
}

/** A total of one ranking scope ('' category: all). */
export type TotalKey = Omit<TotalsDelta, 'delta'>;

/**
 * The totals on which an entry left or arrived (a rename or a move between units touches its
 * total without changing any count): a page holding none of them is unchanged but for N.
 */
export function touchedTotals(
  removed: readonly EntryState[],
  added: readonly EntryState[],
): TotalKey[] {
  return [...removed, ...added].flatMap((e) =>
    (e.category === null ? [''] : ['', e.category]).map((category) => ({
      scope_kind: e.scope_kind,
      scope_id: e.scope_id,
      category,
      total: e.total,
    })),
  );
}

/** What a sync moved: the counters' changes, and every total an entry left or arrived on. */
export interface SyncedTotals {
  deltas: TotalsDelta[];
  touched: TotalKey[];
}

const numberOrNull = (value: unknown): number | null => (value === null ? null : Number(value));

function entryOf(row: Record<string, unknown>, kind: ScopeKind, scopeId: number): EntryState {
  return {
    scope_kind: kind,
    scope_id: scopeId,
    name: String(row.name),
    agency_id: Number(row.agency_id),
    unit_id: numberOrNull(row.unit_id),
    category: row.category === null ? null : String(row.category),
    total: Number(row.total),
    grade: String(row.grade),
  };
}

/**
 * The two reads a sync starts with: the subjects' sources (their approved evaluations) and their
 * current ranking rows. Set-based: the same statements for one subject or a hundred.
 */
export function syncReads(
  period: string,
  subjectType: SubjectType,
  subjectIds: readonly number[],
): [Statement, Statement] {
  const list = subjectIds.map(() => '?').join(', ');
  return [
    {
      sql: `${sourceOf(subjectType, false)} AND s.subject_id IN (${list})`,
      params: [period, ...subjectIds],
    },
    {
      sql: `SELECT subject_id, scope_kind, scope_id, name, agency_id, unit_id, category, total, grade
        FROM ranking_entries WHERE subject_type = ? AND period = ? AND subject_id IN (${list})`,
      params: [subjectType, period, ...subjectIds],
    },
  ];
}

/**
 * From the answers of syncReads, the writes that bring the subjects' rows in line: only what
 * differs, their own entries (at most one per scope) and the counters of the totals they left
 * and joined. Also the counters' changes and the totals touched (for the readers' caches).
 */
export function planSync(
  dialect: Dialect,
  period: string,
  subjectType: SubjectType,
  subjectIds: readonly number[],
  sources: readonly Record<string, unknown>[],
  currentRows: readonly Record<string, unknown>[],
): { writes: Statement[]; totals: SyncedTotals } {
  const wanted = new Map<number, EntryState[]>();
  for (const source of sources) {
    const entries = [entryOf(source, 'city', 0)];
    if (subjectType === 'person') {
      entries.push(entryOf(source, 'agency', Number(source.agency_id)));
      if (source.unit_id !== null) entries.push(entryOf(source, 'unit', Number(source.unit_id)));
    }
    wanted.set(Number(source.subject_id), entries);
  }
  const current = new Map(
    [...groupBy(currentRows, (row) => Number(row.subject_id))].map(([id, rows]) => [
      id,
      rows.map((row) => entryOf(row, row.scope_kind as ScopeKind, Number(row.scope_id))),
    ]),
  );
  const removed: (EntryState & { subject_id: number })[] = [];
  const added: (EntryState & { subject_id: number })[] = [];
  for (const id of subjectIds) {
    const want = wanted.get(id) ?? [];
    const have = current.get(id) ?? [];
    for (const c of have)
      if (!want.some((w) => sameEntry(c, w))) removed.push({ ...c, subject_id: id });
    for (const w of want)
      if (!have.some((c) => sameEntry(c, w))) added.push({ ...w, subject_id: id });
  }
  const writes: Statement[] = [];
  if (removed.length) {
    writes.push({
      sql: `DELETE FROM ranking_entries WHERE period = ? AND subject_type = ? AND (${removed
        .map(() => '(subject_id = ? AND scope_kind = ? AND scope_id = ?)')
        .join(' OR ')})`,
      params: [
        period,
        subjectType,
        ...removed.flatMap((e) => [e.subject_id, e.scope_kind, e.scope_id]),
      ],
    });
  }
  if (added.length) {
    writes.push({
      sql: `INSERT INTO ranking_entries (period, subject_type, scope_kind, scope_id, subject_id, name,
         agency_id, unit_id, category, total, grade)
       VALUES ${added.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      params: added.flatMap((e) => [
        period,
        subjectType,
        e.scope_kind,
        e.scope_id,
        e.subject_id,
        e.name,
        e.agency_id,
        e.unit_id,
        e.category,
        e.total,
        e.grade,
      ]),
    });
  }
  // Every counter moved by one upsert (a total left has its row: adding -1 to it), then the
  // counters left empty deleted.
  const key = ['period', 'subject_type', 'scope_kind', 'scope_id', 'category', 'total'];
  const deltas = totalsDelta(removed, added);
  if (deltas.length) {
    writes.push({
      sql: upsertAdding(dialect, 'ranking_totals', key, [...key, 'entries'], deltas.length),
      params: deltas.flatMap((d) => [
        period,
        subjectType,
        d.scope_kind,
        d.scope_id,
        d.category,
        d.total,
        d.delta,
      ]),
    });
  }
  const emptied = deltas.filter((d) => d.delta < 0);
  if (emptied.length) {
    writes.push({
      sql: `DELETE FROM ranking_totals WHERE period = ? AND subject_type = ? AND entries <= 0 AND (${emptied
        .map(() => '(scope_kind = ? AND scope_id = ? AND category = ? AND total = ?)')
        .join(' OR ')})`,
      params: [
        period,
        subjectType,
        ...emptied.flatMap((d) => [d.scope_kind, d.scope_id, d.category, d.total]),
      ],
    });
  }
  return { writes, totals: { deltas, touched: touchedTotals(removed, added) } };
}

/**
 * Brings some subjects' rows of a quarter in line with their approved evaluations (or their
 * absence), in the caller's transaction, after bumpVersion or takeTurn took the period's turn:
 * syncReads, then planSync's writes, a statement at a time. Returns what planSync returns.
 */
export async function syncSubjects(
  manager: EntityManager,
  dialect: Dialect,
  period: string,
  subjectType: SubjectType,
  subjectIds: readonly number[],
): Promise<SyncedTotals> {
  const ids = [...new Set(subjectIds)];
  if (ids.length === 0) return { deltas: [], touched: [] };
  const [sourcesRead, currentRead] = syncReads(period, subjectType, ids);
  const sources = (await manager.query(sourcesRead.sql, [...sourcesRead.params])) as Record<
    string,
    unknown
  >[];
  const current = (await manager.query(currentRead.sql, [...currentRead.params])) as Record<
    string,
    unknown
  >[];
  const { writes, totals } = planSync(dialect, period, subjectType, ids, sources, current);
  for (const write of writes) await manager.query(write.sql, [...write.params]);
  return totals;
}

/** A person's agency, or undefined when there is no such person. */
export async function agencyOfPerson(
  manager: EntityManager,
  personId: number,
): Promise<number | undefined> {
  const [row] = (await manager.query('SELECT agency_id FROM people WHERE id = ?', [personId])) as {
    agency_id: number | string;
  }[];
  return row ? Number(row.agency_id) : undefined;
}

/** One ranking: a period, a subject type, a scope and optionally a category within it. */
export interface RankingScope {
  period: string;
  subjectType: SubjectType;
  kind: ScopeKind;
  scopeId: number;
  category?: string;
}

/** The counts of each total of a ranking, on ranking_totals' primary key. */
export async function readTotals(
  manager: EntityManager,
  scope: RankingScope,
): Promise<TotalCount[]> {
  const rows = (await manager.query(
    `SELECT total, entries FROM ranking_totals
     WHERE period = ? AND subject_type = ? AND scope_kind = ? AND scope_id = ? AND category = ?`,
    [scope.period, scope.subjectType, scope.kind, scope.scopeId, scope.category ?? ''],
  )) as { total: number | string; entries: number | string }[];
  return rows.map((row) => ({ total: Number(row.total), entries: Number(row.entries) }));
}

export interface EntryRow {
  subject_id: number;
  name: string;
  agency_id: number;
  unit_id: number | null;
  category: string | null;
  total: number | string;
  grade: string;
  /** The subject's total in the same ranking of the previous period, if it was ranked. */
  previous_total: number | string | null;
}

/**
 * Entries of a ranking with totals in [lowest, highest], in display order, `skip` of them left
 * out, at most `limit`: the rows a page spans are found on ix_ranking_entries_total (or its
 * category twin) and only they are sorted. Each is joined to its row of the previous period.
 */
export async function readRange(
  manager: EntityManager,
  dialect: Dialect,
  scope: RankingScope,
  previousPeriod: string,
  range: { highest: number; lowest: number; skip: number; limit: number },
): Promise<EntryRow[]> {
  const byCategory = scope.category !== undefined;
  const params: unknown[] = [scope.period, scope.subjectType, scope.kind, scope.scopeId];
  if (byCategory) params.push(scope.category);
  const order = `ORDER BY e.total DESC, ${binaryName(dialect, 'e.name')}, e.subject_id`;
  return (await manager.query(
    `SELECT e.*, prev.total AS previous_total FROM (
       SELECT e.subject_type, e.scope_kind, e.scope_id, e.subject_id, e.name, e.agency_id,
         e.unit_id, e.category, e.total, e.grade
       FROM ranking_entries e
       WHERE e.period = ? AND e.subject_type = ? AND e.scope_kind = ? AND e.scope_id = ?${
         byCategory ? ' AND e.category = ?' : ''
       } AND e.total <= ? AND e.total >= ?
       ${order} LIMIT ${Number(range.limit)} OFFSET ${Number(range.skip)}
     ) e
     LEFT JOIN ranking_entries prev ON prev.period = ? AND prev.subject_type = e.subject_type
       AND prev.scope_kind = e.scope_kind AND prev.scope_id = e.scope_id
       AND prev.subject_id = e.subject_id${byCategory ? ' AND prev.category = e.category' : ''}
     ${order}`,
    [...params, range.highest, range.lowest, previousPeriod],
  )) as EntryRow[];
}

export interface HistoryRow {
  period: string;
  scope_id: number | string;
  total: number | string;
  grade: string;
}

/** Every period a subject was ranked in, in one scope kind, by ix_ranking_entries_subject. */
export async function readHistory(
  manager: EntityManager,
  subjectType: SubjectType,
  subjectId: number,
  kind: ScopeKind,
): Promise<HistoryRow[]> {
  return (await manager.query(
    `SELECT period, scope_id, total, grade FROM ranking_entries
     WHERE subject_type = ? AND subject_id = ? AND scope_kind = ?`,
    [subjectType, subjectId, kind],
  )) as HistoryRow[];
}

/** The version of every ranking built: a small table, read whole. */
export async function readVersions(
  manager: EntityManager,
): Promise<{ period: string; subject_type: SubjectType; version: number | string }[]> {
  return (await manager.query('SELECT period, subject_type, version FROM ranking_snapshots')) as {
    period: string;
    subject_type: SubjectType;
    version: number | string;
  }[];
}
