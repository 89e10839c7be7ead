import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { GridRow } from './table-from-rows';
import { MAX_CSV_RECORD_CHARS, MAX_IMPORT_COLUMNS } from './upload-limits';
import { UploadRefused } from './upload-refused';

const CHUNK = 64 * 1024;
const QUOTE = 0x22;
const NEWLINE = 0x0a;

/** Semicolon when the first line has more of them than commas (Excel in Vietnamese locales). */
function delimiterOf(buffer: Buffer): ',' | ';' {
  const end = buffer.indexOf(NEWLINE);
  const firstLine = buffer.subarray(0, end < 0 ? Math.min(buffer.length, CHUNK) : end).toString();
  const count = (char: string) => firstLine.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/**
 * The first record with more than MAX_IMPORT_COLUMNS fields, found by one pass over the bytes
 * (delimiters outside quotes; `""` toggles twice): csv-parse would build a record of a million
 * empty fields before it could be counted. Returns its 1-based record number, or 0.
 */
export function firstTooWideRecord(buffer: Buffer, delimiter: string): number {
  const separator = delimiter.charCodeAt(0);
  let quoted = false;
  let fields = 1;
  let record = 1;
  for (let at = 0; at < buffer.length; at++) {
    const byte = buffer[at];
    if (byte === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (byte === separator) {
      if (++fields > MAX_IMPORT_COLUMNS) return record;
    } else if (byte === NEWLINE) {
      fields = 1;
      record++;
    }
  }
  return 0;
}

/**
 * Rows of a UTF-8 CSV (comma or semicolon, RFC 4180 quoting), parsed as a stream from the
 * upload in 64 KB chunks: the caller stops pulling at its caps and the rest is never parsed.
 */
export async function* csvRows(buffer: Buffer): AsyncGenerator<GridRow> {
  const delimiter = delimiterOf(buffer);
  const tooWide = firstTooWideRecord(buffer, delimiter);
  if (tooWide)
    throw new UploadRefused(`row ${tooWide} has more than ${MAX_IMPORT_COLUMNS} columns`);
  const chunks = function* () {
    for (let start = 0; start < buffer.length; start += CHUNK)
      yield buffer.subarray(start, start + CHUNK);
  };
  const parser = Readable.from(chunks()).pipe(
    parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: MAX_CSV_RECORD_CHARS,
    }),
  );
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>)
      yield { number: ++number, cells: record };
  } catch (error) {
    if (error instanceof UploadRefused) throw error;
    throw new UploadRefused(`is not a readable CSV file: ${(error as Error).message}`);
  } finally {
    parser.destroy();
  }
}
