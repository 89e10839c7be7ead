import type { Cell, GridRow } from './table-from-rows';
import { MAX_IMPORT_COLUMNS } from './upload-limits';
import { UploadRefused } from './upload-refused';
import { columnNumber, serialToIsoDate } from './xlsx/cell-values';
import { readWorkbookParts, TextCollector, type WorkbookParts } from './xlsx/workbook-parts';
import { XlsxPackage, type XmlHandlers } from './xlsx/xml-parts';
import { openXlsxZip } from './zip-inspection';

interface OpenCell {
  column: number;
  type: string;
  style: number;
}

/** A cell's value from its type (`t`), style (`s`) and the text of its `<v>` or `<is>`. */
function cellValue(cell: OpenCell, text: string, parts: WorkbookParts): Cell {
  switch (cell.type) {
    case 's': {
      const shared = parts.sharedStrings[Number(text)];
      if (shared === undefined) throw new UploadRefused('is not a readable XLSX file');
      return shared;
    }
    case 'inlineStr':
    case 'str':
      return text;
    case 'b':
      return text === '1' || text.toLowerCase() === 'true';
    case 'e':
      return null;
    case 'd':
      return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
    default: {
      if (text.trim() === '') return null;
      const number = Number(text);
      if (!Number.isFinite(number)) return text;
      return parts.dateStyles[cell.style] ? serialToIsoDate(number, parts.date1904) : number;
    }
  }
}

/**
 * The handlers that turn a worksheet's `<row>`s and `<c>`s into grid rows, pushed onto `done`
 * as each `</row>` closes. Only a cell's `<v>` or its `<is>` text counts (never the formula).
 */
function sheetHandlers(parts: WorkbookParts, done: GridRow[]): XmlHandlers {
  let row: GridRow | undefined;
  let lastRow = 0;
  let lastColumn = 0;
  let cell: OpenCell | undefined;
  let inValue = false;
  let inPhonetic = false;
  let hasValue = false;
  const text = new TextCollector();
  return {
    open(name, attributes) {
      if (name === 'row') {
        lastRow = attributes.r ? Number(attributes.r) : lastRow + 1;
        if (!Number.isSafeInteger(lastRow) || lastRow < 1)
          throw new UploadRefused('is not a readable XLSX file');
        row = { number: lastRow, cells: [] };
        lastColumn = 0;
      } else if (name === 'c' && row) {
        lastColumn = attributes.r ? columnNumber(attributes.r) : lastColumn + 1;
        cell = { column: lastColumn, type: attributes.t ?? 'n', style: Number(attributes.s ?? 0) };
        hasValue = false;
      } else if (name === 'rPh') inPhonetic = true;
      else if (cell && (name === 'v' || (name === 't' && !inPhonetic))) {
        inValue = true;
        hasValue = true;
      }
    },
    text(value) {
      if (inValue) text.add(value);
    },
    close(name) {
      if (name === 'v' || name === 't') inValue = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'c' && cell && row) {
        const value = hasValue ? cellValue(cell, text.take(), parts) : null;
        if (value !== null) {
          if (cell.column > MAX_IMPORT_COLUMNS || cell.column < 1)
            throw new UploadRefused(
              `row ${row.number} has more than ${MAX_IMPORT_COLUMNS} columns`,
            );
          row.cells[cell.column - 1] = value;
        }
        cell = undefined;
      } else if (name === 'row' && row) {
        done.push(row);
        row = undefined;
      }
    },
  };
}

/**
 * Rows of an XLSX's first worksheet (in the workbook's tab order), once the zip has passed
 * inspection. Parts are read through the zip's central directory, in the order a sheet needs
 * them, and the sheet is parsed as it unpacks: the caller stops pulling at its caps and the
 * rest is never unpacked.
 */
export async function* xlsxRows(buffer: Buffer): AsyncGenerator<GridRow> {
  const { zip, entries } = await openXlsxZip(buffer);
  try {
    const pkg = new XlsxPackage(zip, entries);
    const parts = await readWorkbookParts(pkg);
    if (!parts.firstSheetPath) throw new UploadRefused('has no worksheet');
    const done: GridRow[] = [];
    for await (const _ of pkg.feed(parts.firstSheetPath, sheetHandlers(parts, done))) {
      yield* done;
      done.length = 0;
    }
    yield* done;
  } catch (error) {
    if (error instanceof UploadRefused) throw error;
    throw new UploadRefused('is not a readable XLSX file');
  } finally {
    zip.close();
  }
}
