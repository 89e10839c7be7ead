/** The error codes of SPEC §10; each maps to exactly one HTTP status. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'STALE_VERSION'
  | 'INVALID_TRANSITION'
  | 'PERIOD_CLOSED'
  | 'ROLLUP_RUNNING'
  | 'IMPORT_REJECTED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'HEADERS_TOO_LARGE'
  | 'INTERNAL_ERROR';

export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  INVALID_TRANSITION: 409,
  PERIOD_CLOSED: 409,
  ROLLUP_RUNNING: 409,
  PAYLOAD_TOO_LARGE: 413,
  HEADERS_TOO_LARGE: 431,
  IMPORT_REJECTED: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
};

/** A field problem reported under `details` of a 400. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Errors thrown by services; the exception filter turns them into the SPEC's shape. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }

  get status(): number {
    return STATUS_OF[this.code];
  }
}

export class ValidationFailed extends DomainError {
  constructor(message: string, details?: FieldProblem[]) {
    super('VALIDATION_FAILED', message, details);
  }

  static field(field: string, message: string): ValidationFailed {
    return new ValidationFailed(`${field}: ${message}`, [{ field, message }]);
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'Authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'You may not do this') {
    super('FORBIDDEN', message);
  }
}

export class NotFound extends DomainError {
  constructor(entity: string, id?: string | number) {
    super('NOT_FOUND', id === undefined ? `${entity} not found` : `${entity} ${id} not found`);
  }
}

export class Conflict extends DomainError {
  constructor(message: string, details?: unknown) {
    super('CONFLICT', message, details);
  }
}

export class StaleVersion extends DomainError {
  constructor(current: number) {
    super(
      'STALE_VERSION',
      `The record has changed since version you sent; current version is ${current}`,
      {
        currentVersion: current,
      },
    );
  }
}

export class InvalidTransition extends DomainError {
  constructor(message: string) {
    super('INVALID_TRANSITION', message);
  }
}

export class PeriodClosed extends DomainError {
  constructor(period: string) {
    super('PERIOD_CLOSED', `Period ${period} is closed`);
  }
}

export class RollupRunning extends DomainError {
  constructor(runId: number, period: string) {
    super('ROLLUP_RUNNING', `Roll-up ${runId} of ${period} is already running`, { runId });
  }
}

export interface ImportProblem {
  row: number;
  column: string | null;
  message: string;
}

export class ImportRejected extends DomainError {
  constructor(problems: ImportProblem[]) {
    super(
      'IMPORT_REJECTED',
      `${problems.length} problem(s) in the file; nothing was written`,
      problems,
    );
  }
}

export class RateLimited extends DomainError {
  /** `retryAfterSeconds` is sent as the Retry-After header and under `details`. */
  constructor(
    message = 'Too many attempts; try again later',
    readonly retryAfterSeconds?: number,
  ) {
    super(
      'RATE_LIMITED',
      message,
      retryAfterSeconds === undefined ? undefined : { retryAfterSeconds },
    );
  }
}
