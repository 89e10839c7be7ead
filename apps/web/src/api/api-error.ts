import { messageOf } from './messages';

/** A field problem of a 400 (`details: [{field, message}]`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A bad row of an import (`details: [{row, column, message}]`). */
export interface RowProblem {
  row: number;
  column: string | null;
  message: string;
}

/** An answer of the API in the SPEC's error shape, or a network failure (code NETWORK). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly serverMessage: string,
    readonly details: unknown = undefined,
  ) {
    super(messageOf(code));
  }

  /** What to show a person: the Vietnamese sentence of the code. */
  get userMessage(): string {
    return this.message;
  }

  /** Field problems, for forms to show at each field. */
  get fieldProblems(): FieldProblem[] {
    return Array.isArray(this.details)
      ? this.details.filter(
          (d): d is FieldProblem => typeof d?.field === 'string' && typeof d?.message === 'string',
        )
      : [];
  }

  /** Bad rows of an import. */
  get rowProblems(): RowProblem[] {
    return Array.isArray(this.details)
      ? this.details.filter((d): d is RowProblem => typeof d?.row === 'number')
      : [];
  }
}

/** The Vietnamese message of any error thrown by a call. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.userMessage : messageOf('INTERNAL_ERROR');
}
