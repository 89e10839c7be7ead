import { bucketsFor, exceededBucket, LOGIN_LIMITS } from './login-limits';

describe('login limits', () => {
  const now = Date.UTC(2026, 0, 5, 8, 30, 15);

  it('counts per address per minute and per hour, and per account per hour', () => {
    const buckets = bucketsFor('head.stc', '203.0.113.7', now);
    expect(buckets.map((b) => b.key)).toEqual([
      `a:203.0.113.7:60:${Math.floor(now / 60_000)}`,
      `a:203.0.113.7:3600:${Math.floor(now / 3_600_000)}`,
      `u:head.stc:3600:${Math.floor(now / 3_600_000)}`,
    ]);
    expect(buckets[0].expiresAt).toBe(Date.UTC(2026, 0, 5, 8, 31, 0));
    expect(buckets[2].expiresAt).toBe(Date.UTC(2026, 0, 5, 9, 0, 0));
  });

  it('slows an address before refusing it, and refuses it long before the account', () => {
    const [perMinute, perHour, account] = LOGIN_LIMITS;
    expect(perMinute.maxFailures).toBeLessThan(perHour.maxFailures);
    // One address alone, even at full speed for the hour, cannot lock the account.
    expect(perHour.maxFailures).toBeLessThan(account.maxFailures);
  });

  it.each([
    [[5, 5, 5], null],
    [[6, 6, 6], 0],
    [[1, 21, 21], 1],
    [[1, 1, 51], 2],
  ])('with counts %j the exceeded limit is %s', (counts, index) => {
    const buckets = bucketsFor('x', 'y', now);
    expect(exceededBucket(buckets, counts)).toBe(index === null ? null : buckets[index]);
  });
});
