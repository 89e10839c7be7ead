import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createPool, type Pool, type PoolConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { DEADLOCK_ATTEMPTS, dialectOf, isDeadlock } from './transactions';

/** One SQL statement with `?` placeholders and their values. */
export interface Statement {
  sql: string;
  params: readonly unknown[];
}

/** Sends statements in one round trip; with `commit`, the transaction's COMMIT goes with them. */
export type SendStatements = (
  statements: readonly Statement[],
  options?: { commit?: boolean },
) => Promise<unknown[]>;

/** A driver's error in the shape TypeORM gives it (`driverError`), for the same retry rules. */
export class BatchQueryError extends Error {
  constructor(readonly driverError: Error & { code?: string; errno?: number }) {
    super(driverError.message);
    this.name = 'BatchQueryError';
  }
}

/**
 * Several statements per round trip on MariaDB, for work that runs while pages are read, where
 * each round trip waits its turn on a busy event loop (the ranking work). It has a connection of
 * its own with mysql2's `multipleStatements`, which the app's pool does not allow: there, a
 * query built wrong must never run a second statement. Every statement sent here has its values
 * in placeholders. Not available on SQLite, whose calls do not leave the process.
 */
@Injectable()
export class StatementBatches implements OnApplicationShutdown {
  private pool: Pool | undefined;
  private closed = false;

  constructor(private readonly dataSource: DataSource) {}

  get available(): boolean {
    return dialectOf(this.dataSource) === 'mysql';
  }

  /**
   * Runs `work` in one transaction on the batch connection: the first send begins it, a send
   * with `commit` ends it; work that returns without committing is rolled back. A deadlock's
   * victim runs again, as Transactions.run does.
   */
  async transaction<T>(work: (send: SendStatements) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(work);
      } catch (error) {
        if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  private async once<T>(work: (send: SendStatements) => Promise<T>): Promise<T> {
    const connection = await this.connection();
    let begun = false;
    let committed = false;
    const send: SendStatements = async (statements, options = {}) => {
      const all = [
        ...(begun ? [] : [{ sql: 'START TRANSACTION', params: [] }]),
        ...statements,
        ...(options.commit ? [{ sql: 'COMMIT', params: [] }] : []),
      ];
      const first = begun ? 0 : 1;
      // Begun before the answer: a send failing after its START TRANSACTION leaves a
      // transaction open, which must be rolled back, not committed by the next one's START.
      begun = true;
      const results = await query(connection, all);
      committed = options.commit === true;
      return results.slice(first, first + statements.length);
    };
    try {
      const result = await work(send);
      if (begun && !committed) await query(connection, [{ sql: 'ROLLBACK', params: [] }]);
      return result;
    } catch (error) {
      if (begun && !committed)
        await query(connection, [{ sql: 'ROLLBACK', params: [] }]).catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  }

  private connection(): Promise<PoolConnection> {
    // Shut down after the features that use it (DatabaseModule is global: its hooks run last).
    if (this.closed) return Promise.reject(new Error('The statement batches are shut down'));
    if (!this.pool) {
      const options = this.dataSource.options as Extract<
        DataSourceOptions,
        { type: 'mysql' | 'mariadb' }
      >;
      // One connection: an instance works its ranking batches one at a time.
      this.pool = createPool({
        uri: options.url,
        host: options.host,
        port: options.port,
        user: options.username,
        password: options.password,
        database: options.database,
        charset: options.charset,
        timezone: options.timezone,
        supportBigNumbers: options.supportBigNumbers,
        bigNumberStrings: options.bigNumberStrings,
        multipleStatements: true,
        connectionLimit: 1,
      });
    }
    return this.pool.getConnection();
  }

  async onApplicationShutdown(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    this.closed = true;
    await pool?.end();
  }
}

/** The statements joined into one query; one answer per statement. */
async function query(connection: PoolConnection, statements: readonly Statement[]) {
  try {
    const [results] = await connection.query(
      statements.map((statement) => statement.sql).join(';\n'),
      statements.flatMap((statement) => statement.params),
    );
    return (statements.length === 1 ? [results] : results) as unknown[];
  } catch (error) {
    throw new BatchQueryError(error as Error);
  }
}
