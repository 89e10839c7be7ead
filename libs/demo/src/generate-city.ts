import { SingleBar, Presets } from 'cli-progress';
import type { DataSource, EntityManager } from 'typeorm';
import { scoreEvaluation, type CriterionDef, type CriterionValue } from '@app/domain';
import { searchTermsOf } from '@app/org';
import { pick, seededRandom, vietnameseName } from './vietnamese-names';

// A city at scale for benchmarks: agencies with units, people, a published criteria set per
// target, approved evaluations of every person and agency for a run of quarters (scored by the
// domain rules) and the incidents behind their count criterion. Batched multi-row INSERTs,
// one transaction per phase; the same SQL on SQLite and MariaDB.

export interface GenerateCityOptions {
  agencies?: number;
  people?: number;
  /** Criteria of the person set (at least 4). */
  criteria?: number;
  /** How many quarters, ending with `lastQuarter`. */
  quarters?: number;
  /** Default: the last finished quarter. */
  lastQuarter?: string;
  seed?: number;
  /** true: a progress bar on a terminal; a function: called after each batch. */
  progress?: boolean | ((phase: string, done: number, total: number) => void);
  /** Rows per INSERT. */
  batchSize?: number;
}

export interface GeneratedCity {
  tag: string;
  agencies: number;
  units: number;
  people: number;
  evaluations: number;
  incidents: number;
  quarters: string[];
  personSetId: number;
  agencySetId: number;
  seconds: number;
}

const UNITS_PER_AGENCY = 5;
const CATEGORIES = ['cadre', 'civil_servant', 'public_employee', 'worker', 'contract'] as const;
const UNIT_NAMES = ['Văn phòng', 'Bộ phận một cửa', 'Phòng Tổ chức', 'Phòng Kế hoạch', 'Thanh tra'];
const AGENCY_WORDS = [
  'Tài chính',
  'Nội vụ',
  'Xây dựng',
  'Y tế',
  'Giáo dục',
  'Tư pháp',
  'Công thương',
];
const INCIDENT_CODE = 'VP';
const NOW = () => new Date().toISOString().replace('T', ' ').replace('Z', '');

/** Criteria of every kind; the last one counts incidents. */
export function cityCriteria(count: number): CriterionDef[] {
  const defs: CriterionDef[] = [];
  for (let i = 1; i < Math.max(4, count); i++) {
    const kind = (['score', 'boolean', 'percentage'] as const)[i % 3];
    defs.push({
      code: `C${i}`,
      name: `Tiêu chí ${i}`,
      group: `Nhóm ${1 + Math.floor((i - 1) / 5)}`,
      kind,
      maxPoints: 5,
      target: kind === 'percentage' ? 90 : null,
      penaltyPerUnit: null,
      bonus: false,
      fromIncidents: false,
      disqualifying: false,
    });
  }
  defs.push({
    code: INCIDENT_CODE,
    name: 'Vi phạm quy tắc ứng xử',
    group: 'Vi phạm',
    kind: 'count',
    maxPoints: 5,
    target: null,
    penaltyPerUnit: 2.5,
    bonus: false,
    fromIncidents: true,
    disqualifying: true,
  });
  return defs;
}

function lastFinishedQuarter(now: Date): string {
  const quarter = Math.floor(now.getUTCMonth() / 3) + 1;
  return quarter === 1
    ? `${now.getUTCFullYear() - 1}-Q4`
    : `${now.getUTCFullYear()}-Q${quarter - 1}`;
}

function quartersEndingWith(last: string, count: number): string[] {
  const [year, q] = [Number(last.slice(0, 4)), Number(last.slice(6))];
  const keys: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 4 + (q - 1) - i;
    keys.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  }
  return keys;
}

async function insertRows(
  manager: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
  batchSize: number,
  onBatch: (count: number) => void,
): Promise<void> {
  const quoted = columns.map((c) => `\`${c}\``).join(', ');
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await manager.query(
      `INSERT INTO ${table} (${quoted}) VALUES ${batch.map(() => tuple).join(', ')}`,
      batch.flat(),
    );
    onBatch(batch.length);
  }
}

