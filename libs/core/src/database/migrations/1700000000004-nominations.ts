import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './columns';

/** Nomination lists (danh sách đề nghị khen thưởng) and their entries. */
export class Nominations1700000000004 implements MigrationInterface {
  name = 'Nominations1700000000004';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'nomination_lists',
        columns: [
          col.id(),
          col.text('title', 255),
          col.text('period', 7),
          // 'person' for an agency's list of people, 'agency' for the city's list of agencies.
          col.text('subject_type', 10),
          col.ref('agency_id', true),
          col.text('status', 10),
          col.text('decision_number', 64, true),
          col.date('decision_date', true),
          col.instant('submitted_at', true),
          col.ref('submitted_by', true),
          col.instant('decided_at', true),
          col.ref('decided_by', true),
          col.ref('created_by'),
          ...col.timestamps(),
        ],
        indices: [
          { name: 'ix_nomination_lists_agency', columnNames: ['agency_id', 'period', 'id'] },
          { name: 'ix_nomination_lists_period', columnNames: ['period', 'status', 'id'] },
        ],
        foreignKeys: [
          {
            name: 'fk_nomination_lists_agency',
            columnNames: ['agency_id'],
            referencedTableName: 'agencies',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'nomination_entries',
        columns: [
          col.id(),
          col.ref('list_id'),
          col.text('period', 7),
          col.text('subject_type', 10),
          col.ref('subject_id'),
          col.ref('agency_id'),
          col.longText('achievement', false),
          col.text('override_reason', 2000, true),
          col.bool('candidate', false),
          col.score('total', true),
          col.text('grade', 1, true),
          col.int('scope_rank', true),
          col.int('ranked_of', true),
          // 1 while the entry's list is not rejected, NULL once it is. The unique key below holds
          // a subject at most once per period across standing lists, under any race, on both
          // engines (both allow many NULLs under a unique key).
          col.int('standing', true),
          col.ref('created_by'),
          col.instant('created_at'),
        ],
        uniques: [
          {
            name: 'uq_nomination_entries_standing',
            columnNames: ['period', 'subject_type', 'subject_id', 'standing'],
          },
        ],
        indices: [{ name: 'ix_nomination_entries_list', columnNames: ['list_id', 'id'] }],
        foreignKeys: [
          {
            name: 'fk_nomination_entries_list',
            columnNames: ['list_id'],
            referencedTableName: 'nomination_lists',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('nomination_entries');
    await db.dropTable('nomination_lists');
  }
}
