import type { FactoryProvider } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { appConfig, type AppConfig } from '../../config/app-config';
import { DatabaseThrottleStore } from './database-throttle-store';
import { RedisThrottleStore } from './redis-throttle-store';
import { THROTTLE_STORE, type ThrottleStore } from './throttle-store';

/**
 * Redis when REDIS_URL is set, else the database. Redis keys carry a digest of the database
 * address: instances of one deployment share their counters, other deployments on the same
 * Redis server do not.
 */
export const throttleStoreProvider: FactoryProvider<ThrottleStore> = {
  provide: THROTTLE_STORE,
  inject: [appConfig.KEY, DataSource],
  useFactory: (config: AppConfig, dataSource: DataSource): ThrottleStore => {
    if (!config.redisUrl) return new DatabaseThrottleStore(dataSource);
    const target = config.database.engine === 'mysql' ? config.database.url : config.database.path;
    const deployment = createHash('sha256').update(target).digest('hex').slice(0, 12);
    return new RedisThrottleStore(config.redisUrl, `thidua:${deployment}:login:`);
  },
};
