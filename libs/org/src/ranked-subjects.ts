import type { EntityManager } from 'typeorm';

const CHUNK = 500;

/**
 * A subject's name (order among equal totals) and a person's category (category rankings) are
 * part of its ranking rows: after a change to them, every quarter the subject is ranked in is
 * queued for the rankings in evaluation_changes, in the same transaction, as an approval is.
 */
export async function queueRankedSubjects(
  manager: EntityManager,
  subjectType: 'person' | 'agency',
  ids: readonly number[],
): Promise<void> {
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    await manager.query(
      `INSERT INTO evaluation_changes (period, subject_type, subject_id, created_at, claimed_by, claimed_until)
       SELECT period, subject_type, subject_id, ?, NULL, NULL FROM evaluations
       WHERE subject_type = ? AND status = 'approved' AND subject_id IN (${chunk.map(() => '?').join(', ')})`,
      [now, subjectType, ...chunk],
    );
  }
}
