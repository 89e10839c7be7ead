import { currentQuarter, defaultPeriod, periodChoices } from './periods';

describe('periods offered by the header picker', () => {
  it('knows the quarter of a day', () => {
    expect(currentQuarter('2026-12-02')).toBe('2026-Q4');
    expect(currentQuarter('2026-01-01')).toBe('2026-Q1');
  });

  it.each([
    ['quarter', '2026-12-02', '2026-Q4'],
    ['half', '2026-12-02', '2026-H1'],
    ['half', '2026-05-02', '2025-H2'],
    ['year', '2026-12-02', '2025'],
  ] as const)('defaults a %s on %s to %s', (kind, now, key) => {
    expect(defaultPeriod(kind, now)).toBe(key);
  });

  it.each([
    ['2026-12-02', '2026-Q3'],
    ['2026-02-10', '2025-Q4'],
  ])('a results page opens on %s on the last ended quarter %s', (now, key) => {
    expect(defaultPeriod('quarter', now, 'ended')).toBe(key);
  });

  it('offers only periods that have started, newest first', () => {
    const [thisYear, lastYear] = periodChoices(['quarter', 'half', 'year'], '2026-05-20');
    expect(thisYear).toEqual({ year: 2026, keys: ['2026', '2026-H1', '2026-Q2', '2026-Q1'] });
    expect(lastYear.keys).toEqual([
      '2025',
      '2025-H2',
      '2025-H1',
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
      '2025-Q1',
    ]);
  });
});
