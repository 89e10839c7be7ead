import type { Statement } from '@app/core';
import type { EntityManager } from 'typeorm';
import type { SubjectType } from './rankings.queries';

// The consumer side of evaluation_changes (the outbox the evaluations feature writes in each
// ranked change's transaction). A row is claimed by one instance for a lease; it is deleted in
// the transaction that does its ranking work, so the work commits once with its deletion.

export interface ClaimedChange {
  id: number;
  period: string;
  subjectType: SubjectType;
  subjectId: number;
}

/**
 * Claims up to `limit` unclaimed changes (or changes whose claim ran out: their instance died)
 * for `instance` until `until`, oldest first. Each statement is atomic on its own (no transaction
 * needed): two instances never both get a row, as the UPDATE re-checks the claim under the row
 * lock (MariaDB) or runs alone (SQLite's single writer). Usually two round trips: the candidates,
 * then their claim; a third only when another instance took some of them in between.
 */
export async function claimChanges(
  manager: EntityManager,
  instance: string,
  now: string,
  until: string,
  limit: number,
): Promise<ClaimedChange[]> {
  const open = '(claimed_until IS NULL OR claimed_until < ?)';
  const columns = 'id, period, subject_type, subject_id';
  const candidates = (await manager.query(
    `SELECT ${columns} FROM evaluation_changes WHERE ${open} ORDER BY id LIMIT ${Number(limit)}`,
    [now],
  )) as ChangeRow[];
  if (candidates.length === 0) return [];
  const ids = candidates.map((row) => Number(row.id));
  const list = ids.map(() => '?').join(', ');
  // MariaDB answers an UPDATE with its count of rows; SQLite's driver does not (then: read them).
  const answer = (await manager.query(
    `UPDATE evaluation_changes SET claimed_by = ?, claimed_until = ? WHERE id IN (${list}) AND ${open}`,
    [instance, until, ...ids, now],
  )) as { affectedRows?: number } | null;
  const rows =
    answer?.affectedRows === candidates.length
      ? candidates
      : ((await manager.query(
          `SELECT ${columns} FROM evaluation_changes
           WHERE id IN (${list}) AND claimed_by = ? AND claimed_until = ? ORDER BY id`,
          [...ids, instance, until],
        )) as ChangeRow[]);
  return rows.map((row) => ({
    id: Number(row.id),
    period: row.period,
    subjectType: row.subject_type,
    subjectId: Number(row.subject_id),
  }));
}

interface ChangeRow {
  id: number | string;
  period: string;
  subject_type: SubjectType;
  subject_id: number | string;
}

/** Deletes changes whose work is done, in the transaction that did it. */
export async function completeChanges(manager: EntityManager, ids: number[]): Promise<void> {
  const complete = completeStatement(ids);
  await manager.query(complete.sql, [...complete.params]);
}

/** completeChanges's statement. */
export function completeStatement(ids: readonly number[]): Statement {
  return {
    sql: `DELETE FROM evaluation_changes WHERE id IN (${ids.map(() => '?').join(', ')})`,
    params: ids,
  };
}
