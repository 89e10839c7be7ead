import { DataSource } from 'typeorm';
import { dialectOf } from '../../database/transactions';
import type { ThrottleStore } from './throttle-store';

/**
 * Counters in the login_throttle table. Each increment is an atomic upsert that hands back the
 * new value, so instances sharing the database never lose a count.
 */
export class DatabaseThrottleStore implements ThrottleStore {
  constructor(private readonly dataSource: DataSource) {}

  async hit(counters: readonly { key: string; expiresAt: number }[]): Promise<number[]> {
    if (dialectOf(this.dataSource) === 'sqlite') return this.incrementAll(counters);
    const counts: number[] = [];
    for (const { key, expiresAt } of counters) counts.push(await this.increment(key, expiresAt));
    return counts;
  }

  async refund(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.dataSource.query(
      `UPDATE login_throttle SET hits = hits - 1
       WHERE bucket IN (${keys.map(() => '?').join(', ')}) AND hits > 0`,
      [...keys],
    );
  }

  async sweep(now: number): Promise<void> {
    await this.dataSource.query('DELETE FROM login_throttle WHERE expires_at <= ?', [now]);
  }

  async close(): Promise<void> {}

  /** MariaDB: one upsert per counter, its new value handed back by LAST_INSERT_ID(expr). */
  private async increment(key: string, expiresAt: number): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = (await runner.query(
        `INSERT INTO login_throttle (bucket, hits, expires_at) VALUES (?, 1, ?)
         ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1)`,
        [key, expiresAt],
        true,
      )) as { raw: { insertId?: number } };
      // A fresh row has no auto-increment id: insertId is 0 exactly when the row was created.
      return Number(result.raw.insertId ?? 0) || 1;
    } finally {
      await runner.release();
    }
  }

  /**
   * SQLite: every counter in one upsert, so one commit. better-sqlite3 writes synchronously on
   * the event loop, and a commit per counter would hold it for a disk sync each.
   */
  private async incrementAll(
    counters: readonly { key: string; expiresAt: number }[],
  ): Promise<number[]> {
    const rows = (await this.dataSource.query(
      `INSERT INTO login_throttle (bucket, hits, expires_at)
       VALUES ${counters.map(() => '(?, 1, ?)').join(', ')}
       ON CONFLICT (bucket) DO UPDATE SET hits = hits + 1 RETURNING bucket, hits`,
      counters.flatMap(({ key, expiresAt }) => [key, expiresAt]),
    )) as { bucket: string; hits: number }[];
    const hits = new Map(rows.map((row) => [row.bucket, Number(row.hits)]));
    return counters.map(({ key }) => hits.get(key) ?? 0);
  }
}
