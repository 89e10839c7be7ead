import type { EntityManager } from 'typeorm';
import type { Dialect } from '@app/core';

// Set-based reads of the period report: each is one GROUP BY over the period's rows, for every
// agency in scope at once. Read-only on the tables of org, evaluations and roll-ups.

export interface ReportFilter {
  period: string;
  /** The quarters the period spans (incidents, inspections and "evaluated" count over them). */
  quarters: string[];
  fromRollups: boolean;
  agencyId?: number;
}

export interface AgencyRow {
  id: number;
  code: string;
  name: string;
}

export interface PersonResultRow {
  agencyId: number;
  evaluated: number;
  approved: number;
  sumHundredths: number;
  grades: Record<'A' | 'B' | 'C' | 'D', number>;
}

export interface AgencyResultRow {
  agencyId: number;
  total: number;
  grade: string;
}

export interface IncidentCountRow {
  agencyId: number;
  criterionCode: string;
  count: number;
}

export interface InspectionRow {
  id: number;
  agencyId: number;
  agencyName: string;
  period: string;
  visitedOn: string;
  leader: string;
  membersJson: string;
  strengths: string;
  shortcomings: string;
  recommendations: string;
}

type Raw = Record<string, string | number | null>;

function hundredths(dialect: Dialect, expression: string): string {
  return `CAST(ROUND(${expression} * 100) AS ${dialect === 'mysql' ? 'SIGNED' : 'INTEGER'})`;
}

const marks = (values: unknown[]) => values.map(() => '?').join(', ');

function agencyClause(column: string, filter: ReportFilter, params: unknown[]): string {
  if (filter.agencyId === undefined) return '';
  params.push(filter.agencyId);
  return ` AND ${column} = ?`;
}

/** The agencies reported on: every active one, or the one asked for. */
export async function readAgencies(
  manager: EntityManager,
  agencyId: number | undefined,
): Promise<AgencyRow[]> {
  const rows = (await manager.query(
    agencyId === undefined
      ? 'SELECT id, code, name FROM agencies WHERE active = 1 ORDER BY name, id'
      : 'SELECT id, code, name FROM agencies WHERE id = ?',
    agencyId === undefined ? [] : [agencyId],
  )) as Raw[];
  return rows.map((r) => ({ id: Number(r.id), code: String(r.code), name: String(r.name) }));
}

/** Active people per agency. */
export async function readHeadcounts(
  manager: EntityManager,
  filter: ReportFilter,
): Promise<Map<number, number>> {
  const params: unknown[] = [];
  const where = agencyClause('agency_id', filter, params);
  const rows = (await manager.query(
    `SELECT agency_id, COUNT(*) AS n FROM people WHERE active = 1${where} GROUP BY agency_id`,
    params,
  )) as Raw[];
  return new Map(rows.map((r) => [Number(r.agency_id), Number(r.n)]));
}

/**
 * People evaluated, approved, and the approved results (sum of totals in hundredths, grades) per
 * agency. A quarter reads its evaluations; a half or a year counts people with an evaluation in
 * the span as evaluated and reads the approved results from the roll-ups.
 */
