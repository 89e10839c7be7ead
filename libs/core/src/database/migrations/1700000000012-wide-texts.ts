import { MigrationInterface, QueryRunner } from 'typeorm';

/** The long texts and JSON documents, with whether each may be NULL. */
const WIDE_COLUMNS: [table: string, column: string, nullable: boolean][] = [
  ['audit_log', 'before_json', true],
  ['audit_log', 'after_json', true],
  ['criteria_sets', 'criteria_json', false],
  ['evaluations', 'values_json', false],
  ['evaluations', 'notes_json', false],
  ['inspections', 'members_json', false],
  ['inspections', 'strengths', false],
  ['inspections', 'shortcomings', false],
  ['inspections', 'recommendations', false],
  ['inspections', 'checklist_json', false],
  ['nomination_entries', 'achievement', false],
];

/**
 * MySQL's TEXT holds 64 KB, less than what the API accepts (a note of 2,000 letters on each of
 * 200 criteria, inspection texts of 20,000 letters, a set of 200 criteria): MEDIUMTEXT holds
 * 16 MB. SQLite's TEXT has no such limit, so nothing changes there.
 */
export class WideTexts1700000000012 implements MigrationInterface {
  name = 'WideTexts1700000000012';

  async up(db: QueryRunner): Promise<void> {
    await this.retype(db, 'MEDIUMTEXT');
  }

  async down(db: QueryRunner): Promise<void> {
    await this.retype(db, 'TEXT');
  }

  private async retype(db: QueryRunner, type: string): Promise<void> {
    if (db.connection.options.type !== 'mysql' && db.connection.options.type !== 'mariadb') return;
    for (const [table, column, nullable] of WIDE_COLUMNS)
      await db.query(
        `ALTER TABLE \`${table}\` MODIFY \`${column}\` ${type} ${nullable ? 'NULL' : 'NOT NULL'}`,
      );
  }
}
