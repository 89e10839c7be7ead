import {
  dateRangeOf,
  isHalf,
  isQuarter,
  isRollupPeriod,
  isValidDate,
  isYear,
  parsePeriod,
  quarterHasStarted,
  periodLabelVi,
  periodsEndingAt,
  previousPeriod,
  quarterOfDate,
  quartersOf,
} from './periods';

describe('parsePeriod', () => {
  it.each([
    ['2025-Q1', 'quarter', 2025, 1],
    ['2025-Q4', 'quarter', 2025, 4],
    ['2000-Q1', 'quarter', 2000, 1],
    ['2099-Q4', 'quarter', 2099, 4],
    ['2025-H1', 'half', 2025, 1],
    ['2025-H2', 'half', 2025, 2],
    ['2025', 'year', 2025, 0],
    ['2000', 'year', 2000, 0],
    ['2099', 'year', 2099, 0],
  ])('%s is a %s of %p, index %p', (key, kind, year, index) => {
    expect(parsePeriod(key)).toEqual({ key, kind, year, index });
  });

  it.each([
    '',
    '2025-Q0',
    '2025-Q5',
    '2025-H0',
    '2025-H3',
    '2025-q1',
    '2025-h1',
    '2025Q1',
    '2025-Q1 ',
    ' 2025',
    '1999',
    '2100',
    '1999-Q4',
    '2100-H1',
    '25',
    '2025-01',
    '2025-Y',
    '２０２５',
  ])('rejects %p', (key) => {
    expect(parsePeriod(key)).toBeNull();
  });

  it.each([null, undefined, 2025])('rejects a non-string %p', (key) => {
    expect(parsePeriod(key as unknown as string)).toBeNull();
  });
});

describe('period kinds', () => {
  it.each([
    ['2025-Q2', true, false, false, false],
    ['2025-H1', false, true, false, true],
    ['2025-H2', false, true, false, true],
    ['2025', false, false, true, true],
    ['nonsense', false, false, false, false],
  ])('%s: quarter %p, half %p, year %p, roll-up %p', (key, quarter, half, year, rollup) => {
    expect([isQuarter(key), isHalf(key), isYear(key), isRollupPeriod(key)]).toEqual([
      quarter,
      half,
      year,
      rollup,
    ]);
  });
});

describe('previousPeriod', () => {
  it.each([
    ['2025-Q2', '2025-Q1'],
    ['2025-Q4', '2025-Q3'],
    ['2025-Q1', '2024-Q4'],
    ['2025-H2', '2025-H1'],
    ['2025-H1', '2024-H2'],
    ['2025', '2024'],
    ['2000-Q1', '1999-Q4'],
  ])('before %s comes %s', (key, previous) => {
    expect(previousPeriod(key)).toBe(previous);
  });

  it('refuses a bad key', () => {
    expect(() => previousPeriod('2025-Q9')).toThrow(RangeError);
  });
});

