import type { EntityManager } from 'typeorm';

// Read-only, set-based reads on the roll-up and ranking tables (owned by libs/rollups and
// libs/rankings): one query gathers every subject's roll-up, its rank in its candidate scope and
// its incident count in the span; the rules of SPEC §7 are then applied in Node.

export type NomineeKind = 'person' | 'agency';

export interface CandidateFilter {
  period: string;
  /** The quarters of the period: incidents are counted over them. */
  quarters: string[];
  subjectType: NomineeKind;
  agencyId?: number;
  subjectId?: number;
}

export interface CandidateRow {
  subjectId: number;
  name: string;
  agencyId: number;
  unitId: number | null;
  total: number;
  grade: string;
  disqualified: boolean;
  quartersCounted: number;
  rank: number | null;
  rankedOf: number | null;
  incidents: number;
}

interface RawRow {
  subject_id: number | string;
  name: string;
  agency_id: number | string;
  unit_id: number | string | null;
  total: number | string;
  grade: string;
  disqualified: number | string | boolean;
  quarters_counted: number | string;
  scope_rank: number | string | null;
  ranked_of: number | string | null;
  incidents: number | string;
}

const nullableNumber = (value: number | string | null): number | null =>
  value === null ? null : Number(value);

/**
 * Roll-ups of a half or year with their rank in the candidate scope (people: within the agency of
 * the roll-up; agencies: city-wide) and the incidents against each subject in the span, ordered
 * by total (highest first), then name, then id.
 */
export async function readCandidateRows(
  manager: EntityManager,
  filter: CandidateFilter,
): Promise<CandidateRow[]> {
  const person = filter.subjectType === 'person';
  const inQuarters = filter.quarters.map(() => '?').join(', ');
  const params: unknown[] = [...filter.quarters, filter.period, filter.subjectType];
  let where = '';
  if (filter.agencyId !== undefined) {
    where += ' AND r.agency_id = ?';
    params.push(filter.agencyId);
  }
  let subjectFilter = '';
  if (filter.subjectId !== undefined) {
    subjectFilter = ' AND q.subject_id = ?';
    params.push(filter.subjectId);
  }
  // Ranks in the candidate scope, by the SPEC's rule (RANK over the total): one window
  // partition per SELECT (MariaDB 10.11 gets ranks wrong when partitions mix), the subject
  // filter outside it so a single subject keeps its rank among all.
  const partition = person ? 'PARTITION BY r.agency_id ' : '';
  const rows = (await manager.query(
    `SELECT q.*,
       (SELECT COUNT(*) FROM incidents i
         WHERE i.subject_type = q.subject_type AND i.subject_id = q.subject_id
           AND i.period IN (${inQuarters}) AND i.deleted_at IS NULL) AS incidents
     FROM (
       SELECT r.subject_type, r.subject_id, ${person ? 's.full_name' : 's.name'} AS name,
         r.agency_id, r.unit_id, r.total, r.grade, r.disqualified, r.quarters_counted,
         RANK() OVER (${partition}ORDER BY r.total DESC) AS scope_rank,
         COUNT(*) OVER (${partition.trim()}) AS ranked_of
       FROM rollup_results r
       JOIN ${person ? 'people' : 'agencies'} s ON s.id = r.subject_id
       WHERE r.period = ? AND r.subject_type = ?${where}
     ) q
     WHERE 1 = 1${subjectFilter}
     ORDER BY q.total DESC, q.name, q.subject_id`,
    params,
  )) as RawRow[];
  return rows.map((row) => ({
    subjectId: Number(row.subject_id),
    name: row.name,
    agencyId: Number(row.agency_id),
    unitId: nullableNumber(row.unit_id),
    total: Number(row.total),
    grade: row.grade,
    disqualified: Boolean(Number(row.disqualified)),
    quartersCounted: Number(row.quarters_counted),
    rank: nullableNumber(row.scope_rank),
    rankedOf: nullableNumber(row.ranked_of),
    incidents: Number(row.incidents),
  }));
}
