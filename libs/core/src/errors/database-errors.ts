import { QueryFailedError } from 'typeorm';
import { Conflict, DomainError, ValidationFailed } from './domain-errors';

const UNIQUE = new Set([
  'ER_DUP_ENTRY',
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
]);
const REFERENCE = new Set([
  'ER_NO_REFERENCED_ROW_2',
  'ER_ROW_IS_REFERENCED_2',
  'SQLITE_CONSTRAINT_FOREIGNKEY',
]);
const BUSY = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);
/** A column that takes no null got one: a PATCH sent `{"name": null}` for a required field. */
const MISSING_VALUE = new Set(['ER_BAD_NULL_ERROR', 'SQLITE_CONSTRAINT_NOTNULL']);
const BAD_VALUE = new Set([
  'ER_DATA_TOO_LONG',
  'ER_WARN_DATA_OUT_OF_RANGE',
  'ER_TRUNCATED_WRONG_VALUE',
  'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD',
]);

/** Turns a database refusal caused by the input into a 4xx; anything else stays a bug. */
export function domainErrorFromDatabase(error: unknown): DomainError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const code = String((error.driverError as { code?: string } | undefined)?.code ?? '');
  if (UNIQUE.has(code)) return new Conflict('A record with the same key already exists');
  if (REFERENCE.has(code))
    return new Conflict(
      'The record is referenced by, or refers to, a record that does not allow it',
    );
  if (BUSY.has(code))
    return new Conflict('The record is being changed by another request; try again');
  if (MISSING_VALUE.has(code))
    return new ValidationFailed('A required value is missing: null is not accepted here');
  if (BAD_VALUE.has(code)) return new ValidationFailed('A value is too long or out of range');
  return null;
}
