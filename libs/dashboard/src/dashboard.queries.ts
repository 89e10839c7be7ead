import type { EntityManager } from 'typeorm';
import type { Dialect } from '@app/core';

// Set-based reads of the dashboards: one GROUP BY per figure over the agency's (or the city's)
// rows. Read-only on the tables of org, evaluations and roll-ups.

type Raw = Record<string, string | number | null>;
type Grade = 'A' | 'B' | 'C' | 'D';

const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');
const num = (value: string | number | null | undefined) => Number(value ?? 0);

export interface AgencyHeader {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
}

export async function readAgency(
  manager: EntityManager,
  agencyId: number,
): Promise<AgencyHeader | null> {
  const [row] = (await manager.query(
    'SELECT id, code, name, short_name FROM agencies WHERE id = ?',
    [agencyId],
  )) as Raw[];
  return row ? agencyHeaderOf(row) : null;
}

function agencyHeaderOf(row: Raw): AgencyHeader {
  return {
    id: num(row.id),
    code: String(row.code),
    name: String(row.name),
    shortName: row.short_name === null ? null : String(row.short_name),
  };
}

export interface UnitRow {
  id: number;
  name: string;
  parentId: number | null;
  active: boolean;
}

/** The agency's units, by name. */
export async function readUnits(manager: EntityManager, agencyId: number): Promise<UnitRow[]> {
  const rows = (await manager.query(
    'SELECT id, name, parent_id, active FROM units WHERE agency_id = ? ORDER BY name, id',
    [agencyId],
  )) as Raw[];
  return rows.map((r) => ({
    id: num(r.id),
    name: String(r.name),
    parentId: r.parent_id === null ? null : num(r.parent_id),
    active: num(r.active) === 1,
  }));
}

/** Active people per unit of the agency (key null: people without a unit). */
export async function readHeadcountByUnit(
  manager: EntityManager,
  agencyId: number,
): Promise<Map<number | null, number>> {
  const rows = (await manager.query(
    'SELECT unit_id, COUNT(*) AS n FROM people WHERE agency_id = ? AND active = 1 GROUP BY unit_id',
    [agencyId],
  )) as Raw[];
  return new Map(rows.map((r) => [r.unit_id === null ? null : num(r.unit_id), num(r.n)]));
}

export interface UnitEvaluationRow {
  evaluated: number;
  approved: number;
  grades: Record<Grade, number>;
}

/**
 * Person evaluations of the quarter per unit (the unit each person had when evaluated): all of
 * them, the approved ones, and the approved ones by grade.
 */
export async function readEvaluationsByUnit(
  manager: EntityManager,
  agencyId: number,
  period: string,
): Promise<Map<number | null, UnitEvaluationRow>> {
  const approved = "status = 'approved'";
  const grades = (['A', 'B', 'C', 'D'] as const)
    .map((g) => `SUM(CASE WHEN ${approved} AND grade = '${g}' THEN 1 ELSE 0 END) AS grade_${g}`)
    .join(', ');
  const rows = (await manager.query(
    `SELECT unit_id, COUNT(*) AS evaluated,
       SUM(CASE WHEN ${approved} THEN 1 ELSE 0 END) AS approved, ${grades}
     FROM evaluations
     WHERE period = ? AND subject_type = 'person' AND agency_id = ?
     GROUP BY unit_id`,
    [period, agencyId],
  )) as Raw[];
  return new Map(
    rows.map((r) => [
      r.unit_id === null ? null : num(r.unit_id),
      {
        evaluated: num(r.evaluated),
        approved: num(r.approved),
        grades: { A: num(r.grade_A), B: num(r.grade_B), C: num(r.grade_C), D: num(r.grade_D) },
      },
    ]),
  );
}

/**
 * Submitted person evaluations of the agency: of the quarter asked for, and of every quarter not
 * closed (what the head can approve now; a closed quarter's submissions wait for its reopening).
 */
export async function readWaiting(
  manager: EntityManager,
  agencyId: number,
  period: string,
): Promise<{ period: number; openPeriods: number }> {
  const closed =
    "EXISTS (SELECT 1 FROM periods p WHERE p.`key` = e.period AND p.status = 'closed')";
  const [row] = (await manager.query(
    `SELECT SUM(CASE WHEN e.period = ? THEN 1 ELSE 0 END) AS in_period,
       SUM(CASE WHEN ${closed} THEN 0 ELSE 1 END) AS in_open
     FROM evaluations e
     WHERE e.agency_id = ? AND e.subject_type = 'person' AND e.status = 'submitted'`,
    [period, agencyId],
  )) as Raw[];
  return { period: num(row?.in_period), openPeriods: num(row?.in_open) };
}

