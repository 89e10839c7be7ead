import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { EXPORT_FORMATS } from './export-table';
import { nominationColumns } from './nomination-columns';
import { ExportAborted } from './pacing';
import { endlessRows } from './testing/endless-rows';
import { writeExport } from './write-export';

/** A reader that takes the first chunks and then stops reading, like a stalled client. */
function stalledReader(): Writable {
  return new Writable({ highWaterMark: 16 * 1024, write: () => undefined });
}

describe.each(EXPORT_FORMATS)('writeExport %s against a reader that stops reading', (format) => {
  it('stops pulling rows while the output is full, and closes the source on abort', async () => {
    const { state, rows } = endlessRows();
    const abort = new AbortController();
    const table = { title: 'Danh sách', columns: nominationColumns('person'), rows, fileName: 'x' };
    const writing = writeExport(format, table, stalledReader(), { signal: abort.signal });
    writing.catch(() => undefined);

    // Wait until the source stops being read (compressed formats take longer to fill 16 kB).
    let pulled = -1;
    for (let turn = 0; turn < 30 && state.pulled !== pulled; turn++) {
      pulled = state.pulled;
      await sleep(400);
    }
    // Stalled, after reading no more than what fills the buffers.
    expect(state.pulled).toBe(pulled);
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(10_000);

    abort.abort();
    await expect(writing).rejects.toBeInstanceOf(ExportAborted);
    expect(state.closed).toBe(true);
  }, 20_000);
});

describe('writeExport with an output that closes early', () => {
  it.each(EXPORT_FORMATS)(
    '%s: rejects with ExportAborted and closes the source',
    async (format) => {
      const { state, rows } = endlessRows();
      const out = new Writable({ write: (_chunk, _encoding, done) => setImmediate(done) });
      const table = {
        title: 'Danh sách',
        columns: nominationColumns('person'),
        rows,
        fileName: 'x',
      };
      const writing = writeExport(format, table, out);
      writing.catch(() => undefined);
      await sleep(200);
      out.destroy();
      await expect(writing).rejects.toBeInstanceOf(ExportAborted);
      expect(state.closed).toBe(true);
    },
  );
});
