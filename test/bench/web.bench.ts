import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/core';
import { generateCity } from '@app/demo';
import { ADMIN, apiClient, freshDatabase, startApi } from './api-process';
import type { BenchResult } from './report';
import { filesOfRoute, gzipSizeOf, pageModules, type Manifest } from './web-bundle';

const ROOT = join(__dirname, '../..');
const DIST = join(ROOT, 'apps/web/dist');
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 500);
const PORT = Number(process.env.BENCH_WEB_PORT ?? 3903);
const PAGES_TURNED = 10;
const ROLES = ['department_head', 'hr_officer', 'nominator', 'inspector', 'admin'] as const;
type RoleName = (typeof ROLES)[number];

/** Each role's home, as the web app decides it (read at run time: pages.tsx is the web app's). */
function homeOf(role: RoleName): string {
  const pages = require(join(ROOT, 'apps/web/src/app/pages.tsx')) as {
    homeOf(role: RoleName): string;
  };
  return pages.homeOf(role);
}
const SHELL = 'src/app/AppLayout.tsx';
const LOGIN = 'src/features/auth/LoginPage.tsx';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** UI.md §4: the gzip size of the JavaScript of the login page and of each role's home. */
export function benchBundleSizes(): BenchResult[] {
  const manifestFile = join(DIST, '.vite/manifest.json');
  if (!existsSync(manifestFile)) throw new Error('no apps/web/dist: run `npm run build` first');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const modules = pageModules(readFileSync(join(ROOT, 'apps/web/src/app/pages.tsx'), 'utf8'));
  const login = gzipSizeOf(DIST, filesOfRoute(manifest, manifest[LOGIN] ? [LOGIN] : []));
  const results: BenchResult[] = [
    {
      name: 'JavaScript of the login page (gzip)',
      value: kb(login.gzipBytes),
      target: '≤ 300 KB',
      met: login.gzipBytes <= 300 * 1024,
      note: `${login.files} files`,
    },
  ];
  const rolesByHome = new Map<string, RoleName[]>();
  for (const role of ROLES)
    rolesByHome.set(homeOf(role), [...(rolesByHome.get(homeOf(role)) ?? []), role]);
  for (const [home, roles] of rolesByHome) {
    const page = modules.get(home);
    if (!page) throw new Error(`no lazy module for the page ${home} in pages.tsx`);
    const lazy = manifest[SHELL] ? [SHELL, page] : [page];
    const size = gzipSizeOf(DIST, filesOfRoute(manifest, lazy));
    const whole = gzipSizeOf(DIST, filesOfRoute(manifest, lazy, { withLazyParts: true }));
    results.push({
      name: `JavaScript of the home ${home} of ${roles.join(', ')} (gzip)`,
      value: kb(size.gzipBytes),
      target: '≤ 500 KB',
      met: size.gzipBytes <= 500 * 1024,
      note:
        `${size.files} files, the shell and the page included; ` +
        `${kb(whole.gzipBytes)} with the parts it loads beside its data or on use`,
    });
  }
  return results;
}

/**
 * Runs in the page (a string: the bench is type-checked without the DOM's types): clicks the next
 * page and resolves with the time until the new first row is in the DOM and painted.
 */
const TURN_PAGE = `new Promise((resolve, reject) => {
  const firstKey = () =>
    document.querySelector('.ant-table-tbody tr[data-row-key]')?.getAttribute('data-row-key');
  const before = firstKey();
  const next = document.querySelector('.ant-pagination-next button, .ant-pagination-next');
  if (!next) return reject(new Error('no next-page button'));
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (firstKey() === before) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - start));
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  next.click();
})`;

async function turnPage(page: Page): Promise<number> {
  return page.evaluate<number>(TURN_PAGE);
}

/**
 * UI.md §4: the time to show a page of the 100,000-person city ranking in the browser. A city
 * generated on MariaDB, the built app, an administrator in Chromium: opening the ranking, then
 * turning pages (click to the next page's rows rendered); median and worst of the turns.
 */
export async function benchRankingPage(): Promise<BenchResult[]> {
  const database = await freshDatabase('thidua_bench_web');
  const dataSource = new DataSource(dataSourceOptions({ engine: 'mysql', url: database.url }));
  await dataSource.initialize();
  await dataSource.runMigrations();
  const city = await generateCity(dataSource, {
    agencies: AGENCIES,
    people: PEOPLE,
    criteria: 20,
    quarters: 2,
    lastQuarter: '2025-Q4',
    progress: process.stderr.isTTY,
  });
  await dataSource.destroy();
  const period = city.quarters[city.quarters.length - 1];
  const api = await startApi(database.url, PORT);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const client = await apiClient(api.url);
    // The quarter's ranking is built in the background at start; reading waits for it.
    for (const quarter of city.quarters)
      await client.call('GET', `/api/rankings?period=${quarter}&subjectType=person&limit=1`);
    const page = await browser.newPage({ viewport: { width: 1366, height: 820 } });
    await page.goto(`${api.url}/login`);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    const opened = performance.now();
    await page.goto(`${api.url}/rankings?period=${period}`);
    await page.locator('.ant-table-tbody tr[data-row-key]').first().waitFor();
    const openMs = performance.now() - opened;
    // Warm-up turn: the first request of a kind compiles and fills pools.
    await turnPage(page);
    const turns: number[] = [];
    for (let i = 0; i < PAGES_TURNED; i++) turns.push(await turnPage(page));
    turns.sort((a, b) => a - b);
    const median = turns[Math.floor(turns.length / 2)];
    const worst = turns[turns.length - 1];
    const rows = await page.locator('.ant-table-tbody tr[data-row-key]').count();
    return [
      {
        name: `city: generate ${city.people.toLocaleString('en')} people, ${city.evaluations.toLocaleString('en')} evaluations`,
        value: `${city.seconds.toFixed(1)} s`,
      },
      {
        name: `a page of the ${city.people.toLocaleString('en')}-person city ranking in Chromium: next page`,
        value: `median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms`,
        target: '≤ 200 ms',
        met: worst <= 200,
        note: `${PAGES_TURNED} page turns of ${rows} rows, click to rows rendered and painted; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
      },
      {
        name: 'opening the ranking page (navigation to first rows, signed in)',
        value: `${openMs.toFixed(0)} ms`,
        note: 'includes the page load, the token refresh and the agencies list',
      },
    ];
  } finally {
    await browser.close();
    await api.stop();
    if (!process.env.BENCH_KEEP) await database.drop();
  }
}

export async function benchWeb(): Promise<BenchResult[]> {
  return [...benchBundleSizes(), ...(await benchRankingPage())];
}
