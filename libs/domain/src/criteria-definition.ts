import {
  CRITERION_KINDS,
  type CriterionDef,
  DEFAULT_THRESHOLDS,
  type Thresholds,
} from './criterion';
import { decimalPlaces } from './decimal';

// Validation of a criteria set definition (SPEC §4, §11): what a draft set must satisfy before it
// is saved. Messages are English API details; paths name the field, e.g. criteria[2].target.

export interface DefinitionProblem {
  path: string;
  message: string;
}

export interface CriteriaSetInput {
  thresholds?: Partial<Thresholds> | null;
  criteria: readonly CriterionDef[];
}

export const CODE_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/;
export const MAX_POINTS_LIMIT = 1000;
const TEXT_LIMIT = 500;

/** Every problem of the definition; empty when it is valid. */
export function checkCriteriaSet(input: CriteriaSetInput): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  checkThresholds(input.thresholds, report);
  if (!Array.isArray(input.criteria) || input.criteria.length === 0) {
    report('criteria', 'must list at least one criterion');
    return problems;
  }
  const seen = new Map<string, number>();
  input.criteria.forEach((def, i) => {
    const at = `criteria[${i}]`;
    if (typeof def !== 'object' || def === null) return report(at, 'must be an object');
    checkCriterion(def, at, report);
    if (typeof def.code === 'string') {
      // Codes name import columns: "a1" and "A1" in one set would be ambiguous.
      const key = def.code.toUpperCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else report(`${at}.code`, `duplicates the code of criteria[${first}]`);
    }
  });
  if (!input.criteria.some((def) => typeof def === 'object' && def !== null && def.bonus !== true))
    report('criteria', 'must have at least one base (non-bonus) criterion');
  return problems;
}

/** The set's thresholds with the defaults filled in. */
export function resolveThresholds(thresholds?: Partial<Thresholds> | null): Thresholds {
  const t = thresholds ?? {};
  return {
    A: t.A ?? DEFAULT_THRESHOLDS.A,
    B: t.B ?? DEFAULT_THRESHOLDS.B,
    C: t.C ?? DEFAULT_THRESHOLDS.C,
  };
}

type Report = (path: string, message: string) => void;

function checkCriterion(def: CriterionDef, at: string, report: Report): void {
  if (typeof def.code !== 'string' || !CODE_PATTERN.test(def.code))
    report(`${at}.code`, 'must be 1 to 32 letters, digits, "_", "." or "-"');
  if (def.name !== undefined && !isText(def.name))
    report(`${at}.name`, `must be a non-empty text of at most ${TEXT_LIMIT} characters`);
  if (def.group !== undefined && def.group !== null && !isText(def.group))
    report(`${at}.group`, `must be a non-empty text of at most ${TEXT_LIMIT} characters`);
  const kind = def.kind;
  if (!CRITERION_KINDS.includes(kind))
    report(`${at}.kind`, `must be one of ${CRITERION_KINDS.join(', ')}`);
  if (!isDecimal(def.maxPoints, 2) || def.maxPoints <= 0 || def.maxPoints > MAX_POINTS_LIMIT)
    report(
      `${at}.maxPoints`,
      `must be a number above 0 and at most ${MAX_POINTS_LIMIT}, with at most 2 decimals`,
    );

  if (kind === 'percentage') {
    const t = def.target;
    if (t === undefined || t === null)
      report(`${at}.target`, 'is required for a percentage criterion');
    else if (!isDecimal(t, 4) || t <= 0 || t > 100)
      report(`${at}.target`, 'must be a number above 0 and at most 100, with at most 4 decimals');
  } else if (isGiven(def.target)) {
    report(`${at}.target`, 'is allowed only on a percentage criterion');
  }

  if (kind === 'count') {
    const p = def.penaltyPerUnit;
    if (p === undefined || p === null)
      report(`${at}.penaltyPerUnit`, 'is required for a count criterion');
    else if (!isDecimal(p, 2) || p <= 0)
      report(`${at}.penaltyPerUnit`, 'must be a number above 0, with at most 2 decimals');
  } else if (isGiven(def.penaltyPerUnit)) {
    report(`${at}.penaltyPerUnit`, 'is allowed only on a count criterion');
  }

  for (const flag of ['bonus', 'fromIncidents', 'disqualifying'] as const) {
    if (isGiven(def[flag]) && typeof def[flag] !== 'boolean')
      report(`${at}.${flag}`, 'must be true or false');
  }
  if (def.fromIncidents === true && kind !== 'count')
    report(`${at}.fromIncidents`, 'is allowed only on a count criterion');
  if (def.disqualifying === true && kind !== 'boolean' && kind !== 'count')
    report(`${at}.disqualifying`, 'is allowed only on a boolean or count criterion');
}

function checkThresholds(thresholds: Partial<Thresholds> | null | undefined, report: Report): void {
  if (thresholds === undefined || thresholds === null) return;
  if (typeof thresholds !== 'object')
    return report('thresholds', 'must be an object with A, B and C');
  let valid = true;
  for (const letter of ['A', 'B', 'C'] as const) {
    const t = thresholds[letter];
    if (t === undefined || t === null) continue;
    if (!isDecimal(t, 2) || t < 0 || t > 100) {
      report(`thresholds.${letter}`, 'must be a number between 0 and 100, with at most 2 decimals');
      valid = false;
    }
  }
  if (!valid) return;
  const { A, B, C } = resolveThresholds(thresholds);
  if (!(A > B)) report('thresholds.A', `must be greater than B (${B})`);
  if (!(B > C)) report('thresholds.B', `must be greater than C (${C})`);
}

function isDecimal(x: unknown, maxDecimals: number): x is number {
  return typeof x === 'number' && Number.isFinite(x) && decimalPlaces(x) <= maxDecimals;
}

function isText(x: unknown): boolean {
  return typeof x === 'string' && x.trim().length > 0 && x.length <= TEXT_LIMIT;
}

function isGiven(x: unknown): boolean {
  return x !== undefined && x !== null;
}