export async function readPersonResults(
  manager: EntityManager,
  dialect: Dialect,
  filter: ReportFilter,
): Promise<PersonResultRow[]> {
  const gradeSums = (approved: string) =>
    ['A', 'B', 'C', 'D']
      .map((g) => `SUM(CASE WHEN ${approved} AND grade = '${g}' THEN 1 ELSE 0 END) AS grade_${g}`)
      .join(', ');
  const results = new Map<number, PersonResultRow>();
  const entry = (agencyId: number): PersonResultRow => {
    let row = results.get(agencyId);
    if (!row) {
      row = {
        agencyId,
        evaluated: 0,
        approved: 0,
        sumHundredths: 0,
        grades: { A: 0, B: 0, C: 0, D: 0 },
      };
      results.set(agencyId, row);
    }
    return row;
  };
  const fillApproved = (r: Raw) => {
    const row = entry(Number(r.agency_id));
    row.approved = Number(r.approved);
    row.sumHundredths = Number(r.sum_h ?? 0);
    row.grades = {
      A: Number(r.grade_A ?? 0),
      B: Number(r.grade_B ?? 0),
      C: Number(r.grade_C ?? 0),
      D: Number(r.grade_D ?? 0),
    };
  };
  if (!filter.fromRollups) {
    const params: unknown[] = [filter.period];
    const where = agencyClause('agency_id', filter, params);
    const approved = "status = 'approved'";
    const rows = (await manager.query(
      `SELECT agency_id, COUNT(*) AS evaluated,
         SUM(CASE WHEN ${approved} THEN 1 ELSE 0 END) AS approved,
         SUM(CASE WHEN ${approved} THEN ${hundredths(dialect, 'total')} ELSE 0 END) AS sum_h,
         ${gradeSums(approved)}
       FROM evaluations WHERE period = ? AND subject_type = 'person'${where}
       GROUP BY agency_id`,
      params,
    )) as Raw[];
    for (const r of rows) {
      fillApproved(r);
      entry(Number(r.agency_id)).evaluated = Number(r.evaluated);
    }
    return [...results.values()];
  }
  const evaluatedParams: unknown[] = [...filter.quarters];
  const evaluatedWhere = agencyClause('agency_id', filter, evaluatedParams);
  const evaluated = (await manager.query(
    `SELECT agency_id, COUNT(DISTINCT subject_id) AS evaluated FROM evaluations
     WHERE period IN (${marks(filter.quarters)}) AND subject_type = 'person'${evaluatedWhere}
     GROUP BY agency_id`,
    evaluatedParams,
  )) as Raw[];
  const params: unknown[] = [filter.period];
  const where = agencyClause('agency_id', filter, params);
  const rollups = (await manager.query(
    `SELECT agency_id, COUNT(*) AS approved, SUM(${hundredths(dialect, 'total')}) AS sum_h,
       ${gradeSums('1 = 1')}
     FROM rollup_results WHERE period = ? AND subject_type = 'person'${where}
     GROUP BY agency_id`,
    params,
  )) as Raw[];
  for (const r of evaluated) entry(Number(r.agency_id)).evaluated = Number(r.evaluated);
  for (const r of rollups) fillApproved(r);
  return [...results.values()];
}

/** Each agency's own approved result of the period (its evaluation, or its roll-up). */
export async function readAgencyResults(
  manager: EntityManager,
  filter: ReportFilter,
): Promise<Map<number, AgencyResultRow>> {
  const params: unknown[] = [filter.period];
  const where = agencyClause('subject_id', filter, params);
  const rows = (await manager.query(
    filter.fromRollups
      ? `SELECT subject_id, total, grade FROM rollup_results
         WHERE period = ? AND subject_type = 'agency'${where}`
      : `SELECT subject_id, total, grade FROM evaluations
         WHERE period = ? AND subject_type = 'agency' AND status = 'approved'${where}`,
    params,
  )) as Raw[];
  return new Map(
    rows.map((r) => [
      Number(r.subject_id),
      { agencyId: Number(r.subject_id), total: Number(r.total), grade: String(r.grade) },
    ]),
  );
}

/** Incidents (not deleted) in the span per agency and criterion: its people's and its own. */
export async function readIncidentCounts(
  manager: EntityManager,
  filter: ReportFilter,
): Promise<IncidentCountRow[]> {
  const params: unknown[] = [...filter.quarters];
  const where = agencyClause('agency_id', filter, params);
  const rows = (await manager.query(
    `SELECT agency_id, criterion_code, COUNT(*) AS n FROM incidents
     WHERE period IN (${marks(filter.quarters)}) AND deleted_at IS NULL${where}
     GROUP BY agency_id, criterion_code ORDER BY criterion_code`,
    params,
  )) as Raw[];
  return rows.map((r) => ({
    agencyId: Number(r.agency_id),
    criterionCode: String(r.criterion_code),
    count: Number(r.n),
  }));
}

/** The inspection visits of the span, oldest first. */
export async function readInspections(
  manager: EntityManager,
  filter: ReportFilter,
): Promise<InspectionRow[]> {
  const params: unknown[] = [...filter.quarters];
  const where = agencyClause('i.agency_id', filter, params);
  const rows = (await manager.query(
    `SELECT i.id, i.agency_id, a.name AS agency_name, i.period, i.visited_on, i.leader,
       i.members_json, i.strengths, i.shortcomings, i.recommendations
     FROM inspections i JOIN agencies a ON a.id = i.agency_id
     WHERE i.period IN (${marks(filter.quarters)})${where}
     ORDER BY i.visited_on, i.id`,
    params,
  )) as Raw[];
  return rows.map((r) => ({
    id: Number(r.id),
    agencyId: Number(r.agency_id),
    agencyName: String(r.agency_name),
    period: String(r.period),
    visitedOn: String(r.visited_on),
    leader: String(r.leader),
    membersJson: String(r.members_json ?? '[]'),
    strengths: String(r.strengths ?? ''),
    shortcomings: String(r.shortcomings ?? ''),
    recommendations: String(r.recommendations ?? ''),
  }));
}
