import path from 'node:path';
import { expect, test } from '@playwright/test';
import { logIn } from './login.js';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const shot = (name: string) => path.join(import.meta.dirname, 'output', 'screenshots', `${name}.png`);

test.describe('an institution submits its report', () => {
  test('uploads a links CSV and sees its receipt', async ({ page }) => {
    await logIn(page, 'alipay');
    await page.getByRole('link', { name: 'Submit a report' }).click();
    await page.getByLabel(/period/i).first().fill('2022-01');
    await page.locator('input[type=file]').first().setInputFiles(fixture('alipay-links.csv'));
    await page.getByRole('button', { name: /^submit/i }).click();
    const receipt = page.getByTestId('receipt');
    await expect(receipt).toBeVisible();
    await expect(receipt).toContainText('2022-01');
    await expect(receipt).toContainText(/[0-9a-f]{64}/);
    await page.screenshot({ path: shot('reports-receipt'), fullPage: true });
  });

  test('an upload with errors shows every error with its row and column', async ({ page }) => {
    await logIn(page, 'alipay');
    await page.getByRole('link', { name: 'Submit a report' }).click();
    await page.getByLabel(/period/i).first().fill('2022-02');
    await page.locator('input[type=file]').first().setInputFiles(fixture('alipay-links-bad.csv'));
    await page.getByRole('button', { name: /^submit/i }).click();
    const errors = page.getByTestId('validation-errors');
    await expect(errors).toBeVisible();
    await expect(errors).toContainText('UNKNOWN_CITY');
    await expect(errors).toContainText('NOT_A_PARTY');
    await expect(errors).toContainText('BAD_VALUE');
    await page.screenshot({ path: shot('reports-errors'), fullPage: true });
  });
});
