import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParseAnswer, ParseJob } from './parse-upload.worker';
import type { UploadedTable } from './table-from-rows';
import { PARSE_LIMITS } from './upload-limits';
import { UploadRefused } from './upload-refused';

// Built, this file is parse-upload.js beside parse-upload.worker.js; run from the TypeScript
// sources (tests, ts runners) the worker compiles its own with the same register hook.
const WORKER_FILE = join(__dirname, `parse-upload.worker${extname(__filename)}`);
const WORKER_EXEC_ARGV = extname(__filename) === '.ts' ? ['--require', '@swc-node/register'] : [];

let running = 0;
const waiting: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (running >= PARSE_LIMITS.concurrent) await new Promise<void>((go) => waiting.push(go));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

function runWorker(job: ParseJob): Promise<UploadedTable> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, {
      workerData: job,
      execArgv: WORKER_EXEC_ARGV,
      resourceLimits: {
        maxOldGenerationSizeMb: PARSE_LIMITS.heapMb,
        maxYoungGenerationSizeMb: PARSE_LIMITS.youngMb,
      },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(new UploadRefused(`took longer than ${PARSE_LIMITS.timeoutMs / 1000} s to read`)),
        ),
      PARSE_LIMITS.timeoutMs,
    );
    worker.once('message', (answer: ParseAnswer) =>
      settle(() =>
        'table' in answer ? resolve(answer.table) : reject(new UploadRefused(answer.refused)),
      ),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new UploadRefused('needs more memory to read than an upload may use')
            : new UploadRefused(`could not be read: ${error.message}`),
        ),
      ),
    );
    worker.once('exit', (code) =>
      settle(() =>
        reject(new UploadRefused(`could not be read (the reader stopped with ${code})`)),
      ),
    );
  });
}

/**
 * Parses an upload in a worker thread whose heap is capped (PARSE_LIMITS): a file that would
 * exhaust memory kills the worker, not the API, and is refused; at most PARSE_LIMITS.concurrent
 * files are read at once.
 */
export async function parseUpload(
  bytes: Buffer,
  xlsx: boolean,
  keyColumns: readonly string[],
): Promise<UploadedTable> {
  const done = await turn();
  try {
    return await runWorker({ bytes, xlsx, keyColumns: [...keyColumns] });
  } finally {
    done();
  }
}
