import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { RateLimited } from '../../errors/domain-errors';
import { clientAddressKey } from './client-address';
import { bucketsFor, exceededBucket } from './login-limits';
import { THROTTLE_STORE, type ThrottleStore } from './throttle-store';

const SWEEP_EVERY_MS = 10 * 60_000;

/** A sign-in attempt let through: counted as a failure until `succeeded` takes it back. */
export interface LoginReservation {
  keys: string[];
}

/**
 * The sign-in throttle (see login-limits.ts). An attempt is counted as a failure *before* the
 * password is hashed and checked, and handed back when it succeeds: parallel guesses cannot slip
 * past the limits, and a refused guess costs no hashing at all.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnApplicationShutdown {
  /** The time in epoch milliseconds; tests move it instead of waiting. */
  now: () => number = Date.now;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(@Inject(THROTTLE_STORE) private readonly store: ThrottleStore) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => {
      this.store.sweep(this.now()).catch(() => undefined);
    }, SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await this.store.close();
  }

  /** Counts the attempt, or refuses it with 429 when a limit is already reached. */
  async reserve(username: string, address: string | undefined): Promise<LoginReservation> {
    const now = this.now();
    const buckets = bucketsFor(username, clientAddressKey(address), now);
    const counts = await this.store.hit(buckets);
    const exceeded = exceededBucket(buckets, counts);
    if (exceeded) {
      // A refused attempt is no guess: it does not count (and does not push the lock further).
      await this.store.refund(buckets.map((bucket) => bucket.key));
      throw new RateLimited(exceeded.limit.message, Math.ceil((exceeded.expiresAt - now) / 1000));
    }
    return { keys: buckets.map((bucket) => bucket.key) };
  }

  /** The attempt succeeded (or never reached the password check): it is not a failure. */
  async release(reservation: LoginReservation): Promise<void> {
    await this.store.refund(reservation.keys);
  }
}
