import { ExportRow } from '../export-table';

/** A source that never ends by itself and tells how far it was read and whether it was closed. */
export function endlessRows() {
  const state = { pulled: 0, closed: false };
  async function* rows(): AsyncGenerator<ExportRow> {
    try {
      for (;;) {
        state.pulled += 1;
        yield {
          stt: state.pulled,
          name: `Nguyễn Thị Hoà ${state.pulled}`,
          position: 'Chuyên viên',
          unit: 'Bộ phận một cửa',
          total: 95.5,
          grade: 'Xuất sắc',
          rank: state.pulled,
          achievement: 'Gương mẫu thực hiện quy tắc ứng xử, tận tuỵ với công việc.',
        };
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, rows: rows() };
}
