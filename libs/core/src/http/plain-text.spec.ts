import { firstForbiddenText, PlainTextPipe } from './plain-text';

describe('plain text', () => {
  it.each([
    ['Nguyễn Thị Hoà', null],
    ['line one\nline two\ttabbed\r\n', null],
    ['a\u0000b', ''],
    ['\u202Egnp.exe', ''],
    ['\u2066isolated\u2069', ''],
    ['\u0085next line', ''],
    ['\uD800 lone surrogate', ''],
    ['😀 emoji is fine', null],
  ])('%j → %j', (text, path) => {
    expect(firstForbiddenText(text, '')).toBe(path);
  });

  it('names the field, in nested objects, arrays and keys', () => {
    expect(firstForbiddenText({ a: 'ok', b: { c: ['ok', 'x\u202Ey'] } }, '')).toBe('b.c[1]');
    expect(firstForbiddenText({ values: { 'A\u00001': 1 } }, '')).toBe('values.A\u00001');
  });

  it('refuses with 400 VALIDATION_FAILED naming the field', () => {
    const pipe = new PlainTextPipe();
    expect(() => pipe.transform({ fullName: 'x\u0000' }, { type: 'body' })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ field: 'fullName' })],
      }),
    );
    expect(pipe.transform({ fullName: 'Hoà' }, { type: 'body' })).toEqual({ fullName: 'Hoà' });
  });
});
