import { ConfigError, parseEnv } from './env.schema';

describe('parseEnv', () => {
  it('has working defaults: port 3000, the embedded SQLite file, no demo decision', () => {
    expect(parseEnv({})).toMatchObject({
      port: 3000,
      database: { engine: 'sqlite', path: 'data/thidua.sqlite' },
      seedDemo: null,
      jwtSecret: null,
      rollupCatchUp: true,
      redisUrl: null,
      trustProxy: false,
      webDistDir: 'apps/web/dist',
      candidateShare: { person: 0.15, agency: 0.2 },
      rollupSchedule: {
        timeZone: 'Asia/Ho_Chi_Minh',
        firstHalfCron: '0 1 5 7 *',
        secondHalfAndYearCron: '0 1 5 1 *',
      },
    });
  });

  it.each([
    [
      { DATABASE_URL: 'sqlite:/tmp/x.sqlite' },
      { database: { engine: 'sqlite', path: '/tmp/x.sqlite' } },
    ],
    [
      { DATABASE_URL: 'mysql://u:p@db:3306/thidua', JWT_SECRET: 'x'.repeat(32) },
      { database: { engine: 'mysql', url: 'mysql://u:p@db:3306/thidua' } },
    ],
    [
      { PORT: '8080', SEED_DEMO: 'false' },
      { port: 8080, seedDemo: false },
    ],
    [{ CANDIDATE_SHARE_PERSON: '0.1' }, { candidateShare: { person: 0.1, agency: 0.2 } }],
    [{ REDIS_URL: 'redis://cache:6379/2' }, { redisUrl: 'redis://cache:6379/2' }],
    [{ TRUST_PROXY: '1' }, { trustProxy: 1 }],
    [{ TRUST_PROXY: 'loopback, 10.0.0.0/8' }, { trustProxy: 'loopback,10.0.0.0/8' }],
  ])('reads %j', (env, expected) => {
    expect(parseEnv(env)).toMatchObject(expected);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://x/y' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://u@h:3306/', JWT_SECRET: 'x'.repeat(32) }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://u@h:3306/db' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ SEED_DEMO: 'yes' }, 'SEED_DEMO'],
    [{ ADMIN_USERNAME: 'boss' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_PASSWORD: 'long-enough-pass' }, 'ADMIN_USERNAME'],
    [{ ADMIN_USERNAME: 'boss', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ CANDIDATE_SHARE_AGENCY: '1.5' }, 'CANDIDATE_SHARE_AGENCY'],
    [{ ROLLUP_TIME_ZONE: 'Mars/Olympus' }, 'ROLLUP_TIME_ZONE'],
    [{ ROLLUP_H1_CRON: 'every july' }, 'ROLLUP_H1_CRON'],
    [{ REDIS_URL: 'cache:6379' }, 'REDIS_URL'],
    [{ REDIS_URL: 'http://cache:6379' }, 'REDIS_URL'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
  ])('refuses %j with one line naming %s', (env, name) => {
    expect(() => parseEnv(env)).toThrow(ConfigError);
    expect(() => parseEnv(env)).toThrow(new RegExp(`^Invalid configuration: ${name} `));
  });
});
