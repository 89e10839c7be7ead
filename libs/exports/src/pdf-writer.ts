import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { cellText, ExportColumn, ExportOptions, ExportRow, ExportTable } from './export-table';
import { Pacer } from './pacing';
import { PDF_FONT, PDF_FONT_BOLD, pdfFonts } from './pdf-fonts';
import { PDF_MARGINS, pdfPageLayout } from './pdf-layout';
import { Measure, wrapText } from './text-wrap';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

const TABLE_FONT_SIZE = 9;
const CELL_PADDING = 3;
const HEADER_FILL = '#E7E6E6';
const RULE_WIDTH = 0.5;
/** Width measurements kept per font before the cache starts over (bounds its memory). */
const MEASURE_CACHE_SIZE = 5000;

type Lines = string[][];
/** The part of pdfkit's (internal) font object that holds its layout cache. */
type LayoutCaching = { layoutCache?: Record<string, unknown> };

/**
 * Draws a table on A4 pages as the rows arrive. Pages are written out as soon
 * as the next one starts (no buffered pages), so the memory in use does not
 * grow with the row count; for the same reason the total page count is
 * unknown and the footer says "Trang N".
 */
class PdfTableDrawer {
  private readonly columnWidths: number[];
  private readonly lineHeight: number;
  private readonly measures = new Map<string, Map<string, number>>();
  private readonly pdfFonts = new Set<LayoutCaching>();
  /** Cached widths in the current font and size. */
  private knownWidths = new Map<string, number>();
  private font = '';
  private fontSize = 0;
  private page = 0;
  private y = 0;
  private headerLines: Lines = [];

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly columns: ExportColumn[],
    widths: number[],
  ) {
    this.columnWidths = widths;
    this.use(PDF_FONT, TABLE_FONT_SIZE);
    this.lineHeight = doc.currentLineHeight(true);
  }

  private get bottom(): number {
    return this.doc.page.height - PDF_MARGINS.bottom;
  }

  /** The national header, the title and the table header, on the first page. */
  begin(title: string, subtitle?: string): void {
    const doc = this.doc;
    this.page = 1;
    this.footer();
    const left = PDF_MARGINS.left;
    const width = doc.page.width - PDF_MARGINS.left - PDF_MARGINS.right;

    this.use(PDF_FONT_BOLD, 12);
    doc.text(NATIONAL_NAME, left, PDF_MARGINS.top, { width, align: 'center' });
    doc.text(NATIONAL_MOTTO, left, doc.y + 1, { width, align: 'center' });
    const mottoWidth = doc.widthOfString(NATIONAL_MOTTO);
    const ruleY = doc.y + 2;
    doc
      .lineWidth(0.75)
      .moveTo(left + (width - mottoWidth) / 2, ruleY)
      .lineTo(left + (width + mottoWidth) / 2, ruleY)
      .stroke();

    this.use(PDF_FONT_BOLD, 14);
    doc.text(title, left, ruleY + 18, { width, align: 'center' });
    if (subtitle) {
      this.use(PDF_FONT, 11);
      doc.text(subtitle, left, doc.y + 2, { width, align: 'center' });
    }
    this.y = doc.y + 12;

    this.use(PDF_FONT_BOLD, TABLE_FONT_SIZE);
    this.headerLines = this.columns.map((column, index) =>
      this.wrap(column.header, index, PDF_FONT_BOLD),
    );
    this.header();
  }

  /** One data row; a row taller than what is left of the page goes on, or starts, a new page. */
  row(source: ExportRow): void {
    const cells = this.columns.map((column, index) =>
      this.wrap(cellText(source[column.key], column), index, PDF_FONT),
    );
    const total = Math.max(1, ...cells.map((lines) => lines.length));
    const linesPerPage = this.linesFitting(this.firstRowY());
    let drawn = 0;
    while (drawn < total) {
      const left = total - drawn;
      const freshPage = this.y === this.firstRowY();
      const fitting = this.linesFitting(this.y);
      // Keep a row whole when a fresh page can hold it; split only rows taller than a page.
      if (!freshPage && (fitting < 1 || (drawn === 0 && left > fitting && left <= linesPerPage))) {
        this.newPage();
        continue;
      }
      // At least one line per page, even if a giant header leaves no room: always progress.
      const count = Math.min(left, Math.max(1, fitting));
      this.slice(cells, drawn, count, false);
      drawn += count;
    }
  }

  private linesFitting(y: number): number {
    return Math.floor((this.bottom - y - 2 * CELL_PADDING) / this.lineHeight);
  }

  /** Where the first data row of a continuation page starts. */
  private firstRowY(): number {
    return (
      PDF_MARGINS.top + this.heightOf(this.headerLines.reduce((m, l) => Math.max(m, l.length), 1))
    );
  }

  private heightOf(lines: number): number {
    return lines * this.lineHeight + 2 * CELL_PADDING;
  }

  private newPage(): void {
    this.forgetLayouts();
    this.doc.addPage();
    this.page += 1;
    this.footer();
    this.y = PDF_MARGINS.top;
    this.header();
  }

  private footer(): void {
    const doc = this.doc;
    this.use(PDF_FONT, 8);
    const text = `Trang ${this.page}`;
    const x = (doc.page.width - doc.widthOfString(text)) / 2;
    doc.text(text, x, doc.page.height - PDF_MARGINS.bottom + 14, { lineBreak: false });
  }

  /** The header row, repeated at the top of every page. */
  private header(): void {
    const count = Math.max(1, ...this.headerLines.map((lines) => lines.length));
    const totalWidth = this.columnWidths.reduce((sum, width) => sum + width, 0);
    this.doc
      .rect(PDF_MARGINS.left, this.y, totalWidth, this.heightOf(count))
      .fill(HEADER_FILL)
      .fillColor('black');
    this.slice(this.headerLines, 0, count, true);
  }

  /** Draws lines [from, from + count) of every cell as one band, with its rules. */
  private slice(cells: Lines, from: number, count: number, isHeader: boolean): void {
    const doc = this.doc;
    const height = this.heightOf(count);
    this.use(isHeader ? PDF_FONT_BOLD : PDF_FONT, TABLE_FONT_SIZE);
    let x = PDF_MARGINS.left;
    cells.forEach((lines, index) => {
      const width = this.columnWidths[index];
      const align = isHeader ? 'center' : (this.columns[index].align ?? 'left');
      lines.slice(from, from + count).forEach((line, offset) => {
        if (!line) return;
        const free = width - 2 * CELL_PADDING - this.measure(line);
        const shift = align === 'right' ? free : align === 'center' ? free / 2 : 0;
        const lineY = this.y + CELL_PADDING + offset * this.lineHeight;
        doc.text(line, x + CELL_PADDING + Math.max(0, shift), lineY, { lineBreak: false });
      });
      x += width;
    });

    const right = x;
    doc.lineWidth(RULE_WIDTH);
    if (isHeader) doc.moveTo(PDF_MARGINS.left, this.y).lineTo(right, this.y);
    let edge = PDF_MARGINS.left;
    doc.moveTo(edge, this.y).lineTo(edge, this.y + height);
    for (const width of this.columnWidths) {
      edge += width;
      doc.moveTo(edge, this.y).lineTo(edge, this.y + height);
    }
    doc
      .moveTo(PDF_MARGINS.left, this.y + height)
      .lineTo(right, this.y + height)
      .stroke();
    this.y += height;
  }

  private wrap(text: string, column: number, font: string): string[] {
    if (!text) return [];
    this.use(font, TABLE_FONT_SIZE);
    const measure: Measure = (piece) => this.measure(piece);
    return wrapText(text.normalize('NFC'), this.columnWidths[column] - 2 * CELL_PADDING, measure);
  }

  /** Width in the current font; cached, since names and grades repeat row after row. */
  private measure(text: string): number {
    const widths = this.knownWidths;
    let width = widths.get(text);
    if (width === undefined) {
      if (widths.size >= MEASURE_CACHE_SIZE) widths.clear();
      width = this.doc.widthOfString(text);
      widths.set(text, width);
    }
    return width;
  }

  /**
   * pdfkit keeps the glyph layout of each distinct word in `layoutCache` on the
   * font object, without limit: with 100,000 different names that is gigabytes.
   * Starting each page with empty caches keeps the speed of the cache (names
   * and labels repeat within a page) and bounds its memory to one page.
   */
  private forgetLayouts(): void {
    for (const font of this.pdfFonts) {
      if (font.layoutCache) font.layoutCache = Object.create(null);
    }
  }

  private use(font: string, size: number): void {
    if (this.font !== font) {
      this.doc.font(font);
      const loaded = (this.doc as unknown as { _font?: LayoutCaching })._font;
      if (loaded) this.pdfFonts.add(loaded);
    }
    if (this.fontSize !== size) this.doc.fontSize(size);
    this.font = font;
    this.fontSize = size;
    const key = `${font}/${size}`;
    let widths = this.measures.get(key);
    if (!widths) this.measures.set(key, (widths = new Map()));
    this.knownWidths = widths;
  }
}

