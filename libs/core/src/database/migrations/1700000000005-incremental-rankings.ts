import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './columns';

/**
 * Rankings kept fresh one subject at a time (issue 13). Entries no longer store ranks and
 * positions (a new subject would shift every row below it); ranks come on read from
 * ranking_totals, a histogram of totals per scope, so a change writes a handful of rows.
 * evaluation_changes is the outbox of the evaluations feature: each change to a ranked
 * evaluation is written there in the change's transaction and consumed by whichever instance
 * claims it. The tables are derived data: they are rebuilt from the evaluations and roll-ups
 * at start-up, so the old snapshot is dropped, not converted.
 */
export class IncrementalRankings1700000000005 implements MigrationInterface {
  name = 'IncrementalRankings1700000000005';

  async up(db: QueryRunner): Promise<void> {
    const mysql = db.connection.options.type === 'mysql';
    await db.dropTable('ranking_entries');
    await db.dropTable('ranking_snapshots');
    const scopeKey = [
      { ...col.text('period', 7), isPrimary: true },
      { ...col.text('subject_type', 10), isPrimary: true },
      { ...col.text('scope_kind', 6), isPrimary: true },
      { ...col.int('scope_id'), isPrimary: true },
    ];
    // One row per subject and scope it is ranked in (agencies: the city; people: the city,
    // their agency and their unit). Pages read a range of totals on ix_ranking_entries_total.
    await db.createTable(
      new Table({
        name: 'ranking_entries',
        columns: [
          ...scopeKey,
          { ...col.ref('subject_id'), isPrimary: true },
          // Binary collation: equal totals are listed by name in code-point order, as
          // rankEntries does, on both engines (SQLite compares text in binary by default).
          { ...col.text('name', 255), ...(mysql ? { collation: 'utf8mb4_bin' } : {}) },
          col.ref('agency_id'),
          col.ref('unit_id', true),
          col.text('category', 20, true),
          col.score('total'),
          col.text('grade', 1),
        ],
        indices: [
          {
            name: 'ix_ranking_entries_total',
            columnNames: ['period', 'subject_type', 'scope_kind', 'scope_id', 'total'],
          },
          {
            name: 'ix_ranking_entries_category_total',
            columnNames: ['period', 'subject_type', 'scope_kind', 'scope_id', 'category', 'total'],
          },
          {
            name: 'ix_ranking_entries_subject',
            columnNames: ['subject_type', 'subject_id', 'scope_kind', 'period'],
          },
        ],
      }),
    );
    // How many entries of a scope (category '' for the whole scope) have each total: a rank is
    // 1 + the entries above its total; N is the sum. At most 10,001 totals (0.00 to 100.00).
    await db.createTable(
      new Table({
        name: 'ranking_totals',
        columns: [
          ...scopeKey,
          { ...col.text('category', 20), isPrimary: true },
          { ...col.score('total'), isPrimary: true },
          col.int('entries'),
        ],
      }),
    );
    // One row per ranked period and subject type, never deleted: its version goes up with every
    // change to that ranking (caches key on it), and its row lock orders the writers.
    await db.createTable(
      new Table({
        name: 'ranking_snapshots',
        columns: [
          { ...col.text('period', 7), isPrimary: true },
          { ...col.text('subject_type', 10), isPrimary: true },
          col.int('version'),
          col.instant('refreshed_at'),
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'evaluation_changes',
        columns: [
          col.id(),
          col.text('period', 7),
          col.text('subject_type', 10),
          col.ref('subject_id'),
          col.instant('created_at'),
          // The instance working on it and until when: a crashed instance's claim runs out.
          col.text('claimed_by', 64, true),
          col.instant('claimed_until', true),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    const mysql = db.connection.options.type === 'mysql';
    for (const table of [
      'evaluation_changes',
      'ranking_snapshots',
      'ranking_totals',
      'ranking_entries',
    ]) {
      await db.dropTable(table);
    }
    // The layout of 1700000000003, empty: the previous version rebuilds it at start-up.
    const scope = ['period', 'subject_type', 'scope_kind', 'scope_id'];
    await db.createTable(
      new Table({
        name: 'ranking_entries',
        columns: [
          { ...col.text('period', 7), isPrimary: true },
          { ...col.text('subject_type', 10), isPrimary: true },
          { ...col.text('scope_kind', 6), isPrimary: true },
          { ...col.int('scope_id'), isPrimary: true },
          { ...col.ref('subject_id'), isPrimary: true },
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
          { name: 'ix_ranking_entries_page', columnNames: [...scope, 'position'] },
          {
            name: 'ix_ranking_entries_category_page',
            columnNames: [...scope, 'category', 'category_position'],
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
}
