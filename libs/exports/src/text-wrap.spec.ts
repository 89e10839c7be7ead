import { wrapText } from './text-wrap';

/** One point per character: widths become lengths. */
const byLength = (text: string) => Array.from(text).length;

describe('wrapText', () => {
  it.each([
    ['', 10, []],
    ['Nguyễn Thị Hoà', 20, ['Nguyễn Thị Hoà']],
    ['Nguyễn Thị Hoà', 10, ['Nguyễn Thị', 'Hoà']],
    ['Đặng   Văn  Đức', 9, ['Đặng Văn', 'Đức']],
    ['dòng một\ndòng hai', 20, ['dòng một', 'dòng hai']],
    ['đoạn một\r\n\r\nđoạn ba', 20, ['đoạn một', '', 'đoạn ba']],
    ['trailing\n\n', 20, ['trailing']],
    ['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['ab cdefghij kl', 4, ['ab', 'cdef', 'ghij', 'kl']],
  ])('%j in width %i → %j', (text, width, lines) => {
    expect(wrapText(text, width, byLength)).toEqual(lines);
  });

  it('keeps every letter, in order, whatever the width', () => {
    const text = 'Hoàn thành xuất sắc nhiệm vụ được giao, không có phản ánh';
    for (let width = 1; width < 30; width++) {
      const lines = wrapText(text, width, byLength);
      expect(lines.join(' ').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      lines.forEach((line) => expect(byLength(line)).toBeLessThanOrEqual(Math.max(width, 1)));
    }
  });
});
