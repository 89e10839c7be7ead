import { ValidationFailed } from '@app/core';

/** The file formats every export offers (SPEC §8). */
export const EXPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  xlsx: '.xlsx',
  csv: '.csv',
  pdf: '.pdf',
};

export type ExportCell = string | number | null;
export type ExportRow = Record<string, ExportCell>;

export interface ExportColumn {
  /** What the reader sees, in Vietnamese. */
  header: string;
  /** The property of a row that fills this column. */
  key: string;
  /** Width in characters; the writers derive one from the header when absent. */
  width?: number;
  align?: 'left' | 'right' | 'center';
  /** Numbers in this column are shown with this many decimals (scores: 2). */
  decimals?: number;
}

/** A table described once and written in any format. */
export interface ExportTable {
  title: string;
  subtitle?: string;
  columns: ExportColumn[];
  /** Pulled one row at a time, so a database stream never lands in memory whole. */
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>;
  /** Without extension; may hold Vietnamese letters. */
  fileName: string;
}

export interface ExportOptions {
  /** Aborting stops pulling rows; the write then rejects with ExportAborted. */
  signal?: AbortSignal;
}

/** `format` of a query string → an ExportFormat, or 400 VALIDATION_FAILED. */
export function parseExportFormat(value: unknown, field = 'format'): ExportFormat {
  const format = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if ((EXPORT_FORMATS as readonly unknown[]).includes(format)) return format as ExportFormat;
  throw ValidationFailed.field(field, `must be one of ${EXPORT_FORMATS.join(', ')}`);
}

/** Width in characters of a column: the given one, or enough for its header. */
export function columnWidth(column: ExportColumn): number {
  return column.width ?? Math.max(8, column.header.length + 2);
}

/** A cell as text, for the formats that have no number type (CSV, PDF). */
export function cellText(value: ExportCell | undefined, column: ExportColumn): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return column.decimals === undefined ? String(value) : value.toFixed(column.decimals);
  }
  return value;
}
