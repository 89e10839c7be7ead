import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './columns';

/** Organisation, users and their refresh tokens, and the audit log. */
export class Foundation1700000000001 implements MigrationInterface {
  name = 'Foundation1700000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      new Table({
        name: 'agencies',
        columns: [
          col.id(),
          col.text('code', 32),
          col.text('name', 255),
          col.text('short_name', 64, true),
          col.bool('active', true),
          ...col.timestamps(),
        ],
        uniques: [{ name: 'uq_agencies_code', columnNames: ['code'] }],
        indices: [{ name: 'ix_agencies_name', columnNames: ['name'] }],
      }),
    );
    await db.createTable(
      new Table({
        name: 'units',
        columns: [
          col.id(),
          col.ref('agency_id'),
          col.ref('parent_id', true),
          col.text('code', 32),
          col.text('name', 255),
          col.bool('active', true),
          ...col.timestamps(),
        ],
        uniques: [{ name: 'uq_units_agency_code', columnNames: ['agency_id', 'code'] }],
        indices: [{ name: 'ix_units_parent', columnNames: ['parent_id'] }],
        foreignKeys: [
          {
            name: 'fk_units_agency',
            columnNames: ['agency_id'],
            referencedTableName: 'agencies',
            referencedColumnNames: ['id'],
          },
          {
            name: 'fk_units_parent',
            columnNames: ['parent_id'],
            referencedTableName: 'units',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'people',
        columns: [
          col.id(),
          col.text('employee_code', 32),
          col.text('full_name', 255),
          col.text('position', 255, true),
          col.text('category', 20),
          col.bool('party_member', false),
          col.ref('agency_id'),
          col.ref('unit_id', true),
          col.bool('active', true),
          ...col.timestamps(),
        ],
        uniques: [{ name: 'uq_people_employee_code', columnNames: ['employee_code'] }],
        indices: [
          { name: 'ix_people_agency_name', columnNames: ['agency_id', 'full_name', 'id'] },
          { name: 'ix_people_unit', columnNames: ['unit_id'] },
          { name: 'ix_people_name', columnNames: ['full_name', 'id'] },
        ],
        foreignKeys: [
          {
            name: 'fk_people_agency',
            columnNames: ['agency_id'],
            referencedTableName: 'agencies',
            referencedColumnNames: ['id'],
          },
          {
            name: 'fk_people_unit',
            columnNames: ['unit_id'],
            referencedTableName: 'units',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    // Words of a person's name without diacritics: "nguyen thi hoa" finds "Nguyễn Thị Hoà" by index.
    await db.createTable(
      new Table({
        name: 'person_search_terms',
        columns: [col.ref('person_id'), col.text('term', 64)],
        uniques: [{ name: 'uq_person_search_terms', columnNames: ['term', 'person_id'] }],
        indices: [{ name: 'ix_person_search_terms_person', columnNames: ['person_id'] }],
        foreignKeys: [
          {
            name: 'fk_person_search_terms_person',
            columnNames: ['person_id'],
            referencedTableName: 'people',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'users',
        columns: [
          col.id(),
          col.text('username', 64),
          col.text('password_hash', 100),
          col.text('role', 20),
          col.ref('agency_id', true),
          col.bool('active', true),
          ...col.timestamps(),
        ],
        uniques: [{ name: 'uq_users_username', columnNames: ['username'] }],
        indices: [{ name: 'ix_users_agency', columnNames: ['agency_id'] }],
        foreignKeys: [
          {
            name: 'fk_users_agency',
            columnNames: ['agency_id'],
            referencedTableName: 'agencies',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          col.id(),
          col.ref('user_id'),
          col.text('family_id', 36),
          col.text('token_hash', 64),
          col.instant('expires_at'),
          col.instant('used_at', true),
          col.instant('revoked_at', true),
          col.instant('created_at'),
        ],
        uniques: [{ name: 'uq_refresh_tokens_hash', columnNames: ['token_hash'] }],
        indices: [
          { name: 'ix_refresh_tokens_family', columnNames: ['family_id'] },
          { name: 'ix_refresh_tokens_user', columnNames: ['user_id'] },
        ],
        foreignKeys: [
          {
            name: 'fk_refresh_tokens_user',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await db.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          col.id(),
          col.instant('occurred_at'),
          col.int('actor_id', true),
          col.text('actor_username', 64, true),
          col.text('action', 32),
          col.text('entity', 48),
          col.text('entity_id', 64),
          col.longText('before_json'),
          col.longText('after_json'),
          col.text('reason', 2000, true),
          col.text('request_id', 64, true),
        ],
        indices: [
          { name: 'ix_audit_entity', columnNames: ['entity', 'entity_id', 'id'] },
          { name: 'ix_audit_actor', columnNames: ['actor_id', 'id'] },
          { name: 'ix_audit_occurred', columnNames: ['occurred_at'] },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'refresh_tokens',
      'users',
      'person_search_terms',
      'people',
      'units',
      'agencies',
    ]) {
      await db.dropTable(table);
    }
  }
}
