import { ValidationFailed } from '@app/core';
import { checkCriteriaSet, type Thresholds } from '@app/domain';
import type { CriterionView } from './dto/criteria-set.dto';

/** SPEC §4 rules of a whole set (codes, kinds, options, thresholds): 400 with a problem per field. */
export function assertValidCriteriaSet(criteria: CriterionView[], thresholds: Thresholds): void {
  const problems = checkCriteriaSet({ criteria, thresholds }).map(({ path, message }) => ({
    field: path,
    message,
  }));
  if (problems.length > 0) {
    throw new ValidationFailed(
      problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
      problems,
    );
  }
}
