import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './columns';

/** Roll-up runs and results, and the ranking snapshot that ranking pages read. */
export class RankingsRollups1700000000003 implements MigrationInterface {
  name = 'RankingsRollups1700000000003';

  async up(db: QueryRunner): Promise<void> {
    const mysql = db.connection.options.type === 'mysql';
    // Covers the roll-up and quarter-ranking reads of evaluations (period, type, status, then
    // what they select), so they never touch the wide rows with their JSON values: on 400k
    // evaluations a roll-up reads this index only.
    await db.createIndex(
      'evaluations',
      new TableIndex({
        name: 'ix_evaluations_ranking',
        columnNames: [
          'period',
          'subject_type',
          'status',
          'subject_id',
          'total',
          'disqualified',
          'criteria_set_id',
          'agency_id',
          'unit_id',
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'rollup_runs',
        columns: [
          col.id(),
          col.text('period', 7),
          col.text('trigger', 10),
          col.text('status', 10),
          // Set to the period while the run is running, NULL once it ends. Its unique key is the
          // cross-instance lock: inserting a second running run of a period fails atomically in
          // the database (both engines allow many NULLs under a unique key).
          col.text('active_period', 7, true),
          col.instant('started_at'),
          col.instant('finished_at', true),
          col.instant('lease_until', true),
          col.int('subjects', true),
          col.text('error', 2000, true),
          col.int('created_by', true),
        ],
        uniques: [{ name: 'uq_rollup_runs_active_period', columnNames: ['active_period'] }],
        indices: [{ name: 'ix_rollup_runs_period', columnNames: ['period', 'id'] }],
      }),
    );
    await db.createTable(
      new Table({
        name: 'rollup_results',
        columns: [
          col.id(),
          col.text('period', 7),
          col.text('subject_type', 10),
          col.ref('subject_id'),
          col.ref('agency_id'),
          col.ref('unit_id', true),
          col.score('total'),
          col.text('grade', 1),
          col.bool('disqualified', false),
          col.int('quarters_counted'),
          col.ref('criteria_set_id'),
          col.ref('run_id'),
        ],
        uniques: [
          {
            name: 'uq_rollup_results_subject',
            columnNames: ['period', 'subject_type', 'subject_id'],
          },
        ],
        indices: [
          {
            name: 'ix_rollup_results_subject',
            columnNames: ['subject_type', 'subject_id', 'period'],
          },
          {
            name: 'ix_rollup_results_agency',
            columnNames: ['period', 'subject_type', 'agency_id'],
          },
        ],
      }),
    );
    // One row per subject and scope it is ranked in (agencies: the city; people: the city, their
    // agency and their unit), with its rank and its position in page order. A page is a range of
    // positions on an index; a category filter uses the category_* columns of the same rows.
    await db.createTable(
      new Table({
        name: 'ranking_entries',
        columns: [
          { ...col.text('period', 7), isPrimary: true },
          { ...col.text('subject_type', 10), isPrimary: true },
          { ...col.text('scope_kind', 6), isPrimary: true },
          { ...col.int('scope_id'), isPrimary: true },
          { ...col.ref('subject_id'), isPrimary: true },
          // Binary collation: pages order equal totals by name in plain code-point order, as
          // rankEntries does, on both engines (SQLite compares text in binary by default).
          { ...col.text('name', 255), ...(mysql ? { collation: 'utf8mb4_bin' } : {}) },
          col.ref('agency_id'),
          col.ref('unit_id', true),
          col.text('category', 20, true),
          col.score('total'),
          col.text('grade', 1),
          col.int('rank'),
          col.int('ranked_of'),
          col.int('position'),
          col.int('category_rank', true),
          col.int('category_ranked_of', true),
          col.int('category_position', true),
        ],
        indices: [
          {
            name: 'ix_ranking_entries_page',
            columnNames: ['period', 'subject_type', 'scope_kind', 'scope_id', 'position'],
          },
          {
            name: 'ix_ranking_entries_category_page',
            columnNames: [
              'period',
              'subject_type',
              'scope_kind',
              'scope_id',
              'category',
              'category_position',
            ],
          },
          {
            name: 'ix_ranking_entries_subject',
            columnNames: ['subject_type', 'subject_id', 'scope_kind', 'period'],
          },
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'ranking_snapshots',
        columns: [
          { ...col.text('period', 7), isPrimary: true },
          { ...col.text('subject_type', 10), isPrimary: true },
          col.int('entries'),
          col.instant('refreshed_at'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['ranking_snapshots', 'ranking_entries', 'rollup_results', 'rollup_runs']) {
      await db.dropTable(table);
    }
    await db.dropIndex('evaluations', 'ix_evaluations_ranking');
  }
}
