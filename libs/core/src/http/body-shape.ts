import { ArgumentMetadata } from '@nestjs/common';
import { FieldProblem, ValidationFailed } from '../errors/domain-errors';
import { DecimalValidationPipe } from './decimal-validation.pipe';

/**
 * The most keys of one object, or items of one array, that any body of this API holds: a
 * criteria set has at most 200 criteria, and values, notes and checklists are keyed by them.
 */
export const MAX_BODY_KEYS = 200;
/** The deepest a body nests (a criteria set: body → criteria → criterion → thresholds). */
export const MAX_BODY_DEPTH = 6;

/**
 * The first place where a parsed JSON body is wider or deeper than any real one, found with an
 * early exit: 120,000 keys cost a few microseconds to refuse instead of seconds to transform.
 */
export function bodyShapeProblem(value: unknown, at = '', depth = 0): FieldProblem | null {
  if (value === null || typeof value !== 'object') return null;
  const field = at || 'body';
  if (depth >= MAX_BODY_DEPTH)
    return { field, message: `nests deeper than ${MAX_BODY_DEPTH} levels` };
  if (Array.isArray(value)) {
    if (value.length > MAX_BODY_KEYS)
      return { field, message: `has more than ${MAX_BODY_KEYS} items` };
    for (let index = 0; index < value.length; index++) {
      const problem = bodyShapeProblem(value[index], `${at}[${index}]`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  let keys = 0;
  for (const _key in value) {
    if (++keys > MAX_BODY_KEYS) return { field, message: `has more than ${MAX_BODY_KEYS} keys` };
  }
  for (const [key, child] of Object.entries(value)) {
    const problem = bodyShapeProblem(child, at ? `${at}.${key}` : key, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/**
 * The (decimal-only) ValidationPipe, after a cheap check of a body's shape before
 * class-transformer sees it.
 */
export class BoundedValidationPipe extends DecimalValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      const problem = bodyShapeProblem(value);
      if (problem) throw new ValidationFailed(`${problem.field}: ${problem.message}`, [problem]);
    }
    return super.transform(value, metadata);
  }
}
