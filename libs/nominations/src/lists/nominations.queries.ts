import type { EntityManager } from 'typeorm';
import { GRADE_LABELS, type Grade } from '@app/domain';
import type { NominationExportRow } from '@app/exports';
import type { NominationEntryView } from '../dto/nomination.dto';

// Reads of nomination entries with the names, positions and units they are shown with.

/** Entries read in pages of this size by the export, so memory stays flat. */
export const EXPORT_CHUNK = 1000;

interface EntryRaw {
  id: number | string;
  subject_type: string;
  subject_id: number | string;
  name: string | null;
  position: string | null;
  unit_name: string | null;
  agency_id: number | string;
  achievement: string;
  override_reason: string | null;
  candidate: number | string | boolean;
  total: number | string | null;
  grade: string | null;
  scope_rank: number | string | null;
  ranked_of: number | string | null;
  created_at: string | Date;
}

const SELECT_ENTRIES = `SELECT e.id, e.subject_type, e.subject_id,
    CASE WHEN e.subject_type = 'person' THEN p.full_name ELSE a.name END AS name,
    CASE WHEN e.subject_type = 'person' THEN p.position ELSE NULL END AS position,
    CASE WHEN e.subject_type = 'person' THEN COALESCE(u.name, pa.name) ELSE NULL END AS unit_name,
    e.agency_id, e.achievement, e.override_reason, e.candidate, e.total, e.grade, e.scope_rank,
    e.ranked_of, e.created_at
  FROM nomination_entries e
  LEFT JOIN people p ON e.subject_type = 'person' AND p.id = e.subject_id
  LEFT JOIN units u ON u.id = p.unit_id
  LEFT JOIN agencies pa ON pa.id = p.agency_id
  LEFT JOIN agencies a ON e.subject_type = 'agency' AND a.id = e.subject_id`;

const num = (value: number | string | null): number | null =>
  value === null ? null : Number(value);

function instantText(value: string | Date): string {
  if (value instanceof Date) return value.toISOString();
  // SQLite gives "YYYY-MM-DD HH:MM:SS.mmm" (UTC).
  return new Date(`${value.replace(' ', 'T')}Z`).toISOString();
}

function entryView(row: EntryRaw): NominationEntryView {
  return {
    id: Number(row.id),
    subjectType: row.subject_type,
    subjectId: Number(row.subject_id),
    name: row.name ?? '',
    position: row.position,
    unitName: row.unit_name,
    agencyId: Number(row.agency_id),
    achievement: row.achievement,
    overrideReason: row.override_reason,
    candidate: Boolean(Number(row.candidate)),
    total: num(row.total),
    grade: row.grade,
    rank: num(row.scope_rank),
    rankedOf: num(row.ranked_of),
    createdAt: instantText(row.created_at),
  };
}

/** The entries of one list, in the order they were added. */
export async function readEntries(
  manager: EntityManager,
  listId: number,
): Promise<NominationEntryView[]> {
  const rows = (await manager.query(`${SELECT_ENTRIES} WHERE e.list_id = ? ORDER BY e.id`, [
    listId,
  ])) as EntryRaw[];
  return rows.map(entryView);
}

/** Entry counts of the given lists. */
export async function countEntries(
  manager: EntityManager,
  listIds: number[],
): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (listIds.length === 0) return counts;
  const rows = (await manager.query(
    `SELECT list_id, COUNT(*) AS n FROM nomination_entries
     WHERE list_id IN (${listIds.map(() => '?').join(', ')}) GROUP BY list_id`,
    listIds,
  )) as { list_id: number | string; n: number | string }[];
  for (const row of rows) counts.set(Number(row.list_id), Number(row.n));
  return counts;
}

/**
 * The rows of an exported list (SPEC §8 columns), read by keyset in chunks of EXPORT_CHUNK on
 * ix_nomination_entries_list: memory does not grow with the number of entries.
 */
export async function* streamExportRows(
  manager: EntityManager,
  listId: number,
): AsyncGenerator<NominationExportRow> {
  let after = 0;
  let stt = 0;
  for (;;) {
    const rows = (await manager.query(
      `${SELECT_ENTRIES} WHERE e.list_id = ? AND e.id > ? ORDER BY e.id LIMIT ${EXPORT_CHUNK}`,
      [listId, after],
    )) as EntryRaw[];
    for (const raw of rows) {
      const entry = entryView(raw);
      yield {
        stt: ++stt,
        name: entry.name,
        position: entry.position,
        unit: entry.unitName,
        total: entry.total,
        grade: entry.grade ? (GRADE_LABELS[entry.grade as Grade] ?? entry.grade) : null,
        rank: entry.rank,
        achievement: entry.achievement,
      };
    }
    if (rows.length < EXPORT_CHUNK) return;
    after = Number(rows[rows.length - 1].id);
  }
}
