import { parentPort } from 'node:worker_threads';
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

// One job at a time: the pool sends the next only after this one's answer. An unexpected error
// escapes, the worker dies with it and the pool replaces it.
parentPort?.on('message', (job: ParseJob) => {
  void parseJob(job).then((answer) => parentPort!.postMessage(answer));
});
