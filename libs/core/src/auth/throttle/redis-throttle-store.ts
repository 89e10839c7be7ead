import Redis from 'ioredis';
import type { ThrottleStore } from './throttle-store';

const REFUND =
  "if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end return 0";

/** Counters in Redis (REDIS_URL): INCR and an absolute expiry at the end of the window. */
export class RedisThrottleStore implements ThrottleStore {
  private readonly redis: Redis;

  /** `prefix` separates deployments sharing one Redis server. */
  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  }

  async hit(counters: readonly { key: string; expiresAt: number }[]): Promise<number[]> {
    const batch = this.redis.multi();
    for (const { key, expiresAt } of counters) {
      batch.incr(this.prefix + key);
      batch.pexpireat(this.prefix + key, expiresAt);
    }
    const results = (await batch.exec()) ?? [];
    return counters.map((_, index) => {
      const [error, value] = results[index * 2] ?? [new Error('no reply'), null];
      if (error) throw error;
      return Number(value);
    });
  }

  async refund(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const batch = this.redis.multi();
    // Only a counter that still exists: a DECR on an expired one would leave -1 forever.
    for (const key of keys) batch.eval(REFUND, 1, this.prefix + key);
    await batch.exec();
  }

  /** Redis expires counters itself. */
  async sweep(): Promise<void> {}

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
