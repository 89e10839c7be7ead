import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type Dialect = 'sqlite' | 'mysql';

export function dialectOf(dataSource: DataSource): Dialect {
  return dataSource.options.type === 'mysql' ? 'mysql' : 'sqlite';
}

/** How many times a use case runs when MariaDB keeps choosing it as a deadlock's victim. */
export const DEADLOCK_ATTEMPTS = 4;

/** MariaDB rolled the whole transaction back to break a deadlock: running it again is safe. */
export function isDeadlock(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; errno?: number } } | null)
    ?.driverError;
  return driverError?.code === 'ER_LOCK_DEADLOCK' || driverError?.errno === 1213;
}

/**
 * One use case, one transaction. SQLite has a single connection, so its
 * transactions are queued here instead of colliding ("cannot start a
 * transaction within a transaction"); MySQL runs them on pooled connections.
 *
 * On MySQL, two use cases that lock neighbouring keys (say, the first saves of two new rows of
 * one quarter: each looks for its row with a locking read, then inserts it) can deadlock; MariaDB
 * then rolls one back whole and its client is expected to run it again. That happens here, so a
 * deadlock reaches no user: a use case's work only touches the database before its commit.
 */
@Injectable()
export class Transactions {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {}

  get dialect(): Dialect {
    return dialectOf(this.dataSource);
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'mysql') return this.runRetryingDeadlocks(work);
    const next = this.sqliteQueue.then(() => this.dataSource.transaction(work));
    this.sqliteQueue = next.catch(() => undefined);
    return next;
  }

  /**
   * Work whose statements are each atomic on their own: on MySQL they run without a transaction
   * (BEGIN and COMMIT would be two more round trips), on SQLite queued like a transaction, as its
   * one connection must not run them inside another use case's transaction.
   */
  runStatements<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dialect === 'mysql' ? work(this.dataSource.manager) : this.run(work);
  }

  private async runRetryingDeadlocks<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
        // A short random pause, so the two victims do not meet again at once.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }
}
