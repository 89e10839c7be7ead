import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ValidationFailed } from '../errors/domain-errors';

export type Cell = string | number | boolean | null;

/** One data row of an uploaded file, with its row number as a spreadsheet shows it. */
export interface UploadedRow {
  row: number;
  cells: Record<string, Cell>;
}

export interface UploadedTable {
  /** Column codes in file order; `Mã nhân viên [employeeCode]` gives `employeeCode`. */
  columns: string[];
  headerRow: number;
  rows: UploadedRow[];
}

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

export const MAX_IMPORT_ROWS = 20_000;

/** A header names its column by the code in trailing brackets, or by its whole text. */
export function columnCode(header: string): string {
  const match = /\[([^\]]+)\]\s*$/.exec(header);
  return (match ? match[1] : header).trim();
}

function isXlsx(file: UploadedFile): boolean {
  return (
    /\.xlsx$/i.test(file.originalname) ||
    file.mimetype.includes('spreadsheetml') ||
    file.buffer.subarray(0, 2).toString() === 'PK'
  );
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'result' in value)
    return cellValue(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'richText' in value)
    return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return String(value);
}

/** The header is the first row whose cells include the key column (titles above it are skipped). */
function findHeader(rows: Cell[][], keyColumns: readonly string[]): number {
  const index = rows.findIndex((cells) =>
    cells.some((cell) => typeof cell === 'string' && keyColumns.includes(columnCode(cell))),
  );
  if (index < 0)
    throw ValidationFailed.field('file', `no header row naming ${keyColumns.join(' or ')}`);
  return index;
}

function toTable(grid: Cell[][], keyColumns: readonly string[]): UploadedTable {
  const headerIndex = findHeader(grid, keyColumns);
  const columns = grid[headerIndex].map((cell) => (cell === null ? '' : columnCode(String(cell))));
  const rows: UploadedRow[] = [];
  for (let index = headerIndex + 1; index < grid.length; index++) {
    const cells: Record<string, Cell> = {};
    let empty = true;
    columns.forEach((column, at) => {
      const raw = grid[index][at] ?? null;
      const value = typeof raw === 'string' ? (raw.trim() === '' ? null : raw.trim()) : raw;
      if (column !== '') cells[column] = value;
      if (value !== null) empty = false;
    });
    if (!empty) rows.push({ row: index + 1, cells });
  }
  if (rows.length > MAX_IMPORT_ROWS)
    throw ValidationFailed.field('file', `at most ${MAX_IMPORT_ROWS} rows per file`);
  return { columns, headerRow: headerIndex + 1, rows };
}

async function readXlsx(buffer: Buffer): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw ValidationFailed.field('file', 'is not a readable XLSX file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw ValidationFailed.field('file', 'has no worksheet');
  const grid: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value);
    });
    grid[rowNumber - 1] = cells;
  });
  return Array.from(grid, (cells) => cells ?? []);
}

function readCsv(buffer: Buffer): Cell[][] {
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as Cell[][];
  } catch (error) {
    throw ValidationFailed.field('file', `is not a readable CSV file: ${(error as Error).message}`);
  }
}

/** Reads an uploaded CSV (UTF-8, comma or semicolon) or XLSX into coded columns and numbered rows. */
export async function readUploadedTable(
  file: UploadedFile | undefined,
  keyColumns: readonly string[],
): Promise<UploadedTable> {
  if (!file || !file.buffer?.length)
    throw ValidationFailed.field(
      'file',
      'a CSV or XLSX file is required in the multipart field "file"',
    );
  const grid = isXlsx(file) ? await readXlsx(file.buffer) : readCsv(file.buffer);
  return toTable(grid, keyColumns);
}

/** Multer limits of an import upload: one file of at most 20 MB. */
export const UPLOAD_LIMITS = { fileSize: 20 * 1024 * 1024, files: 1 };
