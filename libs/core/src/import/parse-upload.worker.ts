import { parentPort, workerData } from 'node:worker_threads';
import { csvRows } from './csv-rows';
import { tableFromRows, type UploadedTable } from './table-from-rows';
import { UploadRefused } from './upload-refused';
import { xlsxRows } from './xlsx-rows';

// Runs in a worker thread with a capped heap (see parse-upload.ts): whatever a file does to the
// parser, the API's own heap and event loop are not what it exhausts.

export interface ParseJob {
  bytes: Uint8Array;
  xlsx: boolean;
  keyColumns: string[];
}

export type ParseAnswer = { table: UploadedTable } | { refused: string };

async function parseJob(job: ParseJob): Promise<ParseAnswer> {
  const buffer = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  try {
    const rows = job.xlsx ? xlsxRows(buffer) : csvRows(buffer);
    return { table: await tableFromRows(rows, job.keyColumns) };
  } catch (error) {
    if (error instanceof UploadRefused) return { refused: error.message };
    throw error;
  }
}

if (parentPort) {
  const port = parentPort;
  void parseJob(workerData as ParseJob).then((answer) => port.postMessage(answer));
}
