import { TableColumnOptions } from 'typeorm';

/** Column builders shared by the migrations, so both engines get the same schema. */
export const col = {
  id: (): TableColumnOptions => ({
    name: 'id',
    type: 'integer',
    isPrimary: true,
    isGenerated: true,
    generationStrategy: 'increment',
  }),
  int: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'int',
    isNullable: nullable,
  }),
  ref: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'int',
    isNullable: nullable,
  }),
  text: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  /** TEXT: 64 KB on MySQL, where migration 1700000000012 widens each to MEDIUMTEXT. */
  longText: (name: string, nullable = true): TableColumnOptions => ({
    name,
    type: 'text',
    isNullable: nullable,
  }),
  bool: (name: string, fallback: boolean): TableColumnOptions => ({
    name,
    type: 'boolean',
    isNullable: false,
    default: fallback ? 1 : 0,
  }),
  score: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'decimal',
    precision: 6,
    scale: 2,
    isNullable: nullable,
  }),
  decimal: (
    name: string,
    precision: number,
    scale: number,
    nullable = true,
  ): TableColumnOptions => ({
    name,
    type: 'decimal',
    precision,
    scale,
    isNullable: nullable,
  }),
  instant: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'datetime',
    precision: 3,
    isNullable: nullable,
  }),
  /** Calendar dates are `YYYY-MM-DD` strings: the same on both engines, sortable. */
  date: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: '10',
    isNullable: nullable,
  }),
  timestamps: (): TableColumnOptions[] => [col.instant('created_at'), col.instant('updated_at')],
};
