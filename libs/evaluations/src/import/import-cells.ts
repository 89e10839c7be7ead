import type { Cell } from '@app/core';
import { checkValue, type CriterionDef } from '@app/domain';

const TRUE_WORDS = new Set(['true', '1', 'x', 'yes', 'có', 'co', 'đạt', 'dat']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'không', 'khong']);
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

export type ParsedCell = { value: number | boolean | null } | { error: string };

/**
 * Reads one cell of an import for a criterion: spreadsheets give numbers and
 * booleans, CSV gives text (with a decimal point or comma). An empty cell is
 * `null`: the value is left as it is.
 */
export function parseCell(def: CriterionDef, cell: Cell | undefined): ParsedCell {
  if (cell === null || cell === undefined) return { value: null };
  let value: number | boolean;
  if (def.kind === 'boolean') {
    const word = String(cell).trim().toLowerCase();
    if (typeof cell === 'boolean') value = cell;
    else if (TRUE_WORDS.has(word)) value = true;
    else if (FALSE_WORDS.has(word)) value = false;
    else return { error: `must be true or false, got "${cell}"` };
  } else if (typeof cell === 'number') {
    value = cell;
  } else if (typeof cell === 'string' && NUMBER.test(cell.trim())) {
    value = Number(cell.trim().replace(',', '.'));
  } else {
    return { error: `must be a number, got "${cell}"` };
  }
  const problem = checkValue(def, value);
  return problem ? { error: problem } : { value };
}
