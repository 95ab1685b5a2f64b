import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { logIn, logInThroughApi } from './login.js';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const shot = (name: string) => path.join(import.meta.dirname, 'output', 'screenshots', `${name}.png`);

test.describe('an institution submits its report', () => {
  test('uploads a links CSV and sees its receipt', async ({ page }) => {
    await logIn(page, 'alipay');
    await page.getByRole('link', { name: 'Submit a report' }).click();
    await page.getByLabel(/period/i).first().fill('2023-01');
    await page.locator('input[type=file]').first().setInputFiles(fixture('alipay-links.csv'));
    await page.getByRole('button', { name: /^submit/i }).click();
    const receipt = page.getByTestId('receipt');
    await expect(receipt).toBeVisible();
    await expect(receipt).toContainText('2023-01');
    await expect(receipt).toContainText(/[0-9a-f]{64}/);
    await page.screenshot({ path: shot('reports-receipt'), fullPage: true });
  });

  test('an upload with errors shows every error with its row and column', async ({ page }) => {
    await logIn(page, 'alipay');
    await page.getByRole('link', { name: 'Submit a report' }).click();
    await page.getByLabel(/period/i).first().fill('2023-02');
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

/** Waits for the dialog's opening animation to end, so that a screenshot shows it as a person reads it. */
async function dialogOpened(page: Page): Promise<void> {
  // Only the dialog's own: the form's progress bar runs for as long as the question is open.
  await page.waitForFunction(() => {
    const dialog = document.querySelector('mat-dialog-container');
    return !!dialog && dialog.getAnimations({ subtree: true }).every((a) => a.playState !== 'running') && getComputedStyle(dialog.querySelector('.mat-mdc-dialog-surface')!).opacity === '1';
  });
}

test.describe('an institution sends a month again', () => {
  const files = (page: Page) => page.locator('input[type=file]');

  test('the form clears after a receipt; a links-only resend asks first, says the agreement will be dropped, and every version’s receipt downloads as PDF', async ({ page }) => {
    await logIn(page, 'alipay');
    await page.goto('/reports/submit?period=2022-03');
    await files(page).nth(0).setInputFiles(fixture('alipay-links.csv'));
    await files(page).nth(1).setInputFiles(fixture('alipay-agreements.csv'));
    const submit = page.getByRole('button', { name: /^submit/i });
    await submit.click();
    await expect(page.getByTestId('receipt')).toContainText('version 1');
    await expect(submit).toBeDisabled();
    await expect(page.getByText('The files were cleared so that nothing is sent twice.')).toBeVisible();

    // Going on to send only the links file again.
    await files(page).nth(0).setInputFiles(fixture('alipay-links.csv'));
    await submit.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Replace version 1 of Mar 2022?');
    await expect(dialog).toContainText('These files have no agreements: the agreement of version 1 will be dropped.');
    await dialogOpened(page);
    await page.screenshot({ path: shot('reports-replace-confirmation') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(submit).toBeEnabled();

    await submit.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Replace version 1' }).click();
    const receipt = page.getByTestId('receipt');
    await expect(receipt).toContainText('version 2');
    await expect(receipt).toContainText('AGREEMENTS_DROPPED');
    await expect(receipt).toContainText('AP-UP-01');
    await expect(receipt.getByRole('link', { name: 'Download receipt (PDF)' })).toHaveAttribute('href', /\/api\/v1\/reports\/\d+\/receipt\?format=pdf$/);

    await page.goto('/reports');
    await expect(page.getByRole('link', { name: 'Download the receipt of Mar 2022, version 2, as PDF' })).toBeVisible();
    await page.getByRole('link', { name: 'Download the receipt of Mar 2022, version 2, as PDF' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('reports-list-receipts') });
    const pdf = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the receipt of Mar 2022, version 1, as PDF' }).click();
    expect((await pdf).suggestedFilename()).toBe('receipt-alipay-2022-03-v1.pdf');
    const json = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the receipt of Mar 2022, version 2, as JSON' }).click();
    expect((await json).suggestedFilename()).toBe('receipt-alipay-2022-03-v2.json');
  });

  test.describe('in Chinese', () => {
    test.use({ locale: 'zh-CN' });

    test('asks in Chinese before replacing a month', async ({ page }) => {
      await logInThroughApi(page, 'alipay');
      await page.goto('/reports/submit?period=2022-03');
      await files(page).nth(0).setInputFiles(fixture('alipay-links.csv'));
      await page.getByRole('button', { name: '提交', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText('替换 2022年3月 的第 2 版？');
      await dialogOpened(page);
      await page.screenshot({ path: shot('reports-replace-confirmation-zh') });
      await dialog.getByRole('button', { name: '取消' }).click();
      await expect(dialog).toBeHidden();
    });
  });
});
