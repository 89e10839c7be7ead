import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, submitLogin } from './support';

test.describe('sign-in and session', () => {
  test('a wrong password says only that the username or password is wrong', async ({ page }) => {
    await submitLogin(page, 'head.stc', 'not-the-password');
    await expect(page.getByText('Sai tên đăng nhập hoặc mật khẩu')).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
  });

  test('the login page passes axe', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
    await expectAccessible(page);
  });

  test('a reload keeps the session; Đăng xuất ends it and the old cookie is refused', async ({
    page,
    context,
  }) => {
    await signIn(page, 'head.stc');
    await expect(page.getByText('Lãnh đạo đơn vị')).toBeVisible();
    await page.reload();
    await expect(page.getByText('Lãnh đạo đơn vị')).toBeVisible();
    await expect(page).not.toHaveURL(/\/login/);

    const oldCookie = (await context.cookies()).find((c) => c.name === 'thidua_refresh');
    expect(oldCookie?.httpOnly).toBe(true);
    expect(oldCookie?.sameSite).toBe('Strict');
    expect(await page.evaluate('[localStorage.length, sessionStorage.length]')).toEqual([0, 0]);

    await page.getByRole('button', { name: /Tài khoản head\.stc/ }).click();
    await page.getByText('Đăng xuất').click();
    await expect(page).toHaveURL(/\/login$/);

    const refused = await page.request.post('/api/auth/refresh', {
      headers: { cookie: `thidua_refresh=${oldCookie!.value}` },
      data: {},
    });
    expect(refused.status()).toBe(401);
    await page.goto('/rankings');
    await expect(page).toHaveURL(/\/login$/);
  });
});
