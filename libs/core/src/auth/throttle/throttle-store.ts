/**
 * Counters with an expiry, shared by every instance of the API: sign-in failures, and the uses
 * of download tickets (a ticket opens one download, whichever instance serves it).
 */
export interface ThrottleStore {
  /** Adds one to each counter (created with its expiry when new); returns the new counts. */
  hit(counters: readonly { key: string; expiresAt: number }[]): Promise<number[]>;
  /** Takes back one from each counter (an attempt that turned out to succeed). */
  refund(keys: readonly string[]): Promise<void>;
  /** Drops counters whose window has ended. */
  sweep(now: number): Promise<void>;
  close(): Promise<void>;
}

export const THROTTLE_STORE = Symbol('THROTTLE_STORE');
