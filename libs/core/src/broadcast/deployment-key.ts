import { createHash } from 'node:crypto';
import type { AppConfig } from '../config/app-config';

/**
 * A digest of the database address: the instances of one deployment share it, so that Redis
 * keys and channels carrying it are shared by them and by no other deployment on that server.
 */
export function deploymentKey(config: Pick<AppConfig, 'database'>): string {
  const target = config.database.engine === 'mysql' ? config.database.url : config.database.path;
  return createHash('sha256').update(target).digest('hex').slice(0, 12);
}
