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
  // Each distinct problem once: 2,000 bad items of an array must not make a 2,000-fold answer.
  const unique = new Map(flatten(errors).map((d) => [`${d.field}\u0000${d.message}`, d]));
  const details = [...unique.values()];
  const messages = [...new Set(details.map((d) => d.message))];
  return new ValidationFailed(messages.join('; ') || 'Invalid input', details);
}
