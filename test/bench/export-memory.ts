/**
 * Memory check of the export writers (not a test): streams 100,000 rows of a
 * nomination list through each format into a sink that discards the bytes,
 * from an async generator, and prints the time and the process's peak RSS.
 * Target (SPEC §8, "memory does not grow with the row count"): peak < 300 MB.
 *
 * Run it like the other benches (a format and a row count are optional):
 *   node -r @swc-node/register test/bench/export-memory.ts [xlsx|csv|pdf] [rows]
 * Add --expose-gc to also print the heap left after a full GC. The runner
 * itself holds ~50 MB more than a built app; the start RSS is printed so the
 * export's own share can be read off. With no format all three run in this
 * process (peak RSS is then cumulative); name one format to see its own peak.
 */
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import {
  EXPORT_FORMATS,
  ExportFormat,
  ExportRow,
  nominationColumns,
  writeExport,
} from '@app/exports';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Thị', 'Văn', 'Quốc', 'Hữu', 'Ngọc', 'Minh', 'Thanh'];
const GIVEN = ['Hoà', 'Đức', 'Bảo', 'Ánh', 'Lộc', 'Thuỷ', 'Hưng', 'Yến', 'Khoa', 'Nguyệt', 'Tuấn'];
const GRADES = ['Xuất sắc', 'Tốt', 'Đạt', 'Chưa đạt'];

/** Rows made on demand, as a database cursor would hand them over. */
async function* rows(count: number): AsyncGenerator<ExportRow> {
  for (let index = 0; index < count; index++) {
    yield {
      stt: index + 1,
      name: `${FAMILY[index % 10]} ${MIDDLE[index % 7]} ${GIVEN[index % 11]} ${index + 1}`,
      position: index % 3 ? 'Chuyên viên' : 'Phó Trưởng phòng',
      unit: `Phòng ${(index % 40) + 1}, Sở Tài chính`,
      total: Math.round(10000 - (index % 4000) * 1.5) / 100,
      grade: GRADES[index % 4],
      rank: index + 1,
      achievement:
        `Hoàn thành xuất sắc nhiệm vụ năm 2025 (hồ sơ số ${index + 1}), ` +
        'không có phản ánh về thái độ phục vụ; gương mẫu thực hiện quy tắc ứng xử.',
    };
  }
}

/** Discards what it is given, one event-loop turn per chunk, like a fast socket. */
function sink(): Writable & { bytes: number } {
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.bytes += chunk.length;
      setImmediate(done);
    },
  }) as Writable & { bytes: number };
  out.bytes = 0;
  return out;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const args = process.argv.slice(1);
  const formats = args.filter((arg): arg is ExportFormat =>
    (EXPORT_FORMATS as readonly string[]).includes(arg),
  );
  const count = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 100_000);
  console.log(`rows: ${count}; RSS at start: ${mb(process.memoryUsage().rss)}`);
  for (const format of formats.length ? formats : EXPORT_FORMATS) {
    const out = sink();
    const started = performance.now();
    await writeExport(
      format,
      {
        title: 'Danh sách đề nghị khen thưởng năm 2025',
        subtitle: 'Bản đo bộ nhớ',
        columns: nominationColumns('person'),
        rows: rows(count),
        fileName: 'bench',
      },
      out,
    );
    const seconds = (performance.now() - started) / 1000;
    const peak = process.resourceUsage().maxRSS * 1024; // maxRSS is in kilobytes
    // With --expose-gc, what stays alive after the export (the peak is mostly GC slack).
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heap = `heap ${gc ? 'after GC' : 'now'} ${mb(process.memoryUsage().heapUsed)}`;
    console.log(
      `${format.padEnd(4)} ${seconds.toFixed(1).padStart(6)} s  ` +
        `${mb(out.bytes).padStart(9)} written  peak RSS ${mb(peak)}  ${heap}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
