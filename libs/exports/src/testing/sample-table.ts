import { ExportRow, ExportTable } from '../export-table';
import { nominationColumns } from '../nomination-columns';

/** Names with every kind of Vietnamese letter the exports must keep intact. */
export const VIETNAMESE_NAMES = [
  'Nguyễn Thị Hoà',
  'Đặng Văn Đức',
  'Trần Quốc Bảo',
  'Lê Thị Ngọc Ánh',
  'Phạm Hữu Lộc',
  'Võ Thị Thuỷ',
];

/** Rows of a nomination list; the achievement text carries commas, quotes and newlines. */
export function nominationRows(count: number): ExportRow[] {
  return Array.from({ length: count }, (_, index) => ({
    stt: index + 1,
    name: VIETNAMESE_NAMES[index % VIETNAMESE_NAMES.length],
    position: index % 2 ? 'Chuyên viên' : 'Phó Trưởng phòng',
    unit: 'Bộ phận một cửa, Sở Tài chính',
    total: 95.5 - (index % 10) * 1.25,
    grade: 'Xuất sắc',
    rank: index + 1,
    achievement:
      index % 3 === 0
        ? 'Hoàn thành xuất sắc nhiệm vụ, được "khách hàng" khen;\nkhông có phản ánh về thái độ phục vụ.'
        : 'Gương mẫu thực hiện quy tắc ứng xử.',
  }));
}

export async function* asAsync<T>(rows: Iterable<T>): AsyncGenerator<T> {
  for (const row of rows) yield row;
}

export function nominationTable(rows: ExportRow[]): ExportTable {
  return {
    title: 'Danh sách đề nghị khen thưởng năm 2025',
    subtitle: 'Sở Tài chính — gương điển hình tiên tiến',
    columns: nominationColumns('person'),
    rows: asAsync(rows),
    fileName: 'Danh sách đề nghị khen thưởng 2025',
  };
}
