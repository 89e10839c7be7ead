import { ValidationFailed } from '@app/core';
import { cellText, EXPORT_CONTENT_TYPES, parseExportFormat } from './export-table';
import { NOMINATION_COLUMNS, nominationColumns } from './nomination-columns';
import { pdfPageLayout } from './pdf-layout';

describe('parseExportFormat', () => {
  it.each([
    ['xlsx', 'xlsx'],
    ['csv', 'csv'],
    ['pdf', 'pdf'],
    ['PDF', 'pdf'],
    [' csv ', 'csv'],
  ])('%j → %s', (value, format) => {
    expect(parseExportFormat(value)).toBe(format);
  });

  it.each([undefined, null, '', 'docx', 'json', 42, ['csv']])('%j → 400', (value) => {
    let error: unknown;
    try {
      parseExportFormat(value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).status).toBe(400);
    expect((error as ValidationFailed).details).toEqual([
      { field: 'format', message: 'must be one of xlsx, csv, pdf' },
    ]);
  });

  it('has a content type per format', () => {
    expect(EXPORT_CONTENT_TYPES).toEqual({
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      csv: 'text/csv; charset=utf-8',
      pdf: 'application/pdf',
    });
  });
});

describe('cellText', () => {
  const plain = { header: 'h', key: 'k' };
  const score = { header: 'Điểm', key: 'total', decimals: 2 };
  it.each([
    [null, plain, ''],
    [undefined, plain, ''],
    ['Đức', plain, 'Đức'],
    [7, plain, '7'],
    [95.5, score, '95.50'],
    [90, score, '90.00'],
    [Number.NaN, score, ''],
  ])('%j → %j', (value, column, text) => {
    expect(cellText(value, column)).toBe(text);
  });
});

describe('nominationColumns', () => {
  it('lists the columns of SPEC §8 in order', () => {
    expect(nominationColumns('person').map((c) => c.header)).toEqual([
      'STT',
      'Họ và tên',
      'Chức vụ',
      'Đơn vị',
      'Điểm',
      'Xếp loại',
      'Xếp hạng',
      'Thành tích',
    ]);
    expect(nominationColumns('agency')[1].header).toBe('Tên cơ quan');
    expect(nominationColumns('agency').map((c) => c.key)).toEqual(
      NOMINATION_COLUMNS.person.map((c) => c.key),
    );
  });

  it('hands out copies, so a caller cannot change the constant', () => {
    nominationColumns('person')[0].header = 'changed';
    expect(NOMINATION_COLUMNS.person[0].header).toBe('STT');
  });
});

describe('pdfPageLayout', () => {
  it('turns the page for the eight nomination columns and fills the width', () => {
    const { layout, widths } = pdfPageLayout(nominationColumns('person'));
    expect(layout).toBe('landscape');
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(841.89 - 72, 5);
  });

  it('stays portrait for a narrow table', () => {
    const columns = [
      { header: 'Hạng', key: 'rank' },
      { header: 'Tên cơ quan', key: 'name', width: 40 },
    ];
    expect(pdfPageLayout(columns).layout).toBe('portrait');
  });
});
