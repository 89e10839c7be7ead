import type { ServerResponse } from 'node:http';
import { sendAsAttachment } from '@app/core';
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_EXTENSIONS,
  ExportFormat,
  ExportRow,
  ExportTable,
} from './export-table';
import { ExportAborted } from './pacing';
import { writeExport } from './write-export';

/**
 * The rows of a source whose first row was pulled already. `release()` lets
 * the source free its cursor when the export stops before the end.
 */
function resumable(
  first: IteratorResult<ExportRow>,
  source: AsyncIterator<ExportRow> | Iterator<ExportRow>,
): { rows: AsyncIterable<ExportRow>; release: () => Promise<void> } {
  let done = Boolean(first.done);
  const release = async (): Promise<void> => {
    if (done) return;
    done = true;
    // Best effort: a failing cleanup must not hide why the export stopped.
    await Promise.resolve(source.return?.()).catch(() => undefined);
  };
  async function* rows(): AsyncGenerator<ExportRow> {
    let next = first;
    try {
      while (!next.done) {
        yield next.value;
        next = await source.next();
      }
      done = true;
    } finally {
      await release();
    }
  }
  return { rows: rows(), release };
}

function iteratorOf(rows: ExportTable['rows']): AsyncIterator<ExportRow> | Iterator<ExportRow> {
  return Symbol.asyncIterator in rows
    ? rows[Symbol.asyncIterator]()
    : (rows as Iterable<ExportRow>)[Symbol.iterator]();
}

/**
 * Sends `table` as a file download on the Node response of a route that takes
 * `@Res()` (its `reply.raw`). The first row is pulled before any header goes out, so a query
 * that fails at once still becomes a normal SPEC error body. After that the
 * body streams with backpressure; a client that disconnects stops the pull of
 * rows (the source's `return()` runs) and the call resolves quietly. A failure
 * mid-stream destroys the response — the client sees a broken download, never
 * a file that looks complete — and is rethrown for the exception filter to log.
 */
export async function sendExport(
  response: ServerResponse,
  format: ExportFormat,
  table: ExportTable,
): Promise<void> {
  const source = iteratorOf(table.rows);
  const { rows, release } = resumable(await source.next(), source);

  const aborted = new AbortController();
  const onClose = (): void => {
    if (!response.writableFinished) aborted.abort();
  };
  response.once('close', onClose);
  sendAsAttachment(
    response,
    `${table.fileName}${EXPORT_EXTENSIONS[format]}`,
    EXPORT_CONTENT_TYPES[format],
  );
  try {
    await writeExport(format, { ...table, rows }, response, {
      signal: aborted.signal,
    });
  } catch (error) {
    if (error instanceof ExportAborted || aborted.signal.aborted) {
      response.destroy();
      return;
    }
    response.destroy(error as Error);
    throw error;
  } finally {
    response.removeListener('close', onClose);
    await release();
  }
}
