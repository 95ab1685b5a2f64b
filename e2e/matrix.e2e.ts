import path from 'node:path';
import { expect, test } from '@playwright/test';
import { logIn } from './login.js';

const shot = (name: string) => path.join(import.meta.dirname, 'output', 'screenshots', `${name}.png`);

test('an analyst opens the Beijing matrix of 2021 and sees Alipay and UnionPay recognising each other', async ({ page }) => {
  await logIn(page, 'analyst');
  await page.goto('/matrix?city=110000&period=2021-06&mode=mpm&channel=offline');
  const table = page.getByRole('table', { name: /matrix/i });
  await expect(table).toBeVisible();
  const alipayScansUnionpay = table.getByRole('row').filter({ hasText: /Alipay/ }).filter({ hasText: /UnionPay/ });
  await expect(alipayScansUnionpay.first()).toContainText('live');
  await expect(page.locator('ngx-charts-heat-map svg').first()).toBeVisible();
  await page.screenshot({ path: shot('matrix-beijing-2021-06'), fullPage: true });
});

test('the matrix chart answers the keyboard: arrow keys move a ring from cell to cell and say what it holds', async ({ page }) => {
  await logIn(page, 'analyst');
  await page.goto('/matrix?city=110000&period=2021-06&mode=mpm&channel=offline');
  const chart = page.getByRole('group', { name: /arrow keys/ });
  await expect(page.locator('ngx-charts-heat-map svg').first()).toBeVisible();
  await chart.focus();
  // The first row and column are the first institution of the matrix: Alipay scanning its own codes.
  await expect(page.locator('#matrix-cursor')).toHaveText(/^\s*Alipay → Alipay:/);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#matrix-cursor')).toHaveText(/^\s*Alipay → WeChat Pay \(Tenpay\):/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  // WeChat Pay and UnionPay open to each other only in 2021-09; Alipay and UnionPay already have.
  await expect(page.locator('#matrix-cursor')).toHaveText(/^\s*China UnionPay \(Cloud QuickPass\) → WeChat Pay \(Tenpay\):\s+not recognised/);
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#matrix-cursor')).toHaveText(/^\s*China UnionPay \(Cloud QuickPass\) → Alipay:\s+\w+ since/);
  await expect(page.locator('g.im-cursor')).toHaveCount(1);
  await page.locator('#matrix-cursor').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('matrix-keyboard') });
  await page.keyboard.press('End');
  await expect(page.locator('#matrix-cursor')).not.toHaveText(/→ WeChat Pay/);
  await expect(page.locator('g.im-cursor')).toHaveCount(1);
});