describe('quartersOf', () => {
  it.each([
    ['2025-Q3', ['2025-Q3']],
    ['2025-H1', ['2025-Q1', '2025-Q2']],
    ['2025-H2', ['2025-Q3', '2025-Q4']],
    ['2025', ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']],
  ])('%s spans %p', (key, quarters) => {
    expect(quartersOf(key)).toEqual(quarters);
  });

  it('refuses a bad key', () => {
    expect(() => quartersOf('2025-H3')).toThrow(RangeError);
  });
});

describe('periodsEndingAt', () => {
  it.each([
    [
      '2025-Q2',
      8,
      ['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2'],
    ],
    ['2025-Q4', 4, ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']],
    ['2025-Q1', 1, ['2025-Q1']],
    ['2025-H1', 3, ['2024-H1', '2024-H2', '2025-H1']],
    ['2025', 2, ['2024', '2025']],
  ])('%s, %i periods: %p', (key, count, periods) => {
    expect(periodsEndingAt(key, count)).toEqual(periods);
  });

  it.each([
    ['2025-Q5', 8],
    ['2025-Q1', 0],
    ['2025-Q1', 1.5],
  ])('refuses %p with count %p', (key, count) => {
    expect(() => periodsEndingAt(key, count)).toThrow(RangeError);
  });
});

describe('quarterOfDate', () => {
  it.each([
    ['2025-01-01', '2025-Q1'],
    ['2025-02-10', '2025-Q1'],
    ['2025-03-31', '2025-Q1'],
    ['2025-04-01', '2025-Q2'],
    ['2025-06-30', '2025-Q2'],
    ['2025-07-01', '2025-Q3'],
    ['2025-09-30', '2025-Q3'],
    ['2025-10-01', '2025-Q4'],
    ['2025-12-31', '2025-Q4'],
    ['2024-02-29', '2024-Q1'],
  ])('%s is in %s', (date, quarter) => {
    expect(quarterOfDate(date)).toBe(quarter);
  });

  it.each(['2025-02-29', '2025-13-01', 'yesterday'])('refuses %p', (date) => {
    expect(() => quarterOfDate(date)).toThrow(RangeError);
  });
});

describe('dateRangeOf', () => {
  it.each([
    ['2025-Q1', '2025-01-01', '2025-03-31'],
    ['2025-Q2', '2025-04-01', '2025-06-30'],
    ['2025-Q3', '2025-07-01', '2025-09-30'],
    ['2025-Q4', '2025-10-01', '2025-12-31'],
    ['2025-H1', '2025-01-01', '2025-06-30'],
    ['2025-H2', '2025-07-01', '2025-12-31'],
    ['2025', '2025-01-01', '2025-12-31'],
    ['2024-Q1', '2024-01-01', '2024-03-31'],
  ])('%s runs from %s to %s', (key, from, to) => {
    expect(dateRangeOf(key)).toEqual({ from, to });
  });

  it('refuses a bad key', () => {
    expect(() => dateRangeOf('2025-Q0')).toThrow(RangeError);
  });
});

describe('isValidDate', () => {
  it.each([
    ['2025-01-31', true],
    ['2025-04-30', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2025-12-31', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2100-02-29', false],
    ['2025-04-31', false],
    ['2025-00-10', false],
    ['2025-13-10', false],
    ['2025-01-00', false],
    ['2025-01-32', false],
    ['2025-1-5', false],
    ['25-01-05', false],
    ['2025/01/05', false],
    ['2025-01-05T00:00:00Z', false],
    [' 2025-01-05', false],
    ['0000-01-01', false],
    ['', false],
  ])('%p is %p', (date, valid) => {
    expect(isValidDate(date)).toBe(valid);
  });

  it('rejects a non-string', () => {
    expect(isValidDate(20250105 as unknown as string)).toBe(false);
  });
});

describe('periodLabelVi', () => {
  it.each([
    ['2025-Q1', 'Quý 1 năm 2025'],
    ['2025-Q4', 'Quý 4 năm 2025'],
    ['2025-H1', '6 tháng đầu năm 2025'],
    ['2025-H2', '6 tháng cuối năm 2025'],
    ['2025', 'Năm 2025'],
  ])('%s reads %p', (key, label) => {
    expect(periodLabelVi(key)).toBe(label);
  });

  it('refuses a bad key', () => {
    expect(() => periodLabelVi('Q1')).toThrow(RangeError);
  });
});

describe('quarterHasStarted', () => {
  it.each([
    ['2026-Q4', '2026-10-01', true],
    ['2026-Q4', '2026-09-30', false],
    ['2026-Q1', '2026-01-01', true],
    ['2025-Q3', '2026-12-02', true],
    ['2027-Q1', '2026-12-31', false],
    ['2099-Q1', '2026-12-02', false],
    ['2026-H1', '2026-12-02', false],
    ['nonsense', '2026-12-02', false],
  ])('%s on %s: %s', (key, today, started) => {
    expect(quarterHasStarted(key, today)).toBe(started);
  });
});
