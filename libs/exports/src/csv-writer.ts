import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { cellText, ExportCell, ExportOptions, ExportTable } from './export-table';
import { Pacer } from './pacing';

/** What a spreadsheet reads as the start of a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet will not run it: one that begins like a formula gets a leading
 * apostrophe. Numbers written by us (a negative movement, say) stay numbers.
 */
export function neutralizeFormula(value: ExportCell | undefined, text: string): string {
  return typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * CSV as Excel reads it: UTF-8 with a byte-order mark (so the diacritics show),
 * RFC 4180 quoting and CRLF line ends, the header row first. Title and
 * subtitle are left out: a CSV is data for the next program, not a document.
 */
export async function writeCsv(
  table: ExportTable,
  out: Writable,
  options: ExportOptions = {},
): Promise<void> {
  const pacer = new Pacer(out, options.signal);
  const stringifier = stringify({
    bom: true,
    record_delimiter: 'windows',
    // csv-stringify stops quoting lone \n and \r once record_delimiter is set.
    quote_record_delimiter: true,
  });
  stringifier.pipe(out);
  try {
    stringifier.write(
      table.columns.map((column) => neutralizeFormula(column.header, column.header)),
    );
    for await (const row of table.rows) {
      await pacer.step();
      const record = table.columns.map((column) =>
        neutralizeFormula(row[column.key], cellText(row[column.key], column)),
      );
      if (!stringifier.write(record)) await pacer.until(stringifier, 'drain');
    }
    pacer.check();
    const finished = pacer.until(out, 'finish');
    stringifier.end();
    await finished;
  } catch (error) {
    stringifier.unpipe(out);
    stringifier.destroy();
    throw error;
  }
}
