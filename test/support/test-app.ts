import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { parseEnv } from '@app/core';
import { APP_OPTIONS, configureApp, createHttpAdapter } from '../../apps/api/src/configure-app';
import { createTestDatabase } from './test-database';

export const TEST_PASSWORD = 'test-password-123';

export interface TestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  /** The database this app runs on (pass it to another app to share the database). */
  databaseUrl: string;
  /** A supertest agent on the running app. */
  http: () => ReturnType<typeof request>;
  /** Logs in and returns the bearer header value. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Boots the real app, configured as main.ts configures it, on a database of
 * its own (SQLite by default, MariaDB with TEST_DATABASE_URL=mysql://…).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { shareDatabaseOf?: TestApp } = {},
): Promise<TestApp> {
  // A second app on the database of the first (two instances of one deployment): the first
  // one's close() drops it.
  const database = options.shareDatabaseOf
    ? { url: options.shareDatabaseOf.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    ADMIN_USERNAME: 'root.admin',
    ADMIN_PASSWORD: TEST_PASSWORD,
    ROLLUP_CATCH_UP: 'false',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const settings = parseEnv(process.env);
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(settings), {
    ...APP_OPTIONS,
    logger: process.env.TEST_LOG ? ['error', 'warn'] : false,
  });
  await configureApp(app, settings);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const http = () => request(app.getHttpServer());
  return {
    app,
    dataSource: app.get(DataSource),
    databaseUrl: database.url,
    http,
    async login(username, password = TEST_PASSWORD) {
      const response = await http().post('/api/auth/login').send({ username, password });
      if (response.status !== 200)
        throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
      return `Bearer ${response.body.accessToken}`;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
