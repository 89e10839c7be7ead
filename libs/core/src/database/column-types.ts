import { ValueTransformer } from 'typeorm';

/** mysql2 returns DECIMAL as a string, SQLite as a number: both become numbers. */
export const decimalTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) =>
    value === null || value === undefined ? value : Number(value),
};

/** Scores: DECIMAL(6,2) read back as JSON numbers. */
export const SCORE_COLUMN = {
  type: 'decimal',
  precision: 6,
  scale: 2,
  transformer: decimalTransformer,
} as const;

/** Instants: UTC, millisecond precision on both engines. */
export const INSTANT_COLUMN = { type: 'datetime', precision: 3 } as const;

/** BIGINT counters and booleans come back as numbers and booleans on both engines. */
export const booleanTransformer: ValueTransformer = {
  to: (value: boolean | null | undefined) => value,
  from: (value: number | boolean | null) =>
    value === null || value === undefined ? value : Boolean(value),
};
export const BOOLEAN_COLUMN = { type: 'boolean', transformer: booleanTransformer } as const;
