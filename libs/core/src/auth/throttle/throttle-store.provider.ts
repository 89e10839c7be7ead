import type { FactoryProvider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deploymentKey } from '../../broadcast/deployment-key';
import { appConfig, type AppConfig } from '../../config/app-config';
import { DatabaseThrottleStore } from './database-throttle-store';
import { RedisThrottleStore } from './redis-throttle-store';
import { THROTTLE_STORE, type ThrottleStore } from './throttle-store';

/**
 * Redis when REDIS_URL is set, else the database. Redis keys carry the deployment's key:
 * instances of one deployment share their counters, other deployments on the same Redis server
 * do not.
 */
export const throttleStoreProvider: FactoryProvider<ThrottleStore> = {
  provide: THROTTLE_STORE,
  inject: [appConfig.KEY, DataSource],
  useFactory: (config: AppConfig, dataSource: DataSource): ThrottleStore => {
    if (!config.redisUrl) return new DatabaseThrottleStore(dataSource);
    return new RedisThrottleStore(config.redisUrl, `thidua:${deploymentKey(config)}:login:`);
  },
};
