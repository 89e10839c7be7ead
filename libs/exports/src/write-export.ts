import type { Writable } from 'node:stream';
import { writeCsv } from './csv-writer';
import { ExportFormat, ExportOptions, ExportTable } from './export-table';
import { writePdf } from './pdf-writer';
import { writeXlsx } from './xlsx-writer';

const WRITERS: Record<
  ExportFormat,
  (table: ExportTable, out: Writable, options?: ExportOptions) => Promise<void>
> = {
  xlsx: writeXlsx,
  csv: writeCsv,
  pdf: writePdf,
};

/**
 * Streams `table` into `out` in the given format and ends `out`; resolves once
 * everything is flushed. Rows are pulled one at a time, at the pace `out`
 * accepts them. Rejects with ExportAborted when `options.signal` aborts or
 * `out` closes early.
 */
export function writeExport(
  format: ExportFormat,
  table: ExportTable,
  out: Writable,
  options: ExportOptions = {},
): Promise<void> {
  return WRITERS[format](table, out, options);
}
