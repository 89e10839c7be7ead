import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, GridRow } from './table-from-rows';
import { MAX_IMPORT_COLUMNS } from './upload-limits';
import { UploadRefused } from './upload-refused';
import { inspectXlsxZip } from './zip-inspection';

/**
 * A copy of a text that does not hold on to the 64 KB chunk of XML it was cut from (V8 keeps a
 * sliced string's parent alive): without it 20,000 rows hold a hundred MB of XML.
 */
function own(text: string): string {
  return (' ' + text).slice(1);
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return own(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'result' in value)
    return cellValue(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'richText' in value)
    return own(value.richText.map((part) => part.text).join(''));
  if (typeof value === 'object' && 'text' in value) return own(String(value.text));
  if (typeof value === 'object' && 'error' in value) return null;
  return String(value);
}

/**
 * Rows of the first worksheet of an XLSX, through exceljs's streaming reader once the zip has
 * passed inspection: the caller stops pulling at its caps and the rest is never unpacked.
 */
export async function* xlsxRows(buffer: Buffer): AsyncGenerator<GridRow> {
  await inspectXlsxZip(buffer);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const sheet of workbook) {
      sheets++;
      for await (const row of sheet) {
        // values is sparse, 1-based: forEach visits only the cells the sheet holds.
        const cells: Cell[] = [];
        (row.values as ExcelJS.CellValue[]).forEach((value, column) => {
          const cell = cellValue(value);
          if (cell === null) return;
          if (column > MAX_IMPORT_COLUMNS)
            throw new UploadRefused(
              `row ${row.number} has more than ${MAX_IMPORT_COLUMNS} columns`,
            );
          cells[column - 1] = cell;
        });
        yield { number: row.number, cells };
      }
      return;
    }
  } catch (error) {
    if (error instanceof UploadRefused) throw error;
    throw new UploadRefused('is not a readable XLSX file');
  }
  if (sheets === 0) throw new UploadRefused('has no worksheet');
}
