#!/usr/bin/env node
// The README's screenshots: one page per role, in Chromium, on a fresh demo database
// (`npm run build` first). `npm run screenshots` writes docs/screenshots/; with `--all PATH`
// it also shoots every page of every role into PATH, to look the whole app over.
const { spawn } = require('node:child_process');
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { chromium } = require('@playwright/test');

const root = join(__dirname, '..');
const port = Number(process.env.SCREENSHOT_PORT ?? 3230);
const base = `http://127.0.0.1:${port}`;
const allIndex = process.argv.indexOf('--all');
const everyPageDir = allIndex > 0 ? process.argv[allIndex + 1] : null;

/** Each demo user, their README page, and (for --all) the other pages they use. */
const ROLES = [
  {
    user: 'head.stc',
    readme: ['dashboard', '/dashboard'],
    pages: ['/approvals', '/people', '/rankings', '/rankings?type=agency'],
  },
  {
    user: 'hr.stc',
    readme: ['hr-home', '/evaluations'],
    pages: ['/people', '/incidents'],
  },
  { user: 'inspector', readme: ['inspector-home', '/inspections'], pages: ['/rankings'] },
  {
    user: 'nominator.stc',
    readme: ['nominator-home', '/exemplary'],
    pages: ['/nominations', '/exemplary?tab=near'],
  },
  {
    user: 'admin',
    readme: ['admin-home', '/city'],
    pages: [
      '/agencies',
      '/users',
      '/criteria-sets',
      '/periods',
      '/rollups',
      '/decisions',
      '/audit',
    ],
  },
];

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the demo server did not start');
}

/** Waits for the page's data: no spinner, charts drawn. */
async function settled(page) {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(600); // chart animations end
}

async function main() {
  const server = spawn(process.execPath, [join(root, 'test/browser/serve-demo.js')], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'error' },
    stdio: 'inherit',
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    await waitForServer();
    mkdirSync(join(root, 'docs/screenshots'), { recursive: true });
    if (everyPageDir) mkdirSync(everyPageDir, { recursive: true });
    for (const role of ROLES) {
      const context = await browser.newContext({
        viewport: { width: 1366, height: 820 },
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      const page = await context.newPage();
      await page.goto(`${base}/login`);
      await page.getByLabel('Tên đăng nhập').fill(role.user);
      await page.getByLabel('Mật khẩu').fill('thidua-demo');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      const [name, path] = role.readme;
      await page.goto(`${base}${path}`);
      await settled(page);
      await page.screenshot({ path: join(root, 'docs/screenshots', `${name}.png`) });
      if (everyPageDir)
        for (const extra of role.pages) {
          await page.goto(`${base}${extra}`);
          await settled(page);
          const file = `${role.user}${extra.replace(/[/?=&]/g, '-')}.png`;
          await page.screenshot({ path: join(everyPageDir, file), fullPage: true });
        }
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
