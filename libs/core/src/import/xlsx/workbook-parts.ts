import { MAX_CELL_CHARS } from '../upload-limits';
import { UploadRefused } from '../upload-refused';
import { isDateFormat, unescapeXString } from './cell-values';
import type { XlsxPackage } from './xml-parts';

/** What reading the first worksheet's cells needs from the rest of the workbook. */
export interface WorkbookParts {
  /** The first sheet in the workbook's tab order; undefined when it has none. */
  firstSheetPath: string | undefined;
  sharedStrings: string[];
  /** By cell style index (a cell's `s`): whether its number format shows a date. */
  dateStyles: boolean[];
  date1904: boolean;
}

/**
 * A copy of a text that does not hold on to the chunk of XML it was cut from (V8 keeps a sliced
 * string's parent alive): without it 20,000 rows hold a hundred MB of XML.
 */
export function ownCopy(text: string): string {
  return (' ' + text).slice(1);
}

/** Collects the text of one element at a time, refusing one longer than a cell may hold. */
export class TextCollector {
  private parts: string[] = [];
  private length = 0;

  add(text: string): void {
    this.length += text.length;
    if (this.length > MAX_CELL_CHARS)
      throw new UploadRefused(`holds a cell of more than ${MAX_CELL_CHARS} characters`);
    this.parts.push(text);
  }

  take(): string {
    const text = unescapeXString(ownCopy(this.parts.join('')));
    this.parts = [];
    this.length = 0;
    return text;
  }
}

async function workbookPath(pkg: XlsxPackage): Promise<string> {
  const { byType } = await pkg.relationships('');
  return byType.get('officeDocument') ?? 'xl/workbook.xml';
}

/** The first `<sheet>` of the workbook's `<sheets>`, and whether it counts dates from 1904. */
async function firstSheet(
  pkg: XlsxPackage,
  path: string,
  sheetsById: Map<string, string>,
): Promise<{ sheetPath: string | undefined; date1904: boolean }> {
  let sheetPath: string | undefined;
  let date1904 = false;
  await pkg.read(path, {
    open(name, attributes) {
      if (name === 'workbookPr')
        date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name !== 'sheet' || sheetPath !== undefined) return;
      const id = Object.entries(attributes).find(([key]) => key === 'id' || key.endsWith(':id'));
      sheetPath = id ? sheetsById.get(id[1]) : undefined;
    },
  });
  return { sheetPath, date1904 };
}

/** Every `<si>` of the shared strings, rich text runs joined, phonetic guides left out. */
async function sharedStrings(pkg: XlsxPackage, path: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!path) return strings;
  const text = new TextCollector();
  let inText = false;
  let inPhonetic = false;
  await pkg.read(path, {
    open(name) {
      if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = true;
    },
    text(value) {
      if (inText) text.add(value);
    },
    close(name) {
      if (name === 'rPh') inPhonetic = false;
      else if (name === 't') inText = false;
      else if (name === 'si') strings.push(text.take());
    },
  });
  return strings;
}

/** For each cell style (`<cellXfs>`'s `<xf>` in order), whether its number format is a date's. */
async function dateStyles(pkg: XlsxPackage, path: string | undefined): Promise<boolean[]> {
  const formats = new Map<number, string>();
  const formatIds: number[] = [];
  if (!path) return [];
  let inCellXfs = false;
  await pkg.read(path, {
    open(name, attributes) {
      if (name === 'numFmt') formats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formatIds.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formatIds.map((id) => isDateFormat(id, formats.get(id)));
}

/** Reads the workbook, its relationships, shared strings and styles: everything but the sheets. */
export async function readWorkbookParts(pkg: XlsxPackage): Promise<WorkbookParts> {
  const path = await workbookPath(pkg);
  const { byId, byType } = await pkg.relationships(path);
  const { sheetPath, date1904 } = await firstSheet(pkg, path, byId);
  return {
    firstSheetPath: sheetPath && pkg.has(sheetPath) ? sheetPath : undefined,
    sharedStrings: await sharedStrings(pkg, byType.get('sharedStrings')),
    dateStyles: await dateStyles(pkg, byType.get('styles')),
    date1904,
  };
}
