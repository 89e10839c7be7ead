import { ValidationFailed } from '../errors/domain-errors';
import { parseUpload } from './parse-upload';
import type { UploadedTable } from './table-from-rows';
import { UploadRefused } from './upload-refused';

export { columnCode } from './table-from-rows';
export type { Cell, UploadedRow, UploadedTable } from './table-from-rows';
export { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, UPLOAD_LIMITS } from './upload-limits';

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

function isXlsx(file: UploadedFile): boolean {
  return (
    /\.xlsx$/i.test(file.originalname) ||
    file.mimetype.includes('spreadsheetml') ||
    file.buffer.subarray(0, 2).toString() === 'PK'
  );
}

/**
 * Reads an uploaded CSV (UTF-8, comma or semicolon) or XLSX into coded columns and numbered rows,
 * in a worker thread, stopping at the row and column caps. A file refused is 400 on `file`.
 */
export async function readUploadedTable(
  file: UploadedFile | undefined,
  keyColumns: readonly string[],
): Promise<UploadedTable> {
  if (!file || !file.buffer?.length)
    throw ValidationFailed.field(
      'file',
      'a CSV or XLSX file is required in the multipart field "file"',
    );
  try {
    return await parseUpload(file.buffer, isXlsx(file), keyColumns);
  } catch (error) {
    if (error instanceof UploadRefused) throw ValidationFailed.field('file', error.message);
    throw error;
  }
}
