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

/** Workers that finished a job cleanly wait here for the next (starting one costs ~100 ms). */
const idle: Worker[] = [];
let busy = 0;
const waiting: (() => void)[] = [];

function startWorker(): Worker {
  const worker = new Worker(WORKER_FILE, {
    execArgv: WORKER_EXEC_ARGV,
    resourceLimits: {
      maxOldGenerationSizeMb: PARSE_LIMITS.heapMb,
      maxYoungGenerationSizeMb: PARSE_LIMITS.youngMb,
    },
  });
  // A job's own listeners report its failure; this one keeps a late 'error' from being unhandled.
  worker.on('error', () => undefined);
  worker.once('exit', () => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  });
  // An idle worker must not keep the process alive.
  worker.unref();
  return worker;
}

async function takeWorker(): Promise<Worker> {
  if (busy >= PARSE_LIMITS.concurrent) await new Promise<void>((go) => waiting.push(go));
  busy++;
  return idle.pop() ?? startWorker();
}

function release(worker: Worker | null): void {
  if (worker) idle.push(worker);
  busy--;
  waiting.shift()?.();
}

function failure(error: Error & { code?: string }): UploadRefused {
  return error.code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? new UploadRefused('needs more memory to read than an upload may use')
    : new UploadRefused(`could not be read: ${error.message}`);
}

/** One job on one worker; a worker that failed, died or overran is ended, never reused. */
function runOn(worker: Worker, job: ParseJob): Promise<UploadedTable> {
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void, reusable: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (!reusable) void worker.terminate();
      release(reusable ? worker : null);
      outcome();
    };
    const onMessage = (answer: ParseAnswer) =>
      settle(
        () =>
          'table' in answer ? resolve(answer.table) : reject(new UploadRefused(answer.refused)),
        true,
      );
    const onError = (error: Error) => settle(() => reject(failure(error)), false);
    const onExit = (code: number) =>
      settle(
        () => reject(new UploadRefused(`could not be read (the reader stopped, ${code})`)),
        false,
      );
    const timer = setTimeout(
      () =>
        settle(
          () =>
            reject(
              new UploadRefused(`took longer than ${PARSE_LIMITS.timeoutMs / 1000} s to read`),
            ),
          false,
        ),
      PARSE_LIMITS.timeoutMs,
    );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.ref();
    worker.postMessage(job);
  }).finally(() => worker.unref()) as Promise<UploadedTable>;
}

/**
 * Parses an upload in a worker thread whose heap is capped (PARSE_LIMITS): a file that would
 * exhaust memory kills the worker, not the API, and is refused; at most PARSE_LIMITS.concurrent
 * files are read at once, the others wait their turn.
 */
export async function parseUpload(
  bytes: Buffer,
  xlsx: boolean,
  keyColumns: readonly string[],
): Promise<UploadedTable> {
  const worker = await takeWorker();
  return runOn(worker, { bytes, xlsx, keyColumns: [...keyColumns] });
}

/** Ends the workers waiting for a job (at shutdown, or to apply new limits). */
export async function endIdleUploadWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((worker) => worker.terminate()));
}
