import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** The reader went away (client disconnected, caller aborted): rows stop being pulled. */
export class ExportAborted extends Error {
  constructor() {
    super('Export aborted');
    this.name = 'ExportAborted';
  }
}

/**
 * Keeps a producer in step with its output. The exceljs and pdfkit internals
 * accept data without backpressure, so the writers ask here before each row:
 * every few rows the event loop gets a turn (zlib and sockets move on), and
 * while the output's buffer is full the producer waits for it to drain.
 */
export class Pacer {
  private static readonly YIELD_EVERY = 64;
  private rows = 0;

  constructor(
    private readonly out: Writable,
    private readonly signal?: AbortSignal,
  ) {}

  /** Throws ExportAborted when the reader is gone. */
  check(): void {
    if (this.signal?.aborted || this.out.destroyed) throw new ExportAborted();
  }

  async step(): Promise<void> {
    this.check();
    if (++this.rows % Pacer.YIELD_EVERY === 0) await nextTurn();
    while (this.out.writableNeedDrain) await this.until(this.out, 'drain');
    this.check();
  }

  /** Waits for `event` on `emitter`, or fails fast if the output closes or the signal aborts. */
  until(emitter: NodeJS.EventEmitter, event: string): Promise<void> {
    return this.race(
      new Promise<void>((resolve) => {
        emitter.once(event, () => resolve());
      }),
    );
  }

  /** Settles with `work`, unless the output closes, errors or the signal aborts first. */
  race<T>(work: Promise<T>): Promise<T> {
    this.check();
    const { out, signal } = this;
    let cleanup = (): void => undefined;
    const stopped = new Promise<never>((_, reject) => {
      const onAbort = (): void => reject(new ExportAborted());
      // 'close' follows 'finish' within the same tick: only a close before the end is an abort.
      const onClose = (): void => {
        if (!out.writableFinished) onAbort();
      };
      const onError = (error: Error): void => reject(error);
      out.once('close', onClose);
      out.once('error', onError);
      signal?.addEventListener('abort', onAbort, { once: true });
      cleanup = () => {
        out.removeListener('close', onClose);
        out.removeListener('error', onError);
        signal?.removeEventListener('abort', onAbort);
      };
    });
    return Promise.race([work, stopped]).finally(cleanup);
  }
}
