import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { columnWidth, ExportColumn, ExportOptions, ExportTable } from './export-table';
import { Pacer } from './pacing';

/** Columns at least this wide (characters) wrap their text instead of overflowing. */
const WRAP_FROM_WIDTH = 30;
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE7E6E6' },
};
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };

/** Excel refuses sheet names over 31 characters or holding []:*?/\ */
function sheetName(title: string): string {
  const name = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim()
    .slice(0, 31)
    .trim();
  return name || 'Sheet1';
}

function columnStyle(column: ExportColumn): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    alignment: {
      horizontal: column.align ?? 'left',
      vertical: 'top',
      wrapText: columnWidth(column) >= WRAP_FROM_WIDTH,
    },
  };
  if (column.decimals !== undefined) {
    style.numFmt = column.decimals > 0 ? `0.${'0'.repeat(column.decimals)}` : '0';
  }
  return style;
}

/**
 * XLSX through exceljs's streaming writer: every row is committed as soon as it
 * is written, strings are inlined (no shared-string table in memory), so the
 * memory in use stays flat however many rows the table has.
 */
export async function writeXlsx(
  table: ExportTable,
  out: Writable,
  options: ExportOptions = {},
): Promise<void> {
  const pacer = new Pacer(out, options.signal);
  const columns = table.columns;
  const titleRows = table.subtitle ? 2 : 1;
  const headerRow = titleRows + 2; // a blank row between the titles and the table
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName(table.title), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: columns.length > 5 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  });
  sheet.columns = columns.map((column) => ({
    key: column.key,
    width: columnWidth(column),
    style: columnStyle(column),
  }));

  const writeTitle = (rowNumber: number, text: string, font: Partial<ExcelJS.Font>): void => {
    const row = sheet.getRow(rowNumber);
    const cell = row.getCell(1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: false };
    if (columns.length > 1) sheet.mergeCells(rowNumber, 1, rowNumber, columns.length);
    row.commit();
  };
  writeTitle(1, table.title, { bold: true, size: 14 });
  if (table.subtitle) writeTitle(2, table.subtitle, { italic: true, size: 11 });

  const header = sheet.getRow(headerRow);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.commit();

  for await (const source of table.rows) {
    await pacer.step();
    // A sparse array: index = column number, so a null in the first column stays in column A.
    const values: ExcelJS.CellValue[] = [];
    columns.forEach((column, index) => {
      const value = source[column.key];
      values[index + 1] = typeof value === 'number' && !Number.isFinite(value) ? null : value;
    });
    sheet.addRow(values).commit();
  }
  pacer.check();
  sheet.commit();
  await pacer.race(workbook.commit());
}
