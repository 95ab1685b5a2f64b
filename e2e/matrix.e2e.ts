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
