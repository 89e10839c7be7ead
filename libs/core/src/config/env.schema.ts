import { THIDUA_DEFAULTS } from '@app/config';
import { USERNAME, USERNAME_RULE } from '../auth/username';

/** The database the app talks to, parsed from DATABASE_URL. */
export type DatabaseTarget = { engine: 'sqlite'; path: string } | { engine: 'mysql'; url: string };

export interface AppEnv {
  port: number;
  database: DatabaseTarget;
  seedDemo: boolean | null;
  adminUsername: string | null;
  adminPassword: string | null;
  jwtSecret: string | null;
  logLevel: string;
  candidateShare: { person: number; agency: number };
  rollupSchedule: { timeZone: string; firstHalfCron: string; secondHalfAndYearCron: string };
  /** ROLLUP_CATCH_UP (default true): run missed scheduled roll-ups at start-up. */
  rollupCatchUp: boolean;
  /** REDIS_URL (redis:// or rediss://): shared state of several instances; null keeps it in the database. */
  redisUrl: string | null;
  /** TRUST_PROXY: the server's trustProxy (false, true, a hop count or addresses), for client addresses. */
  trustProxy: boolean | number | string;
  /** WEB_DIST_DIR: the built web app served at `/` (default apps/web/dist of the working folder). */
  webDistDir: string;
}

/** A configuration error: start-up prints its one line and stops. */
export class ConfigError extends Error {}

export const DEFAULT_SQLITE_PATH = 'data/thidua.sqlite';
export const DEFAULT_WEB_DIST_DIR = 'apps/web/dist';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Record<string, string | undefined>;

function fail(name: string, problem: string): never {
  throw new ConfigError(`Invalid configuration: ${name} ${problem}`);
}

function present(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 3000;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    fail('PORT', `must be a whole number from 1 to 65535, got "${raw}"`);
  }
  return Number(raw);
}

function parseDatabase(raw: string | undefined): DatabaseTarget {
  if (raw === undefined) return { engine: 'sqlite', path: DEFAULT_SQLITE_PATH };
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length);
    if (path === '') fail('DATABASE_URL', 'must name a file after "sqlite:"');
    return { engine: 'sqlite', path };
  }
  if (/^(mysql|mariadb):\/\//.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      fail('DATABASE_URL', 'is not a valid mysql:// address');
    }
    if (url.pathname.length <= 1)
      fail('DATABASE_URL', 'must name a database (mysql://user:pass@host:port/db)');
    return { engine: 'mysql', url: raw.replace(/^mariadb:/, 'mysql:') };
  }
  fail('DATABASE_URL', 'must be "sqlite:PATH" or "mysql://user:pass@host:port/db"');
}

function parseBoolean(name: string, raw: string | undefined): boolean | null {
  if (raw === undefined) return null;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  fail(name, `must be "true" or "false", got "${raw}"`);
}

function parseShare(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 1)
    fail(name, `must be a number in (0, 1], got "${raw}"`);
  return value;
}

function parseCron(name: string, raw: string | undefined, fallback: string): string {
  if (raw === undefined) return fallback;
  if (raw.split(/\s+/).length < 5 || raw.split(/\s+/).length > 6) {
    fail(name, `must be a cron expression of 5 or 6 fields, got "${raw}"`);
  }
  return raw;
}

function parseTimeZone(raw: string | undefined, fallback: string): string {
  if (raw === undefined) return fallback;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: raw });
  } catch {
    fail('ROLLUP_TIME_ZONE', `is not a known time zone: "${raw}"`);
  }
  return raw;
}

function parseRedisUrl(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    fail('REDIS_URL', `is not a valid redis:// address: "${raw}"`);
  }
  if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '')
    fail('REDIS_URL', `must be "redis://[user:pass@]host[:port][/db]", got "${raw}"`);
  return raw;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Whom to believe about the client address in X-Forwarded-For (the sign-in throttle counts it). */
function parseTrustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  const valid = entries.every(
    (entry) => PROXY_NAMES.has(entry) || /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry),
  );
  if (!valid)
    fail(
      'TRUST_PROXY',
      `must be true, false, a hop count, or addresses/subnets (loopback, 10.0.0.0/8, …), got "${raw}"`,
    );
  return entries.join(',');
}

/** Reads and checks every setting; throws ConfigError naming the first bad one. */
export function parseEnv(env: Env): AppEnv {
  const database = parseDatabase(present(env, 'DATABASE_URL'));
  const adminUsername = present(env, 'ADMIN_USERNAME') ?? null;
  const adminPassword = present(env, 'ADMIN_PASSWORD') ?? null;
  if ((adminUsername === null) !== (adminPassword === null)) {
    fail(
      adminUsername === null ? 'ADMIN_USERNAME' : 'ADMIN_PASSWORD',
      'must be set together with the other admin variable',
    );
  }
  if (adminPassword !== null && adminPassword.length < 10)
    fail('ADMIN_PASSWORD', 'must be at least 10 characters');
  if (adminUsername !== null && !USERNAME.test(adminUsername)) {
    fail('ADMIN_USERNAME', `must be ${USERNAME_RULE}`);
  }
  const jwtSecret = present(env, 'JWT_SECRET') ?? null;
  if (jwtSecret === null && database.engine === 'mysql')
    fail('JWT_SECRET', 'is required with a MySQL DATABASE_URL');
  if (jwtSecret !== null && jwtSecret.length < 32)
    fail('JWT_SECRET', 'must be at least 32 characters');
  const logLevel = present(env, 'LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) fail('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const schedule = THIDUA_DEFAULTS.rollupSchedule;
  return {
    port: parsePort(present(env, 'PORT')),
    database,
    seedDemo: parseBoolean('SEED_DEMO', present(env, 'SEED_DEMO')),
    adminUsername,
    adminPassword,
    jwtSecret,
    logLevel,
    candidateShare: {
      person: parseShare(
        'CANDIDATE_SHARE_PERSON',
        present(env, 'CANDIDATE_SHARE_PERSON'),
        THIDUA_DEFAULTS.candidateShare.person,
      ),
      agency: parseShare(
        'CANDIDATE_SHARE_AGENCY',
        present(env, 'CANDIDATE_SHARE_AGENCY'),
        THIDUA_DEFAULTS.candidateShare.agency,
      ),
    },
    rollupSchedule: {
      timeZone: parseTimeZone(present(env, 'ROLLUP_TIME_ZONE'), schedule.timeZone),
      firstHalfCron: parseCron(
        'ROLLUP_H1_CRON',
        present(env, 'ROLLUP_H1_CRON'),
        schedule.firstHalfCron,
      ),
      secondHalfAndYearCron: parseCron(
        'ROLLUP_H2_CRON',
        present(env, 'ROLLUP_H2_CRON'),
        schedule.secondHalfAndYearCron,
      ),
    },
    rollupCatchUp: parseBoolean('ROLLUP_CATCH_UP', present(env, 'ROLLUP_CATCH_UP')) ?? true,
    redisUrl: parseRedisUrl(present(env, 'REDIS_URL')),
    trustProxy: parseTrustProxy(present(env, 'TRUST_PROXY')),
    webDistDir: present(env, 'WEB_DIST_DIR') ?? DEFAULT_WEB_DIST_DIR,
  };
}
