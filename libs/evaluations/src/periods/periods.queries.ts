import { EntityManager } from 'typeorm';
import type { Dialect } from '@app/core';
import type { PeriodStatus } from './period.entity';

/**
 * The status of a quarter, locked for the rest of the transaction on MySQL/MariaDB: shared for a
 * change to the quarter's records (so a close waits for it), exclusive for a close or reopen.
 * `LOCK IN SHARE MODE` is understood by both MySQL 8 and MariaDB (TypeORM writes `FOR SHARE`,
 * which MariaDB refuses). SQLite runs one transaction at a time and needs no lock.
 */
export async function lockedPeriodStatus(
  manager: EntityManager,
  dialect: Dialect,
  key: string,
  shared: boolean,
): Promise<PeriodStatus | null> {
  const lock = dialect === 'mysql' ? (shared ? ' LOCK IN SHARE MODE' : ' FOR UPDATE') : '';
  const quote = dialect === 'mysql' ? '`' : '"';
  const rows: { status: PeriodStatus }[] = await manager.query(
    `SELECT status FROM periods WHERE ${quote}key${quote} = ?${lock}`,
    [key],
  );
  return rows[0]?.status ?? null;
}
