import type { DataSource } from 'typeorm';

// Rows written straight into the tables, for tests that need hundreds of subjects quickly (the
// API path is exercised by the scenario tests). Never used by the app.

const NOW = '2025-01-01 00:00:00.000';

export interface DirectPerson {
  fullName: string;
  agencyId: number;
  unitId: number | null;
  category: string;
}

export async function insertPeople(
  dataSource: DataSource,
  people: DirectPerson[],
  codePrefix: string,
): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, person] of people.entries()) {
    await dataSource.query(
      `INSERT INTO people (employee_code, full_name, position, category, party_member, agency_id,
         unit_id, active, created_at, updated_at) VALUES (?, ?, NULL, ?, 0, ?, ?, 1, ?, ?)`,
      [
        `${codePrefix}${i}`,
        person.fullName,
        person.category,
        person.agencyId,
        person.unitId,
        NOW,
        NOW,
      ],
    );
    const [row] = (await dataSource.query('SELECT id FROM people WHERE employee_code = ?', [
      `${codePrefix}${i}`,
    ])) as { id: number }[];
    ids.push(Number(row.id));
  }
  return ids;
}

export interface DirectEvaluation {
  subjectType: 'person' | 'agency';
  subjectId: number;
  agencyId: number;
  unitId: number | null;
  period: string;
  criteriaSetId: number;
  total: number;
  grade: string;
  disqualified: boolean;
  status?: string;
}

export async function insertEvaluations(
  dataSource: DataSource,
  rows: DirectEvaluation[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 200) {
    const batch = rows.slice(start, start + 200);
    const params: unknown[] = [];
    for (const e of batch) {
      params.push(
        e.subjectType,
        e.subjectId,
        e.agencyId,
        e.unitId,
        e.period,
        e.criteriaSetId,
        e.status ?? 'approved',
        e.total,
        e.grade,
        e.disqualified ? 1 : 0,
        NOW,
        NOW,
      );
    }
    await dataSource.query(
      `INSERT INTO evaluations (subject_type, subject_id, agency_id, unit_id, period,
         criteria_set_id, status, version, total, grade, disqualified, values_json, notes_json,
         created_by, created_at, updated_at)
       VALUES ${batch.map(() => "(?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, '{}', '{}', 1, ?, ?)").join(', ')}`,
      params,
    );
  }
}
