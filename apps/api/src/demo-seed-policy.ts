import { resolve } from 'node:path';
import { DEFAULT_SQLITE_PATH, type AppEnv } from '@app/core';

/**
 * Whether an empty database gets the demo: SEED_DEMO decides when set; unset, only the default
 * embedded file does, so `npm start` on a fresh clone shows the demo while a database named on
 * purpose (another SQLite file, MySQL) never gets the demo accounts unasked.
 */
export function seedsDemo(config: Pick<AppEnv, 'seedDemo' | 'database'>): boolean {
  if (config.seedDemo !== null) return config.seedDemo;
  const database = config.database;
  return database.engine === 'sqlite' && resolve(database.path) === resolve(DEFAULT_SQLITE_PATH);
}