export async function generateCity(
  dataSource: DataSource,
  options: GenerateCityOptions = {},
): Promise<GeneratedCity> {
  const started = Date.now();
  const agencyCount = options.agencies ?? 500;
  const peopleCount = options.people ?? 100_000;
  const quarters = quartersEndingWith(
    options.lastQuarter ?? lastFinishedQuarter(new Date()),
    options.quarters ?? 4,
  );
  const random = seededRandom(options.seed ?? 2025);
  // Keep a multi-row INSERT under SQLite's 32,766 and MySQL's 65,535 placeholders.
  const batchSize = options.batchSize ?? 1000;
  const tag = `G${Date.now().toString(36).toUpperCase()}`;
  const now = NOW();

  const bar =
    options.progress === true && process.stdout.isTTY
      ? new SingleBar({ format: '{phase} [{bar}] {value}/{total}' }, Presets.shades_classic)
      : null;
  const report = typeof options.progress === 'function' ? options.progress : null;
  let phase = '';
  let done = 0;
  let phaseTotal = 0;
  const begin = (name: string, total: number) => {
    bar?.stop();
    phase = name;
    done = 0;
    phaseTotal = total;
    bar?.start(total, 0, { phase: name.padEnd(12) });
  };
  const advance = (count: number) => {
    done += count;
    bar?.update(done);
    report?.(phase, done, phaseTotal);
  };

  const personDefs = cityCriteria(options.criteria ?? 20);
  const agencyDefs = cityCriteria(8);
  const thresholds = { A: 90, B: 75, C: 50 };
  let personSetId = 0;
  let agencySetId = 0;
  let agencyIds: number[] = [];
  const unitsOf = new Map<number, number[]>();

  try {
    await dataSource.transaction(async (manager) => {
      begin('agencies', agencyCount * (1 + UNITS_PER_AGENCY));
      const sets: [string, string, CriterionDef[]][] = [
        ['person', `${tag}-P`, personDefs],
        ['agency', `${tag}-A`, agencyDefs],
      ];
      for (const [target, code, defs] of sets) {
        await manager.query(
          `INSERT INTO criteria_sets (code, version, name, target, status, threshold_a, threshold_b,
             threshold_c, criteria_json, published_at, created_at, updated_at)
           VALUES (?, 1, ?, ?, 'published', 90, 75, 50, ?, ?, ?, ?)`,
          [code, `Bộ tiêu chí thành phố (${target})`, target, JSON.stringify(defs), now, now, now],
        );
      }
      const setRows = (await manager.query(
        'SELECT id, target FROM criteria_sets WHERE code IN (?, ?)',
        [`${tag}-P`, `${tag}-A`],
      )) as { id: number; target: string }[];
      personSetId = Number(setRows.find((r) => r.target === 'person')!.id);
      agencySetId = Number(setRows.find((r) => r.target === 'agency')!.id);

      const agencies = Array.from({ length: agencyCount }, (_, i) => [
        `${tag}-${i}`,
        `Sở ${pick(random, AGENCY_WORDS)} số ${i + 1}`,
        null,
        1,
        now,
        now,
      ]);
      await insertRows(
        manager,
        'agencies',
        ['code', 'name', 'short_name', 'active', 'created_at', 'updated_at'],
        agencies,
        batchSize,
        advance,
      );
      agencyIds = (
        (await manager.query('SELECT id FROM agencies WHERE code LIKE ? ORDER BY id', [
          `${tag}-%`,
        ])) as { id: number }[]
      ).map((r) => Number(r.id));
      const units = agencyIds.flatMap((agencyId) =>
        UNIT_NAMES.slice(0, UNITS_PER_AGENCY).map((name, i) => [
          agencyId,
          null,
          `U${i + 1}`,
          name,
          1,
          now,
          now,
        ]),
      );
      await insertRows(
        manager,
        'units',
        ['agency_id', 'parent_id', 'code', 'name', 'active', 'created_at', 'updated_at'],
        units,
        batchSize,
        advance,
      );
      const unitRows = (await manager.query(
        `SELECT u.id, u.agency_id FROM units u JOIN agencies a ON a.id = u.agency_id
         WHERE a.code LIKE ? ORDER BY u.id`,
        [`${tag}-%`],
      )) as { id: number; agency_id: number }[];
      for (const row of unitRows) {
        const list = unitsOf.get(Number(row.agency_id)) ?? [];
        list.push(Number(row.id));
        unitsOf.set(Number(row.agency_id), list);
      }
    });

    const people: { id: number; agencyId: number; unitId: number }[] = [];
    await dataSource.transaction(async (manager) => {
      begin('people', peopleCount);
      const rows: unknown[][] = [];
      const names: string[] = [];
      for (let i = 0; i < peopleCount; i++) {
        const agencyId = agencyIds[i % agencyIds.length];
        const unitId = pick(random, unitsOf.get(agencyId)!);
        const name = vietnameseName(random);
        names.push(name);
        rows.push([
          `${tag}${i}`,
          name,
          null,
          pick(random, CATEGORIES),
          random() < 0.3 ? 1 : 0,
          agencyId,
          unitId,
          1,
          now,
          now,
        ]);
      }
      await insertRows(
        manager,
        'people',
        [
          'employee_code',
          'full_name',
          'position',
          'category',
          'party_member',
          'agency_id',
          'unit_id',
          'active',
          'created_at',
          'updated_at',
        ],
        rows,
        batchSize,
        advance,
      );
      const inserted = (await manager.query(
        'SELECT id, employee_code, agency_id, unit_id FROM people WHERE employee_code LIKE ?',
        [`${tag}%`],
      )) as { id: number; employee_code: string; agency_id: number; unit_id: number }[];
      const terms: unknown[][] = [];
      for (const row of inserted) {
        const index = Number(row.employee_code.slice(tag.length));
        people.push({
          id: Number(row.id),
          agencyId: Number(row.agency_id),
          unitId: Number(row.unit_id),
        });
        for (const term of searchTermsOf(names[index])) terms.push([Number(row.id), term]);
      }
      begin('search terms', terms.length);
      await insertRows(
        manager,
        'person_search_terms',
        ['person_id', 'term'],
        terms,
        batchSize * 2,
        advance,
      );
    });

    let evaluationCount = 0;
    let incidentCount = 0;
    const evaluationColumns = [
      'subject_type',
      'subject_id',
      'agency_id',
      'unit_id',
      'period',
      'criteria_set_id',
      'status',
      'version',
      'total',
      'grade',
      'disqualified',
      'values_json',
      'notes_json',
      'approved_at',
      'created_by',
      'created_at',
      'updated_at',
    ];
    const incidentColumns = [
      'subject_type',
      'subject_id',
      'agency_id',
      'criterion_code',
      'occurred_on',
      'period',
      'note',
      'created_by',
      'created_at',
    ];
    const subjects = [
      ...people.map((p) => ({ type: 'person', ...p, setId: personSetId, defs: personDefs })),
      ...agencyIds.map((id) => ({
        type: 'agency',
        id,
        agencyId: id,
        unitId: null as number | null,
        setId: agencySetId,
        defs: agencyDefs,
      })),
    ];
    for (const quarter of quarters) {
      await dataSource.transaction(async (manager) => {
        begin(`scores ${quarter}`, subjects.length);
        const month = (Number(quarter.slice(6)) - 1) * 3 + 1;
        const occurredOn = `${quarter.slice(0, 4)}-${String(month).padStart(2, '0')}-15`;
        const evaluations: unknown[][] = [];
        const incidents: unknown[][] = [];
        for (const subject of subjects) {
          // Most are good, a few are poor; 2% have incidents.
          const quality = 0.55 + random() * 0.45;
          const values: Record<string, CriterionValue> = {};
          for (const def of subject.defs) {
            if (def.kind === 'boolean') values[def.code] = random() < quality + 0.1;
            else if (def.kind === 'percentage') values[def.code] = Math.round(quality * 1000) / 10;
            else if (def.kind === 'score')
              values[def.code] = Math.round(def.maxPoints * quality * 100) / 100;
          }
          const count = random() < 0.02 ? 1 + Math.floor(random() * 2) : 0;
          values[INCIDENT_CODE] = count;
          for (let k = 0; k < count; k++)
            incidents.push([
              subject.type,
              subject.id,
              subject.agencyId,
              INCIDENT_CODE,
              occurredOn,
              quarter,
              'Không đeo thẻ công chức',
              1,
              now,
            ]);
          const score = scoreEvaluation(subject.defs, values, thresholds);
          evaluations.push([
            subject.type,
            subject.id,
            subject.agencyId,
            subject.unitId,
            quarter,
            subject.setId,
            'approved',
            1,
            score.total,
            score.grade,
            score.disqualified ? 1 : 0,
            JSON.stringify(values),
            '{}',
            now,
            1,
            now,
            now,
          ]);
        }
        await insertRows(
          manager,
          'evaluations',
          evaluationColumns,
          evaluations,
          batchSize,
          advance,
        );
        await insertRows(
          manager,
          'incidents',
          incidentColumns,
          incidents,
          batchSize,
          () => undefined,
        );
        evaluationCount += evaluations.length;
        incidentCount += incidents.length;
      });
    }
    return {
      tag,
      agencies: agencyIds.length,
      units: agencyIds.length * UNITS_PER_AGENCY,
      people: people.length,
      evaluations: evaluationCount,
      incidents: incidentCount,
      quarters,
      personSetId,
      agencySetId,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    bar?.stop();
  }
}
