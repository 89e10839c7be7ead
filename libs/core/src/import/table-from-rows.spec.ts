import { type GridRow, tableFromRows } from './table-from-rows';
import { MAX_IMPORT_ROWS } from './upload-limits';

async function* rowsOf(rows: GridRow['cells'][]): AsyncGenerator<GridRow> {
  for (const [index, cells] of rows.entries()) yield { number: index + 1, cells };
}

function* manyRows(count: number): Generator<GridRow['cells']> {
  yield ['employeeCode'];
  for (let index = 0; index < count; index++) yield [`NV${index}`];
}

describe('tableFromRows', () => {
  it('skips titles above the header and empty rows, trims text, numbers rows as the sheet does', async () => {
    const table = await tableFromRows(
      rowsOf([
        ['Danh sách'],
        [],
        ['Mã [employeeCode]', 'Tên [fullName]', null, 'A1'],
        [' NV1 ', 'An', 'bỏ qua', 5],
        [null, '  ', null],
        ['NV2'],
      ]),
      ['employeeCode'],
    );
    expect(table).toEqual({
      columns: ['employeeCode', 'fullName', '', 'A1'],
      headerRow: 3,
      rows: [
        { row: 4, cells: { employeeCode: 'NV1', fullName: 'An', A1: 5 } },
        { row: 6, cells: { employeeCode: 'NV2', fullName: null, A1: null } },
      ],
    });
  });

  it(`takes ${MAX_IMPORT_ROWS} data rows and refuses one more`, async () => {
    const full = await tableFromRows(rowsOf([...manyRows(MAX_IMPORT_ROWS)]), ['employeeCode']);
    expect(full.rows).toHaveLength(MAX_IMPORT_ROWS);
    await expect(
      tableFromRows(rowsOf([...manyRows(MAX_IMPORT_ROWS + 1)]), ['employeeCode']),
    ).rejects.toThrow(`at most ${MAX_IMPORT_ROWS} rows per file`);
  });

  it('stops pulling rows at the cap', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<GridRow> {
      yield { number: 1, cells: ['employeeCode'] };
      for (let number = 2; ; number++) {
        pulled++;
        yield { number, cells: [`NV${number}`] };
      }
    }
    await expect(tableFromRows(endless(), ['employeeCode'])).rejects.toThrow('rows per file');
    expect(pulled).toBe(MAX_IMPORT_ROWS + 1);
  });

  it('refuses a row wider than 256 columns, trailing empty cells not counted', async () => {
    const wide = ['employeeCode', ...Array.from({ length: 256 }, () => 'x')];
    await expect(tableFromRows(rowsOf([wide]), ['employeeCode'])).rejects.toThrow(
      'row 1 has more than 256 columns',
    );
    const padded = ['employeeCode', ...Array.from({ length: 1000 }, () => null)];
    await expect(tableFromRows(rowsOf([padded]), ['employeeCode'])).resolves.toMatchObject({
      headerRow: 1,
    });
  });

  it('refuses a file without a header in its first 50 rows', async () => {
    const titles = Array.from({ length: 50 }, () => ['tiêu đề']);
    await expect(
      tableFromRows(rowsOf([...titles, ['employeeCode']]), ['employeeCode']),
    ).rejects.toThrow('no header row naming employeeCode in the first 50 rows');
  });
});
