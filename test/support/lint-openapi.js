#!/usr/bin/env node
// `npm run lint:openapi`: the API's OpenAPI document, built by the built app (`npm run build:api`)
// on a throw-away SQLite database without listening on any port, checked by Redocly's
// recommended rules (redocly.yaml). Fails on any error.
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'thidua-openapi-'));
Object.assign(process.env, {
  DATABASE_URL: `sqlite:${join(dir, 'openapi.sqlite')}`,
  SEED_DEMO: 'false',
  LOG_LEVEL: 'error',
  JWT_SECRET: process.env.JWT_SECRET ?? 'openapi-lint-secret-that-is-long-enough',
  ROLLUP_CATCH_UP: 'false',
});

async function main() {
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const { FastifyAdapter } = require('@nestjs/platform-fastify');
  const dist = join(root, 'dist/apps/api/src');
  const { AppModule } = require(join(dist, 'app.module'));
  const { buildOpenApiDocument } = require(join(dist, 'openapi'));
  const { API_PREFIX } = require(join(dist, 'configure-app'));
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), { logger: false });
  app.setGlobalPrefix(API_PREFIX);
  await app.init();
  const file = process.env.OPENAPI_OUT ?? join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(buildOpenApiDocument(app, API_PREFIX), null, 2));
  await app.close();
  try {
    if (process.env.OPENAPI_OUT) return;
    execFileSync(
      process.execPath,
      [
        require.resolve('@redocly/cli/bin/cli.js'),
        'lint',
        file,
        '--config',
        join(root, 'redocly.yaml'),
      ],
      { stdio: 'inherit' },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  // Redocly has printed its findings; anything else gets its stack.
  if (!(error && error.status))
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
