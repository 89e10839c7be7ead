import {
  dueCatchUps,
  isLeaseExpired,
  latestOccurrence,
  leaseDeadline,
  occurrencesBetween,
  periodsOfOccurrence,
  type RollupScheduleConfig,
} from './rollup-schedule';

const HCM = 'Asia/Ho_Chi_Minh';
const config: RollupScheduleConfig = {
  timeZone: HCM,
  firstHalfCron: '0 1 5 7 *',
  secondHalfAndYearCron: '0 1 5 1 *',
};
const at = (iso: string) => new Date(iso);

describe('rollup schedule', () => {
  it('fires at 01:00 Ho Chi Minh time (18:00 UTC the day before)', () => {
    expect(
      occurrencesBetween(
        config.firstHalfCron,
        HCM,
        at('2024-01-01T00:00:00Z'),
        at('2026-01-01T00:00:00Z'),
      ),
    ).toEqual([at('2024-07-04T18:00:00Z'), at('2025-07-04T18:00:00Z')]);
  });

  it.each([
    // now (UTC)                  H1 job latest occurrence     H2/year job latest occurrence
    ['2025-07-04T17:59:59Z', '2024-07-04T18:00:00Z', '2025-01-04T18:00:00Z'],
    ['2025-07-04T18:00:00Z', '2025-07-04T18:00:00Z', '2025-01-04T18:00:00Z'],
    ['2026-01-04T18:00:01Z', '2025-07-04T18:00:00Z', '2026-01-04T18:00:00Z'],
    ['2026-01-04T17:59:00Z', '2025-07-04T18:00:00Z', '2025-01-04T18:00:00Z'],
  ])('at %s the latest occurrences are %s and %s', (now, h1, h2) => {
    expect(latestOccurrence(config.firstHalfCron, HCM, at(now))).toEqual(at(h1));
    expect(latestOccurrence(config.secondHalfAndYearCron, HCM, at(now))).toEqual(at(h2));
  });

  it('finds the latest occurrence of a frequent custom cron too', () => {
    expect(latestOccurrence('*/5 * * * *', HCM, at('2025-03-01T10:07:30Z'))).toEqual(
      at('2025-03-01T10:05:00Z'),
    );
  });

  it.each([
    ['firstHalf', '2025-07-04T18:00:00Z', ['2025-H1']],
    ['firstHalf', '2026-03-01T00:00:00Z', ['2025-H1']],
    ['secondHalfAndYear', '2026-01-04T18:00:00Z', ['2025-H2', '2025']],
    ['secondHalfAndYear', '2025-12-31T17:30:00Z', ['2025-H2', '2025']], // 00:30 on 1 Jan 2026 local
  ] as const)('%s at %s rolls up %j', (job, occurrence, periods) => {
    expect(periodsOfOccurrence(job, at(occurrence), HCM)).toEqual(periods);
  });

  describe('catch-up', () => {
    const now = at('2026-02-01T00:00:00Z');

    it('runs every period of the latest occurrences when nothing ever succeeded', () => {
      expect(dueCatchUps(config, now, () => null).map((d) => d.period)).toEqual([
        '2025-H1',
        '2025-H2',
        '2025',
      ]);
    });

    it('skips a period that succeeded at or after its occurrence, not one that succeeded before', () => {
      const successes: Record<string, string> = {
        '2025-H1': '2025-07-04T18:00:00Z', // the scheduled run itself
        '2025-H2': '2025-12-20T00:00:00Z', // a manual run before the occurrence: not enough
        '2025': '2026-01-10T00:00:00Z', // a manual run after it
      };
      const due = dueCatchUps(config, now, (p) => (successes[p] ? at(successes[p]) : null));
      expect(due).toEqual([
        { job: 'secondHalfAndYear', period: '2025-H2', occurrence: at('2026-01-04T18:00:00Z') },
      ]);
    });

    it('before the first occurrence of a year, looks at the previous ones', () => {
      const due = dueCatchUps(config, at('2026-01-04T17:00:00Z'), () => null);
      expect(due.map((d) => d.period)).toEqual(['2025-H1', '2024-H2', '2024']);
    });

    it('honours a configured cron and time zone', () => {
      const custom = { ...config, timeZone: 'UTC', firstHalfCron: '0 2 1 8 *' };
      const due = dueCatchUps(custom, at('2025-08-01T01:59:00Z'), () => null);
      expect(due[0]).toEqual({
        job: 'firstHalf',
        period: '2024-H1',
        occurrence: at('2024-08-01T02:00:00Z'),
      });
    });
  });

  describe('lease', () => {
    const now = at('2025-07-05T00:00:00Z');
    it.each([
      [null, false],
      ['2025-07-04T23:59:59.999Z', true],
      ['2025-07-05T00:00:00Z', false],
      ['2025-07-05T00:04:59Z', false],
    ])('a lease until %s is expired: %s', (until, expired) => {
      expect(isLeaseExpired(until === null ? null : at(until), now)).toBe(expired);
    });

    it('lasts the configured seconds', () => {
      expect(leaseDeadline(now, 300)).toEqual(at('2025-07-05T00:05:00Z'));
      expect(isLeaseExpired(leaseDeadline(now, 300), at('2025-07-05T00:05:00.001Z'))).toBe(true);
    });
  });
});
