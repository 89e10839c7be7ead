import { foldDiacritics, searchTermsOf } from './search-terms';

describe('foldDiacritics', () => {
  it.each([
    ['Nguyễn Thị Hoà', 'nguyen thi hoa'],
    ['Nguyễn Thị Hòa', 'nguyen thi hoa'],
    ['ĐẶNG VĂN ĐỨC', 'dang van duc'],
    ['  Trần   Quốc-Bảo ', 'tran quoc bao'],
    ['Lê Thị Ngọc Ánh', 'le thi ngoc anh'],
    ['Phạm Ưng Ơn', 'pham ung on'],
  ])('folds %s to %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });
});

describe('searchTermsOf', () => {
  it('gives each word once', () => {
    expect(searchTermsOf('Nguyễn Nguyên Nguyễn')).toEqual(['nguyen']);
  });
  it('gives nothing for a name without letters', () => {
    expect(searchTermsOf(' - ')).toEqual([]);
  });
});
