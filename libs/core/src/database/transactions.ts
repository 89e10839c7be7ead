import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type Dialect = 'sqlite' | 'mysql';

export function dialectOf(dataSource: DataSource): Dialect {
  return dataSource.options.type === 'mysql' ? 'mysql' : 'sqlite';
}

/**
 * One use case, one transaction. SQLite has a single connection, so its
 * transactions are queued here instead of colliding ("cannot start a
 * transaction within a transaction"); MySQL runs them on pooled connections.
 */
@Injectable()
export class Transactions {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {}

  get dialect(): Dialect {
    return dialectOf(this.dataSource);
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'mysql') return this.dataSource.transaction(work);
    const next = this.sqliteQueue.then(() => this.dataSource.transaction(work));
    this.sqliteQueue = next.catch(() => undefined);
    return next;
  }
}