/** Bytes gathered before one write to the output. */
const BATCH_BYTES = 64 * 1024;

/**
 * pdfkit emits thousands of tiny chunks per page ("endobj", a line of
 * content...). Written one by one they become as many HTTP chunks; held until
 * a batch is full they outlive the young generation and pile up as garbage
 * that only a full GC frees. So each chunk is copied at once into a 64 kB
 * batch (pdfkit's buffer dies young) and the batch is written when full.
 * Backpressure stays with the Pacer, which watches `out` before every row.
 */
function sendInBatches(doc: PDFKit.PDFDocument, out: Writable): () => void {
  let batch = Buffer.allocUnsafe(BATCH_BYTES);
  let used = 0;
  const flush = (): void => {
    if (used === 0) return;
    out.write(batch.subarray(0, used));
    batch = Buffer.allocUnsafe(BATCH_BYTES);
    used = 0;
  };
  const onData = (chunk: Buffer): void => {
    if (used + chunk.length > BATCH_BYTES) flush();
    if (chunk.length >= BATCH_BYTES) {
      out.write(chunk);
      return;
    }
    chunk.copy(batch, used);
    used += chunk.length;
  };
  const onEnd = (): void => {
    flush();
    out.end();
  };
  doc.on('data', onData);
  doc.once('end', onEnd);
  return () => {
    doc.removeListener('data', onData);
    doc.removeListener('end', onEnd);
  };
}

