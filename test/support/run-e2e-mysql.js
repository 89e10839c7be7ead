#!/usr/bin/env node
// Runs the e2e suite against MySQL/MariaDB: every test file creates a fresh
// database on this server and drops it after. Fails loudly when the server
// cannot be reached: CI never skips.
const { spawnSync } = require('node:child_process');
const { createConnection } = require('mysql2/promise');

const url =
  process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/test';

async function main() {
  if (!/^(mysql|mariadb):\/\//.test(url)) {
    throw new Error(`test:mysql needs a mysql:// DATABASE_URL or TEST_DATABASE_URL, got "${url}"`);
  }
  const connection = await createConnection({
    uri: url.replace(/^mariadb:/, 'mysql:'),
    connectTimeout: 5000,
  });
  const [[row]] = await connection.query('SELECT VERSION() AS version');
  await connection.end();
  process.stdout.write(`e2e on MySQL/MariaDB ${row.version} (${new URL(url).host})\n`);
  const jest = require.resolve('jest/bin/jest');
  const result = spawnSync(
    process.execPath,
    // Paths first: --selectProjects takes every word after it as another project name.
    [jest, ...process.argv.slice(2), '--selectProjects', 'e2e'],
    {
      stdio: 'inherit',
      env: { ...process.env, TEST_DATABASE_URL: url },
    },
  );
  process.exit(result.status ?? 1);
}

main().catch((error) => {
  process.stderr.write(`Cannot run the MySQL e2e suite: ${error.message}\n`);
  process.exit(1);
});
