#!/usr/bin/env node
// Starts the built app for the browser journeys on a fresh database with the demo data:
// a new SQLite file by default, or the (fresh, empty) MariaDB database of BROWSER_DATABASE_URL.
const { spawn } = require('node:child_process');
const { rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { API_NODE_FLAGS } = require('../support/api-node-flags');

const root = join(__dirname, '..', '..');
const databaseUrl =
  process.env.BROWSER_DATABASE_URL ?? `sqlite:${join(tmpdir(), 'thidua-browser.sqlite')}`;
// A SQLite file of an earlier run is removed (only under the temporary folder): the demo is
// seeded into an empty database.
if (databaseUrl.startsWith('sqlite:')) {
  const file = databaseUrl.slice('sqlite:'.length);
  if (file.startsWith(tmpdir()))
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

const child = spawn(
  process.execPath,
  [...API_NODE_FLAGS, join(root, 'dist/apps/api/src/main.js')],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'true',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      JWT_SECRET: process.env.JWT_SECRET ?? 'browser-journeys-secret-that-is-long-enough',
      ROLLUP_CATCH_UP: 'false',
    },
  },
);
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));
