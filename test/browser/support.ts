import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'thidua-demo';

/** Fills the login page and presses `Đăng nhập`, as a person does; waits for nothing. */
export async function submitLogin(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/**
 * Signs in through the login page and waits until the header shows the account: a journey that
 * navigates at once would otherwise cut the login request off before its refresh cookie is set.
 */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await submitLogin(page, username, password);
  await expect(page.getByRole('button', { name: `Tài khoản ${username}` })).toBeVisible();
}

/** A bearer token for checking through the API what a journey stored. */
export async function tokenOf(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/api/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(200);
  return `Bearer ${(await response.json()).accessToken}`;
}

/** GET an API route as a user; returns the JSON body. */
export async function apiGet<T = any>(
  request: APIRequestContext,
  username: string,
  path: string,
): Promise<T> {
  const response = await request.get(path, {
    headers: { authorization: await tokenOf(request, username) },
  });
  expect(response.status(), `${path}`).toBe(200);
  return (await response.json()) as T;
}

/** axe finds no serious or critical violation on the page as it is now (UI.md §2). */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/** "94,50" as the interface writes scores. */
export function viScore(value: number): string {
  return value.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * Clicks an option of the open antd Select. Its visible options have no `option` role (antd
 * keeps a hidden listbox for screen readers), so they are found by class and text.
 */
export async function pickOption(page: Page, text: string, options: { exact?: boolean } = {}) {
  const visible = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  const matching = options.exact
    ? visible.filter({ has: page.getByText(text, { exact: true }) })
    : visible.filter({ hasText: text });
  await matching.first().click();
}

/**
 * Answers the open antd Popconfirm with its button. The popup opens with a zoom, and on a loaded
 * machine a click can land while it still grows and miss the button: the click is tried again
 * until the popup has closed.
 */
export async function confirmPopup(page: Page, button: string) {
  const popup = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
  await expect(async () => {
    if (await popup.isVisible())
      await popup.getByRole('button', { name: button, exact: true }).click({ timeout: 5_000 });
    await expect(popup).toBeHidden({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}
