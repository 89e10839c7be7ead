import ExcelJS from 'exceljs';
import { zipOf } from '../../../../test/support/zip-file';
import type { GridRow } from './table-from-rows';
import { xlsxRows } from './xlsx-rows';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TYPE = `${REL}/`;

async function rowsOf(file: Buffer): Promise<GridRow[]> {
  const rows: GridRow[] = [];
  for await (const row of xlsxRows(file)) rows.push(row);
  return rows;
}

async function written(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A package as small as a reader needs: its parts by path, sheets in `sheetOrder`. */
function packageOf(parts: {
  sheets: Record<string, string>;
  sheetOrder?: string[];
  sharedStrings?: string;
  styles?: string;
  workbookPr?: string;
}): Buffer {
  const order = parts.sheetOrder ?? Object.keys(parts.sheets);
  const sheetRels = order
    .map(
      (name, index) =>
        `<Relationship Id="rIdS${index}" Type="${REL_TYPE}worksheet" Target="worksheets/${name}.xml"/>`,
    )
    .join('');
  const extraRels =
    (parts.sharedStrings
      ? `<Relationship Id="rIdSS" Type="${REL_TYPE}sharedStrings" Target="sharedStrings.xml"/>`
      : '') +
    (parts.styles
      ? `<Relationship Id="rIdST" Type="${REL_TYPE}styles" Target="/xl/styles.xml"/>`
      : '');
  const entries = [
    {
      name: '_rels/.rels',
      data: `<Relationships><Relationship Id="rId1" Type="${REL_TYPE}officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data:
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${parts.workbookPr ?? ''}<sheets>` +
        order
          .map(
            (name, index) => `<sheet name="${name}" sheetId="${index + 1}" r:id="rIdS${index}"/>`,
          )
          .join('') +
        '</sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships>${sheetRels}${extraRels}</Relationships>`,
    },
    ...Object.entries(parts.sheets).map(([name, data]) => ({
      name: `xl/worksheets/${name}.xml`,
      data: `<worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData></worksheet>`,
    })),
    ...(parts.sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: parts.sharedStrings }] : []),
    ...(parts.styles ? [{ name: 'xl/styles.xml', data: parts.styles }] : []),
  ];
  return zipOf(entries.map(({ name, data }) => ({ name, data: Buffer.from(data) })));
}

