import { expect, test } from '@playwright/test';
import { logIn } from './login.js';

test.describe('language', () => {
  test('starts in English in an English browser', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByLabel('Username')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('an analyst switches to Chinese, and the app stays in Chinese after a reload', async ({ page }) => {
    await logIn(page, 'analyst');
    await page.goto('/matrix?city=110000&period=2021-06&mode=mpm&channel=offline');
    await expect(page.getByRole('heading', { level: 1, name: 'Interconnection matrix' })).toBeVisible();

    await page.getByRole('button', { name: 'Language: EN' }).click();
    await page.getByRole('menuitemradio', { name: '简体中文' }).click();

    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('link', { name: '互通矩阵' })).toBeVisible();
    await expect(nav.getByRole('link', { name: '报告报送' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: '互联互通矩阵' })).toBeVisible();
    await expect(page).toHaveTitle('互通矩阵 · 互联互通监测');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    // Names, statuses and filters follow: Alipay is 支付宝 and live is 运行.
    const table = page.getByRole('table', { name: '互联互通矩阵（表格形式）' });
    await expect(table.getByRole('row').filter({ hasText: '支付宝' }).filter({ hasText: '中国银联' }).first()).toContainText('运行');
    await expect(page.getByRole('radio', { name: '商户码（mpm）' })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '互联互通矩阵' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '报告报送' })).toBeVisible();
    await expect(page).toHaveTitle('互通矩阵 · 互联互通监测');

    // And back, for anyone who reads this test's trace.
    await page.getByRole('button', { name: '界面语言：中文' }).click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Interconnection matrix' })).toBeVisible();
  });

  test.describe('in a Chinese browser', () => {
    test.use({ locale: 'zh-CN' });

    test('starts in Chinese', async ({ page }) => {
      await page.goto('/login');
      await expect(page.getByLabel('用户名')).toBeVisible();
      await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
      await expect(page).toHaveTitle('登录 · 互联互通监测');
    });
  });
});

test.describe('colour scheme', () => {
  test('follows a dark system setting by default', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('remembers the dark theme chosen in the toolbar', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await logIn(page, 'alipay');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(lightBackground);

    await page.reload();
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  });
});
