import type { EntityManager } from 'typeorm';
import type { EvaluationChangedEvent } from './evaluation-events';

/**
 * The outbox of ranked changes: written in the transaction of the change (an approval, a return,
 * a reopening, a recount of an approved evaluation), so the change and the ranking work it owes
 * commit together or not at all. Rankings consume the rows, on whichever instance claims them.
 */
export async function recordChange(
  manager: EntityManager,
  event: EvaluationChangedEvent,
): Promise<void> {
  await manager.query(
    `INSERT INTO evaluation_changes (period, subject_type, subject_id, created_at, claimed_by, claimed_until)
     VALUES (?, ?, ?, ?, NULL, NULL)`,
    [
      event.period,
      event.subjectType,
      event.subjectId,
      new Date().toISOString().replace('T', ' ').replace('Z', ''),
    ],
  );
}
