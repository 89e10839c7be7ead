import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, MAX_ROWS_BEFORE_HEADER } from './upload-limits';
import { UploadRefused } from './upload-refused';

export type Cell = string | number | boolean | null;

/** One row of a file as its reader gives it: the row number a spreadsheet shows, and its cells. */
export interface GridRow {
  number: number;
  cells: Cell[];
}

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

/** A header names its column by the code in trailing brackets, or by its whole text. */
export function columnCode(header: string): string {
  const match = /\[([^\]]+)\]\s*$/.exec(header);
  return (match ? match[1] : header).trim();
}

function isHeader(cells: Cell[], keyColumns: readonly string[]): boolean {
  return cells.some((cell) => typeof cell === 'string' && keyColumns.includes(columnCode(cell)));
}

/** The last column holding a value: trailing empty cells do not count against the column cap. */
function width(cells: Cell[]): number {
  let last = cells.length;
  while (last > 0 && (cells[last - 1] === null || cells[last - 1] === undefined)) last--;
  return last;
}

/**
 * Builds the table from rows pulled one at a time: the header is the first row naming a key
 * column (titles above it are skipped), empty rows are left out, and reading stops with
 * UploadRefused at the first row past the row or column cap, so a huge file is never held whole.
 */
export async function tableFromRows(
  source: AsyncIterable<GridRow>,
  keyColumns: readonly string[],
): Promise<UploadedTable> {
  let columns: string[] | null = null;
  let headerRow = 0;
  let seen = 0;
  const rows: UploadedRow[] = [];
  for await (const { number, cells } of source) {
    if (width(cells) > MAX_IMPORT_COLUMNS)
      throw new UploadRefused(`row ${number} has more than ${MAX_IMPORT_COLUMNS} columns`);
    if (!columns) {
      if (isHeader(cells, keyColumns)) {
        columns = Array.from(cells, (cell) =>
          cell === null || cell === undefined ? '' : columnCode(String(cell)),
        );
        headerRow = number;
      } else if (++seen >= MAX_ROWS_BEFORE_HEADER) break;
      continue;
    }
    const row: Record<string, Cell> = {};
    let empty = true;
    columns.forEach((column, at) => {
      const raw = cells[at] ?? null;
      const value = typeof raw === 'string' ? (raw.trim() === '' ? null : raw.trim()) : raw;
      if (column !== '') row[column] = value;
      if (value !== null) empty = false;
    });
    if (empty) continue;
    if (rows.length === MAX_IMPORT_ROWS)
      throw new UploadRefused(`at most ${MAX_IMPORT_ROWS} rows per file`);
    rows.push({ row: number, cells: row });
  }
  if (!columns)
    throw new UploadRefused(
      `no header row naming ${keyColumns.join(' or ')} in the first ${MAX_ROWS_BEFORE_HEADER} rows`,
    );
  return { columns, headerRow, rows };
}