/** Integer hundredths of a DECIMAL(6,2) column, exact on both engines. */
function hundredths(dialect: Dialect, expression: string): string {
  return `CAST(ROUND(${expression} * 100) AS ${dialect === 'mysql' ? 'SIGNED' : 'INTEGER'})`;
}

/** Half-up integer division of two positive integer expressions. */
function roundedQuotient(dialect: Dialect, numerator: string, denominator: string): string {
  const divide = dialect === 'mysql' ? 'DIV' : '/';
  return `((2 * (${numerator}) + (${denominator})) ${divide} (2 * (${denominator})))`;
}

export interface AgencyAverageRow extends AgencyHeader {
  rank: number;
  averageHundredths: number;
  people: number;
}

/**
 * A page of agencies ranked by the mean total of their people's approved results of the period
 * (approved evaluations of a quarter, roll-ups of a half or year), the mean rounded half up to
 * hundredths in integers before ranking, so that equal shown averages share a rank. Ties: by
 * name, then id.
 */
export async function readAgencyAverages(
  manager: EntityManager,
  dialect: Dialect,
  period: string,
  fromRollups: boolean,
  offset: number,
  limit: number,
): Promise<{ rows: AgencyAverageRow[]; total: number }> {
  const source = fromRollups
    ? "SELECT agency_id, total FROM rollup_results WHERE period = ? AND subject_type = 'person'"
    : "SELECT agency_id, total FROM evaluations WHERE period = ? AND subject_type = 'person' AND status = 'approved'";
  const averages = `SELECT s.agency_id, COUNT(*) AS people,
      ${roundedQuotient(dialect, `SUM(${hundredths(dialect, 's.total')})`, 'COUNT(*)')} AS average_h
    FROM (${source}) s GROUP BY s.agency_id`;
  const name = dialect === 'mysql' ? 'a.name COLLATE utf8mb4_bin' : 'a.name';
  const rows = (await manager.query(
    `SELECT r.* FROM (
       SELECT a.id, a.code, a.name, a.short_name, m.people, m.average_h,
         RANK() OVER (ORDER BY m.average_h DESC) AS \`rank\`,
         ROW_NUMBER() OVER (ORDER BY m.average_h DESC, ${name}, a.id) AS position
       FROM (${averages}) m JOIN agencies a ON a.id = m.agency_id
     ) r WHERE r.position > ? AND r.position <= ? ORDER BY r.position`,
    [period, offset, offset + limit],
  )) as Raw[];
  const [count] = (await manager.query(`SELECT COUNT(DISTINCT agency_id) AS n FROM (${source}) s`, [
    period,
  ])) as Raw[];
  return {
    rows: rows.map((r) => ({
      ...agencyHeaderOf(r),
      rank: num(r.rank),
      averageHundredths: num(r.average_h),
      people: num(r.people),
    })),
    total: num(count?.n),
  };
}

/** Every active agency, by name. */
export async function readActiveAgencies(manager: EntityManager): Promise<AgencyHeader[]> {
  const rows = (await manager.query(
    'SELECT id, code, name, short_name FROM agencies WHERE active = 1 ORDER BY name, id',
  )) as Raw[];
  return rows.map(agencyHeaderOf);
}

/** Active people per agency. */
export async function readHeadcountByAgency(manager: EntityManager): Promise<Map<number, number>> {
  const rows = (await manager.query(
    'SELECT agency_id, COUNT(*) AS n FROM people WHERE active = 1 GROUP BY agency_id',
  )) as Raw[];
  return new Map(rows.map((r) => [num(r.agency_id), num(r.n)]));
}

/** People evaluated and approved per agency and quarter, over the quarters given. */
export async function readEvaluatedByAgencyAndQuarter(
  manager: EntityManager,
  quarters: readonly string[],
): Promise<Map<string, { evaluated: number; approved: number }>> {
  const rows = (await manager.query(
    `SELECT agency_id, period, COUNT(*) AS evaluated,
       SUM(CASE WHEN status = 'approved' THEN 1 ELSE 0 END) AS approved
     FROM evaluations WHERE subject_type = 'person' AND period IN (${marks(quarters)})
     GROUP BY agency_id, period`,
    [...quarters],
  )) as Raw[];
  return new Map(
    rows.map((r) => [
      `${num(r.agency_id)}|${String(r.period)}`,
      { evaluated: num(r.evaluated), approved: num(r.approved) },
    ]),
  );
}
