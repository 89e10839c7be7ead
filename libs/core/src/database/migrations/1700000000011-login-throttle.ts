import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './columns';

/**
 * The sign-in throttle's failure counters, shared by every instance (when no REDIS_URL is set),
 * and each user's token version: raising it ends every access token issued before.
 */
export class LoginThrottle1700000000011 implements MigrationInterface {
  name = 'LoginThrottle1700000000011';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'login_throttle',
        columns: [
          { name: 'bucket', type: 'varchar', length: '160', isPrimary: true },
          col.int('hits'),
          { name: 'expires_at', type: 'bigint', isNullable: false },
        ],
        indices: [{ name: 'ix_login_throttle_expires', columnNames: ['expires_at'] }],
      }),
    );
    // A plain ADD COLUMN: TypeORM's addColumn rebuilds the table on SQLite, which other tables'
    // foreign keys point at.
    await db.query('ALTER TABLE users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE users DROP COLUMN token_version');
    await db.dropTable('login_throttle');
  }
}
