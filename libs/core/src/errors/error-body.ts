import { ErrorCode } from './domain-errors';

/** The one error shape of SPEC §10. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}
