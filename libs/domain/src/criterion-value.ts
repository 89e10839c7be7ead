import { isFiniteNumber, isSafeInteger } from './builtins';
import { decimalPlaces } from './decimal';
import { type CriterionDef, type CriterionValue, VALUE_MAX_DECIMALS } from './criterion';

/**
 * Why `value` is not acceptable for `def` (an English message), or null when it is. A missing
 * value (null or undefined) is acceptable: drafts may leave values out, and submit checks
 * completeness with missingForSubmit. Whether a fromIncidents value may be typed by hand is
 * for the caller to decide: it alone knows where the value came from.
 */
export function checkValue(def: CriterionDef, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (def.kind === 'boolean') return typeof value === 'boolean' ? null : 'must be true or false';
  if (typeof value !== 'number' || !isFiniteNumber(value)) return 'must be a number';
  switch (def.kind) {
    case 'score':
      if (value < 0 || value > def.maxPoints) return `must be between 0 and ${def.maxPoints}`;
      break;
    case 'percentage':
      if (value < 0 || value > 100) return 'must be a percentage between 0 and 100';
      break;
    case 'count':
      if (!isSafeInteger(value) || value < 0) return 'must be a whole number, 0 or more';
      break;
    default:
      return `has an unknown kind ${JSON.stringify((def as { kind: unknown }).kind)}`;
  }
  if (decimalPlaces(value) > VALUE_MAX_DECIMALS)
    return `must have at most ${VALUE_MAX_DECIMALS} decimals`;
  return null;
}

/**
 * checkValue for a value typed by hand, in a form or an import: a fromIncidents criterion takes
 * its value from the incidents recorded, so a hand-typed one is refused (SPEC §4).
 */
export function checkManualValue(def: CriterionDef, value: unknown): string | null {
  if (def.fromIncidents && value !== null && value !== undefined)
    return 'is counted from incidents and cannot be entered by hand';
  return checkValue(def, value);
}

/** A disqualifying criterion answered false, or counted above 0. A missing value does not disqualify. */
export function isDisqualifying(def: CriterionDef, value: CriterionValue): boolean {
  if (!def.disqualifying) return false;
  if (def.kind === 'boolean') return value === false;
  if (def.kind === 'count') return typeof value === 'number' && value > 0;
  return false;
}