describe('xlsxRows', () => {
  it('reads what a spreadsheet holds: text, numbers, booleans, dates, formula results, rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Người');
    sheet.addRow(['Danh sách']);
    sheet.addRow([]);
    sheet.addRow(['Mã [employeeCode]', 'Họ tên', 'Điểm', 'Đảng viên', 'Ngày vào']);
    const row = sheet.addRow([
      'NV1',
      { richText: [{ text: 'Nguyễn ', font: { bold: true } }, { text: 'Thị Hoà' }] },
      { formula: 'B9*2', result: 45.5 },
      true,
      new Date(Date.UTC(2024, 2, 15)),
    ]);
    row.getCell(7).value = { error: '#N/A' };
    expect(await rowsOf(await written(workbook))).toEqual([
      { number: 1, cells: ['Danh sách'] },
      { number: 3, cells: ['Mã [employeeCode]', 'Họ tên', 'Điểm', 'Đảng viên', 'Ngày vào'] },
      { number: 4, cells: ['NV1', 'Nguyễn Thị Hoà', 45.5, true, '2024-03-15'] },
    ]);
  });

  it('reads 5,000 Vietnamese names exactly, though their letters straddle the chunks the zip unpacks in', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Người');
    const names = Array.from({ length: 5000 }, (_, index) => `Nguyễn Thị Hoà Ưng Đặng ${index}`);
    names.forEach((name, index) => sheet.addRow([`NV${index}`, name]));
    const rows = await rowsOf(await written(workbook));
    expect(rows.map((row) => row.cells[1])).toEqual(names);
  });

  it('reads the same workbook 200 times at once, every time whole', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Cơ quan').addRow(['agencyCode', 'A1']);
    workbook.getWorksheet('Cơ quan')!.addRow(['SNV', 80]);
    const file = await written(workbook);
    const reads = await Promise.all(Array.from({ length: 200 }, () => rowsOf(file)));
    for (const rows of reads)
      expect(rows.map((row) => row.cells)).toEqual([
        ['agencyCode', 'A1'],
        ['SNV', 80],
      ]);
  });

  it('reads the first sheet in tab order, not the first in the zip', async () => {
    const file = packageOf({
      sheets: {
        sheet1: '<row r="1"><c r="A1" t="inlineStr"><is><t>second tab</t></is></c></row>',
        sheet2: '<row r="1"><c r="A1" t="inlineStr"><is><t>first tab</t></is></c></row>',
      },
      sheetOrder: ['sheet2', 'sheet1'],
    });
    expect(await rowsOf(file)).toEqual([{ number: 1, cells: ['first tab'] }]);
  });

  it('reads prefixed elements, cells and rows without references, escapes and phonetic guides', async () => {
    const file = packageOf({
      sheets: {
        sheet1:
          '<x:row xmlns:x="urn:x"><x:c t="s"><x:v>0</x:v></x:c><x:c/><x:c t="b"><x:v>0</x:v></x:c></x:row>' +
          '<row><c t="inlineStr"><is><r><t>Hà </t></r><r><t>Nội</t></r><rPh><t>ハノイ</t></rPh></is></c>' +
          '<c t="str"><f>A1</f><v>dòng 1_x000D_</v></c><c t="e"><v>#DIV/0!</v></c><c t="d"><v>2025-06-30T00:00:00</v></c></row>' +
          '<row r="5"><c r="C5" s="1"><v>45658</v></c><c r="D5" s="2"><v>45658</v></c><c r="E5"><v>1e400</v></c></row>',
      },
      sharedStrings: '<sst><si><t>Mã</t><rPh><t>phonetic</t></rPh></si></sst>',
      styles:
        '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
        '<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>' +
        '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>',
    });
    expect(await rowsOf(file)).toEqual([
      { number: 1, cells: ['Mã', undefined, false] },
      { number: 2, cells: ['Hà Nội', 'dòng 1\r', undefined, '2025-06-30'] },
      { number: 5, cells: [undefined, undefined, '2025-01-01', 45658, '1e400'] },
    ]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const file = packageOf({
      sheets: { sheet1: '<row><c s="1"><v>44196</v></c></row>' },
      styles: '<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
      workbookPr: '<workbookPr date1904="1"/>',
    });
    expect(await rowsOf(file)).toEqual([{ number: 1, cells: ['2025-01-01'] }]);
  });

  it('stops when the caller does, with the rest unread', async () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => `<row><c><v>${index}</v></c></row>`);
    const file = packageOf({ sheets: { sheet1: rows.join('') } });
    for await (const row of xlsxRows(file)) {
      expect(row).toEqual({ number: 1, cells: [0] });
      break;
    }
  });

  it.each([
    [
      'a value past column 256',
      '<row r="3"><c r="IW3"><v>1</v></c></row>',
      'row 3 has more than 256 columns',
    ],
    [
      'a cell longer than Excel allows',
      `<row><c t="inlineStr"><is><t>${'x'.repeat(32_768)}</t></is></c></row>`,
      'holds a cell of more than 32767 characters',
    ],
    ['broken XML', '<row><c><v>1</c></row>', 'is not a readable XLSX file'],
    [
      'a shared string that is not there',
      '<row><c t="s"><v>3</v></c></row>',
      'is not a readable XLSX file',
    ],
    ['a row numbered 0', '<row r="0"><c><v>1</v></c></row>', 'is not a readable XLSX file'],
  ])('refuses %s', async (_, sheet, message) => {
    await expect(rowsOf(packageOf({ sheets: { sheet1: sheet } }))).rejects.toThrow(message);
  });

  it('refuses a workbook without a worksheet, and what is not a zip', async () => {
    await expect(rowsOf(packageOf({ sheets: {} }))).rejects.toThrow('has no worksheet');
    await expect(rowsOf(Buffer.from('PK, but not a zip'))).rejects.toThrow(
      'is not a readable XLSX file',
    );
  });
});
