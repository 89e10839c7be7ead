import { ExportColumn } from './export-table';

export type NominationSubjectType = 'person' | 'agency';

/** One line of an exported nomination list; the keys of NOMINATION_COLUMNS. */
export interface NominationExportRow {
  [key: string]: string | number | null;
  /** Số thứ tự, from 1. */
  stt: number;
  /** Full name of the person, or name of the agency. */
  name: string;
  position: string | null;
  unit: string | null;
  total: number | null;
  /** The Vietnamese grade label (Xuất sắc, Tốt, Đạt, Chưa đạt). */
  grade: string | null;
  rank: number | null;
  achievement: string | null;
}

const columns = (nameHeader: string): ExportColumn[] => [
  { header: 'STT', key: 'stt', width: 5, align: 'center' },
  { header: nameHeader, key: 'name', width: 24 },
  { header: 'Chức vụ', key: 'position', width: 16 },
  { header: 'Đơn vị', key: 'unit', width: 20 },
  { header: 'Điểm', key: 'total', width: 8, align: 'right', decimals: 2 },
  { header: 'Xếp loại', key: 'grade', width: 10, align: 'center' },
  { header: 'Xếp hạng', key: 'rank', width: 10, align: 'center' },
  { header: 'Thành tích', key: 'achievement', width: 50 },
];

/**
 * The columns of an exported nomination list (SPEC §8), in order: STT, Họ và
 * tên (Tên cơ quan for agencies), Chức vụ, Đơn vị, Điểm, Xếp loại, Xếp hạng,
 * Thành tích. Agency lists keep all eight so every list reads the same.
 */
export const NOMINATION_COLUMNS: Readonly<Record<NominationSubjectType, readonly ExportColumn[]>> =
  {
    person: columns('Họ và tên'),
    agency: columns('Tên cơ quan'),
  };

export function nominationColumns(subjectType: NominationSubjectType): ExportColumn[] {
  return NOMINATION_COLUMNS[subjectType].map((column) => ({ ...column }));
}
