import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeExport } from './write-export';
import { nominationRows, nominationTable } from './testing/sample-table';

describe('writeExport xlsx', () => {
  let dir: string;
  let sheet: ExcelJS.Worksheet;
  const rows = nominationRows(25);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'exports-xlsx-'));
    const file = join(dir, 'list.xlsx');
    await writeExport('xlsx', nominationTable(rows), createWriteStream(file));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    sheet = workbook.worksheets[0];
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('puts the title and subtitle on top, merged across the columns, the title bold', () => {
    expect(sheet.getCell('A1').value).toBe('Danh sách đề nghị khen thưởng năm 2025');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe('Sở Tài chính — gương điển hình tiên tiến');
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:H1', 'A2:H2']));
  });

  it('writes the Vietnamese header row in bold and freezes the panes below it', () => {
    const header = sheet.getRow(4);
    expect(header.values).toEqual([
      undefined,
      'STT',
      'Họ và tên',
      'Chức vụ',
      'Đơn vị',
      'Điểm',
      'Xếp loại',
      'Xếp hạng',
      'Thành tích',
    ]);
    for (let column = 1; column <= 8; column++)
      expect(header.getCell(column).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('writes every row with its values, numbers as numbers and names intact', () => {
    expect(sheet.rowCount).toBe(4 + rows.length);
    rows.forEach((row, index) => {
      const line = sheet.getRow(5 + index);
      expect(line.getCell(1).value).toBe(row.stt);
      expect(line.getCell(2).value).toBe(row.name);
      expect(line.getCell(4).value).toBe(row.unit);
      expect(line.getCell(5).value).toBe(row.total);
      expect(line.getCell(8).value).toBe(row.achievement);
    });
    expect(sheet.getCell('B5').value).toBe('Nguyễn Thị Hoà');
    expect(sheet.getCell('B6').value).toBe('Đặng Văn Đức');
    expect(sheet.getCell('B7').value).toBe('Trần Quốc Bảo');
    expect(sheet.getCell('E5').numFmt).toBe('0.00');
  });

  it('sets the column widths in characters', () => {
    expect(sheet.getColumn(2).width).toBe(24);
    expect(sheet.getColumn(8).width).toBe(50);
  });
});
