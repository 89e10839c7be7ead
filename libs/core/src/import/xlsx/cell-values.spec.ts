import { columnNumber, isDateFormat, serialToIsoDate, unescapeXString } from './cell-values';

describe('columnNumber', () => {
  it.each([
    ['A1', 1],
    ['z9', 26],
    ['AA10', 27],
    ['AB12', 28],
    ['IV1', 256],
    ['IW1', 257],
    ['XFD1048576', 16384],
    ['12', 0],
  ])('%s is column %i', (reference, number) => {
    expect(columnNumber(reference)).toBe(number);
  });
});

describe('isDateFormat', () => {
  it.each([
    [14, undefined, true],
    [22, undefined, true],
    [47, undefined, true],
    [0, undefined, false],
    [2, undefined, false],
    [49, undefined, false],
    [164, 'dd/mm/yyyy', true],
    [165, 'yyyy-mm-dd hh:mm', true],
    [166, '[$-42A]d mmmm yyyy', true],
    [167, '#,##0 "đồng"', false],
    [168, '0.00" ngày"', false],
    [169, '[Red]0.0', false],
    [170, '\\d0', false],
    [171, 'General', false],
    [172, undefined, false],
  ])('format %i %s is a date: %s', (id, code, expected) => {
    expect(isDateFormat(id, code)).toBe(expected);
  });
});

describe('serialToIsoDate', () => {
  it.each([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [61, false, '1900-03-01'],
    [45658, false, '2025-01-01'],
    [45658.75, false, '2025-01-01'],
    [46358, false, '2026-12-02'],
    [0, true, '1904-01-01'],
    [44196, true, '2025-01-01'],
  ])('serial %d (1904: %s) is %s', (serial, date1904, iso) => {
    expect(serialToIsoDate(serial, date1904)).toBe(iso);
  });
});

describe('unescapeXString', () => {
  it.each([
    ['Nguyễn Thị Hoà', 'Nguyễn Thị Hoà'],
    ['dòng 1_x000D_\ndòng 2', 'dòng 1\r\ndòng 2'],
    ['_x0041__x0042_', 'AB'],
    ['_x00G1_ stays', '_x00G1_ stays'],
  ])('%j reads as %j', (text, expected) => {
    expect(unescapeXString(text)).toBe(expected);
  });
});
