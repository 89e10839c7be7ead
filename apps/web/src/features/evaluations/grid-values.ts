/**
 * Cell text ⇄ criterion values for the evaluation grid and for pasted blocks: Vietnamese
 * decimal commas, Có/Không for yes/no criteria, and the domain's own value check with its
 * refusal said in Vietnamese by field-messages.
 */
import { checkManualValue, type CriterionDef, type CriterionValue } from '@app/domain';
import { vietnameseMessage } from '../../api/field-messages';

export type Parsed = { value: number | boolean | null } | { error: string };

const YES = new Set(['có', 'co', 'c', 'x', 'yes', 'y', 'true', '1', 'đạt', 'dat']);
const NO = new Set(['không', 'khong', 'k', 'no', 'n', 'false', '0', 'chưa đạt', 'chua dat']);

/** "8,5" → 8.5, "1.234,5" stays refused (ambiguous), "" → null. */
function parseNumber(text: string): number | null | undefined {
  const plain = text.replace(/\s/g, '');
  if (plain === '') return null;
  const normal = plain.includes(',') && !plain.includes('.') ? plain.replace(',', '.') : plain;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return undefined;
  return Number(normal);
}

/**
 * The domain's refusal in the words of field-messages, as a clause that follows a cell's text or
 * a criterion's name ("«11» phải từ 0 đến 10").
 */
function cellProblem(problem: string): string {
  const sentence = vietnameseMessage(problem);
  return sentence.charAt(0).toLocaleLowerCase('vi-VN') + sentence.slice(1);
}

/** A typed or pasted text (or a toggled boolean) as the criterion's value, checked as the server checks it. */
export function parseCellInput(def: CriterionDef, input: unknown): Parsed {
  let value: number | boolean | null | undefined;
  if (input === null || input === undefined) value = null;
  else if (typeof input === 'boolean' || typeof input === 'number') value = input;
  else if (def.kind === 'boolean') {
    const text = String(input).trim().toLowerCase();
    value = text === '' ? null : YES.has(text) ? true : NO.has(text) ? false : undefined;
  } else value = parseNumber(String(input));
  // Text that is no value at all is refused as the server refuses a value of the wrong type.
  if (value === undefined)
    return {
      error: cellProblem(def.kind === 'boolean' ? 'must be true or false' : 'must be a number'),
    };
  const problem = checkManualValue(def, value);
  return problem === null ? { value } : { error: cellProblem(problem) };
}

/** How a value reads in a cell and in the editor: "8,5", "Có", "". */
export function formatCellValue(value: CriterionValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return value.toLocaleString('vi-VN', { maximumFractionDigits: 4, useGrouping: false });
}

/** A block copied from Excel or LibreOffice: rows by line, cells by tab; a trailing newline dropped. */
export function parseTsv(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}
