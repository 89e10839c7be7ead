import { ValidationError } from '@nestjs/common';
import { FieldProblem, ValidationFailed } from './domain-errors';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The ValidationPipe's exceptionFactory: 400 VALIDATION_FAILED with a problem per field. */
export function validationExceptionFactory(errors: ValidationError[]): ValidationFailed {
  const details = flatten(errors);
  return new ValidationFailed(details.map((d) => d.message).join('; ') || 'Invalid input', details);
}
