import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './columns';

/** Criteria sets, quarters, evaluations, incidents and inspections. */
export class Evaluations1700000000002 implements MigrationInterface {
  name = 'Evaluations1700000000002';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'criteria_sets',
        columns: [
          col.id(),
          col.text('code', 32),
          col.int('version'),
          col.text('name', 255),
          col.text('target', 10),
          col.text('status', 10),
          col.decimal('threshold_a', 5, 2, false),
          col.decimal('threshold_b', 5, 2, false),
          col.decimal('threshold_c', 5, 2, false),
          col.longText('criteria_json', false),
          col.instant('published_at', true),
          ...col.timestamps(),
        ],
        uniques: [{ name: 'uq_criteria_sets_code_version', columnNames: ['code', 'version'] }],
        indices: [
          { name: 'ix_criteria_sets_target_status', columnNames: ['target', 'status', 'id'] },
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'periods',
        columns: [
          { ...col.text('key', 7), isPrimary: true },
          col.text('status', 10),
          col.instant('closed_at', true),
          col.text('reopen_reason', 2000, true),
          col.instant('updated_at'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'evaluations',
        columns: [
          col.id(),
          col.text('subject_type', 10),
          col.ref('subject_id'),
          col.ref('agency_id'),
          col.ref('unit_id', true),
          col.text('period', 7),
          col.ref('criteria_set_id'),
          col.text('status', 12),
          col.int('version'),
          col.score('total'),
          col.text('grade', 1),
          col.bool('disqualified', false),
          col.longText('values_json', false),
          col.longText('notes_json', false),
          col.text('return_reason', 2000, true),
          col.instant('submitted_at', true),
          col.instant('approved_at', true),
          col.ref('approved_by', true),
          col.ref('created_by'),
          ...col.timestamps(),
        ],
        uniques: [
          {
            name: 'uq_evaluations_subject_period',
            columnNames: ['subject_type', 'subject_id', 'period'],
          },
        ],
        indices: [
          {
            name: 'ix_evaluations_period_type_status_agency',
            columnNames: ['period', 'subject_type', 'status', 'agency_id'],
          },
          { name: 'ix_evaluations_agency_period', columnNames: ['agency_id', 'period'] },
        ],
        foreignKeys: [
          {
            name: 'fk_evaluations_agency',
            columnNames: ['agency_id'],
            referencedTableName: 'agencies',
            referencedColumnNames: ['id'],
          },
          {
            name: 'fk_evaluations_criteria_set',
            columnNames: ['criteria_set_id'],
            referencedTableName: 'criteria_sets',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'incidents',
        columns: [
          col.id(),
          col.text('subject_type', 10),
          col.ref('subject_id'),
          col.ref('agency_id'),
          col.text('criterion_code', 32),
          col.date('occurred_on'),
          col.text('period', 7),
          col.text('note', 2000, true),
          col.instant('deleted_at', true),
          col.ref('created_by'),
          col.instant('created_at'),
        ],
        indices: [
          {
            name: 'ix_incidents_subject_period',
            columnNames: ['subject_type', 'subject_id', 'period'],
          },
          { name: 'ix_incidents_period_agency', columnNames: ['period', 'agency_id'] },
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'inspections',
        columns: [
          col.id(),
          col.ref('agency_id'),
          col.text('period', 7),
          col.date('visited_on'),
          col.text('leader', 255),
          col.longText('members_json', false),
          col.longText('strengths', false),
          col.longText('shortcomings', false),
          col.longText('recommendations', false),
          col.longText('checklist_json', false),
          col.ref('created_by'),
          ...col.timestamps(),
        ],
        indices: [{ name: 'ix_inspections_period_agency', columnNames: ['period', 'agency_id'] }],
        foreignKeys: [
          {
            name: 'fk_inspections_agency',
            columnNames: ['agency_id'],
            referencedTableName: 'agencies',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['inspections', 'incidents', 'evaluations', 'periods', 'criteria_sets']) {
      await db.dropTable(table);
    }
  }
}
