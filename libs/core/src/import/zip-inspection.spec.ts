import ExcelJS from 'exceljs';
import { inspectXlsxZip } from './zip-inspection';
import { entriesOf, xlsxWithSheet, zipOf } from '../../../../test/support/zip-file';

const ROW = '<row><c t="inlineStr"><is><t>NV1</t></is></c></row>';

describe('inspectXlsxZip', () => {
  it('passes a real workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').addRow(['employeeCode', 'fullName']);
    await expect(
      inspectXlsxZip(Buffer.from(await workbook.xlsx.writeBuffer())),
    ).resolves.toBeUndefined();
  });

  it('refuses a sum of declared sizes over the cap, unread', async () => {
    const file = await xlsxWithSheet(['employeeCode'], ROW, 10, 60 * 1024 * 1024);
    await expect(inspectXlsxZip(file)).rejects.toThrow('unpacks to more than 48 MB');
  });

  it('refuses an entry compressed more than 100 times', async () => {
    const file = await xlsxWithSheet(['employeeCode'], ROW, 100_000);
    await expect(inspectXlsxZip(file)).rejects.toThrow(/sheet1\.xml is compressed \d+ times/);
  });

  it('refuses an entry that unpacks to more than it declares', async () => {
    const file = await xlsxWithSheet(['employeeCode'], ROW, 50_000, 1000);
    await expect(inspectXlsxZip(file)).rejects.toThrow('is not a readable XLSX file');
  });

  it('refuses too many entries, and what is not a zip', async () => {
    const entries = Array.from({ length: 201 }, (_, index) => ({
      name: `x/${index}.xml`,
      data: Buffer.from('<a/>'),
    }));
    await expect(inspectXlsxZip(zipOf(entries))).rejects.toThrow('holds 201 files');
    await expect(inspectXlsxZip(Buffer.from('PK not a zip'))).rejects.toThrow(
      'is not a readable XLSX file',
    );
    expect(await entriesOf(zipOf(entries.slice(0, 2)))).toHaveLength(2);
  });
});
