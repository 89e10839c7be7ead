import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser journeys (UI.md §4): Debian's Chromium drives the built app served by the API on a
 * fresh database with the demo data (test/browser/serve-demo.js). One worker: the journeys
 * share that demo and the machine has two cores.
 */
const port = Number(process.env.BROWSER_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
// The server's database, known to the journeys too (test/browser/database.ts): a fresh MariaDB
// database when CI names one, else a SQLite file that serve-demo.js recreates at each run.
process.env.BROWSER_DATABASE_URL ??= `sqlite:${join(tmpdir(), `thidua-browser-${port}.sqlite`)}`;

export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.journey.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous: the machine is shared; a passing step never waits for these.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'ci-browser.json' }]] : 'list',
  outputDir: 'test-results',
  use: {
    baseURL,
    // A click that cannot land (say, under a message the pointer keeps open) fails in 30 s,
    // not at the test's timeout.
    actionTimeout: 30_000,
    locale: 'vi-VN',
    // As a person who asked for less motion: antd's popups open at once, so a click never lands
    // on a menu or a confirmation still zooming in (a flaky miss on a loaded machine).
    reducedMotion: 'reduce',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 820 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node test/browser/serve-demo.js',
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { PORT: String(port) },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
