/**
 * The sign-in throttle's rules (README, "Sign-in throttle"). Failed guesses are counted in fixed
 * windows per client address and per account. An address is slowed down first (5 a minute), then
 * refused for the hour (20 an hour); only a guessing campaign from several addresses refuses the
 * account itself everywhere (50 an hour), so that one address alone can never lock anyone out.
 */
export interface LoginLimit {
  scope: 'address' | 'account';
  windowSeconds: number;
  maxFailures: number;
  /** What the caller is told when the limit is reached. */
  message: string;
}

export const LOGIN_LIMITS: readonly LoginLimit[] = [
  {
    scope: 'address',
    windowSeconds: 60,
    maxFailures: 5,
    message: 'Too many failed sign-ins from your address; wait a minute',
  },
  {
    scope: 'address',
    windowSeconds: 3600,
    maxFailures: 20,
    message: 'Too many failed sign-ins from your address; try again within the hour',
  },
  {
    scope: 'account',
    windowSeconds: 3600,
    maxFailures: 50,
    message: 'This account is locked after many failed sign-ins; try again within the hour',
  },
];

/** One counter: a limit's window for one address or one account. */
export interface ThrottleBucket {
  key: string;
  /** Epoch milliseconds at which the window ends and the counter may be dropped. */
  expiresAt: number;
  limit: LoginLimit;
}

/** The counters a sign-in attempt of `username` from `address` (a clientAddressKey) adds to. */
export function bucketsFor(username: string, address: string, now: number): ThrottleBucket[] {
  return LOGIN_LIMITS.map((limit) => {
    const windowMs = limit.windowSeconds * 1000;
    const window = Math.floor(now / windowMs);
    const subject = limit.scope === 'address' ? `a:${address}` : `u:${username}`;
    return {
      key: `${subject}:${limit.windowSeconds}:${window}`,
      expiresAt: (window + 1) * windowMs,
      limit,
    };
  });
}

/** The first limit a count (after adding this attempt) goes past, or null. */
export function exceededBucket(
  buckets: readonly ThrottleBucket[],
  counts: readonly number[],
): ThrottleBucket | null {
  return buckets.find((bucket, index) => counts[index] > bucket.limit.maxFailures) ?? null;
}
