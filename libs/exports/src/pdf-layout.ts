import { columnWidth, ExportColumn } from './export-table';

/** A4 in points. */
export const A4 = { short: 595.28, long: 841.89 };
export const PDF_MARGINS = { top: 36, bottom: 42, left: 36, right: 36 };
/** Average width of a character of DejaVu Sans at the table's font size (9 pt), in points. */
const CHAR_WIDTH = 5.2;
const MAX_PORTRAIT_COLUMNS = 6;

export interface PdfPageLayout {
  layout: 'portrait' | 'landscape';
  /** Width of each column in points; together they fill the space between the margins. */
  widths: number[];
}

/** Portrait when the columns fit it comfortably, landscape when there are many or wide ones. */
export function pdfPageLayout(columns: ExportColumn[]): PdfPageLayout {
  const chars = columns.map(columnWidth);
  const totalChars = chars.reduce((sum, width) => sum + width, 0);
  const portraitWidth = A4.short - PDF_MARGINS.left - PDF_MARGINS.right;
  const portrait =
    columns.length <= MAX_PORTRAIT_COLUMNS && totalChars * CHAR_WIDTH <= portraitWidth;
  const usable = (portrait ? A4.short : A4.long) - PDF_MARGINS.left - PDF_MARGINS.right;
  return {
    layout: portrait ? 'portrait' : 'landscape',
    widths: chars.map((width) => (usable * width) / totalChars),
  };
}