/**
 * PDF per SPEC §8: A4 (landscape for wide tables), the national header, the
 * title, then the table with wrapped cells and its header repeated on every
 * page. pdfkit streams into `out` as it goes; DejaVu Sans is embedded.
 */
export async function writePdf(
  table: ExportTable,
  out: Writable,
  options: ExportOptions = {},
): Promise<void> {
  const pacer = new Pacer(out, options.signal);
  const { layout, widths } = pdfPageLayout(table.columns);
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margins: PDF_MARGINS,
    bufferPages: false,
    // pdfkit caches the glyph layout of every distinct word, forever; the drawer
    // empties that cache at each new page so it stays the size of one page.
    fontLayoutCache: true,
    info: { Title: table.title, Creator: 'Thi đua' },
  });
  for (const [name, data] of Object.entries(pdfFonts())) doc.registerFont(name, data);
  const stopBatching = sendInBatches(doc, out);
  try {
    const drawer = new PdfTableDrawer(doc, table.columns, widths);
    drawer.begin(table.title, table.subtitle);
    for await (const row of table.rows) {
      await pacer.step();
      drawer.row(row);
    }
    pacer.check();
    const finished = pacer.until(out, 'finish');
    doc.end();
    await finished;
  } catch (error) {
    stopBatching();
    throw error;
  }
}
