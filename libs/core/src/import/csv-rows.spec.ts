import { csvRows, firstTooWideRecord } from './csv-rows';
import { MAX_IMPORT_COLUMNS } from './upload-limits';

async function all(buffer: Buffer) {
  const rows = [];
  for await (const row of csvRows(buffer)) rows.push(row);
  return rows;
}

describe('csvRows', () => {
  it('reads comma or semicolon files with a BOM, quotes and newlines in cells', async () => {
    expect(await all(Buffer.from('\uFEFFa;b\n"x;1";"dòng\nhai"\n'))).toEqual([
      { number: 1, cells: ['a', 'b'] },
      { number: 2, cells: ['x;1', 'dòng\nhai'] },
    ]);
    expect(await all(Buffer.from('a,b\r\n1,"2"\r\n'))).toEqual([
      { number: 1, cells: ['a', 'b'] },
      { number: 2, cells: ['1', '2'] },
    ]);
  });

  it('reads 5,000 Vietnamese names exactly, though their letters straddle its 64 KB chunks', async () => {
    const names = Array.from({ length: 5000 }, (_, index) => `Nguyễn Thị Hoà Ưng Đặng ${index}`);
    const file = Buffer.from(names.map((name, index) => `NV${index},${name}`).join('\n'));
    expect((await all(file)).map((row) => row.cells[1])).toEqual(names);
  });

  it('refuses a record wider than the column cap before parsing', async () => {
    await expect(all(Buffer.from(`a\n${','.repeat(MAX_IMPORT_COLUMNS)}\n`))).rejects.toThrow(
      `row 2 has more than ${MAX_IMPORT_COLUMNS} columns`,
    );
  });

  it('refuses a broken file as unreadable', async () => {
    await expect(all(Buffer.from('a,b\n"open,1\n'))).rejects.toThrow('is not a readable CSV file');
  });
});

describe('firstTooWideRecord', () => {
  const cap = MAX_IMPORT_COLUMNS;
  it.each([
    ['a cap-wide record', `${'x,'.repeat(cap - 1)}x\n`, 0],
    ['one field more', `ok\n${'x,'.repeat(cap)}x\n`, 2],
    ['delimiters inside quotes', `"${','.repeat(cap * 2)}"\n`, 0],
    ['doubled quotes', `"a""${','.repeat(cap * 2)}"""\n`, 0],
    ['a quoted newline', `"a\n${','.repeat(cap)}"\n${','.repeat(cap)}\n`, 2],
  ])('%s', (_name, text, expected) => {
    expect(firstTooWideRecord(Buffer.from(text), ',')).toBe(expected);
  });
});
