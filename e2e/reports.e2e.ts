import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { logIn, logInThroughApi } from './login.js';
import { atDesktopAndPhoneWidths, screenshotWhole } from './whole-page.js';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const shot = (name: string) => path.join(import.meta.dirname, 'output', 'screenshots', `${name}.png`);

test.describe('an institution submits its report', () => {
  test('uploads a links CSV and sees its receipt', async ({ page }) => {
    await logIn(page, 'alipay');
    await page.getByRole('link', { name: 'Submit a report' }).click();
    await page
      .getByLabel(/period/i)
      .first()
      .fill('2023-01');
    await page.locator('input[type=file]').first().setInputFiles(fixture('alipay-links.csv'));
    await page.getByRole('button', { name: /^submit/i }).click();
    const receipt = page.getByTestId('receipt');
    await expect(receipt).toBeVisible();
    await expect(receipt).toContainText('Jan 2023');
    await expect(receipt).toContainText(/[0-9a-f]{64}/);
    await page.screenshot({ path: shot('reports-receipt'), fullPage: true });
  });

  test('an upload with errors shows every error with its row and column', async ({ page }) => {
    await logIn(page, 'alipay');
    await page.getByRole('link', { name: 'Submit a report' }).click();
    await page
      .getByLabel(/period/i)
      .first()
      .fill('2023-02');
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
    return (
      !!dialog &&
      dialog.getAnimations({ subtree: true }).every((a) => a.playState !== 'running') &&
      getComputedStyle(dialog.querySelector('.mat-mdc-dialog-surface')!).opacity === '1'
    );
  });
}

// Each language sends its own month (journeys share one demo server): the words a person reads on
// the way, and the month as each language writes it.
const RESUBMISSION = [
  {
    lang: 'en',
    period: '2022-03',
    submit: 'Submit',
    cancel: 'Cancel',
    version: (v: number) => `version ${v}`,
    subtitle: 'Alipay · Mar 2022 · version 2',
    cleared: 'The files were cleared so that nothing is sent twice.',
    replace: 'Replace version 1 of Mar 2022?',
    dropped: 'These files have no agreements: the agreement of version 1 will be dropped.',
    confirm: 'Replace version 1',
    droppedWarning: '1 agreement of version 1 of 2022-03 is missing from this version',
    pdf: 'Download receipt (PDF)',
    receiptOf: (v: number, format: string) => `Download the receipt of Mar 2022, version ${v}, as ${format}`,
  },
  {
    lang: 'zh-CN',
    period: '2024-03',
    submit: '提交',
    cancel: '取消',
    version: (v: number) => `第 ${v} 版`,
    subtitle: '支付宝 · 2024年3月 · 第 2 版',
    cleared: '为避免重复提交，已清空所选文件。',
    replace: '替换 2024年3月 的第 1 版？',
    dropped: '本次文件未含协议：第 1 版中的 1 项协议将被删除。',
    confirm: '替换第 1 版',
    droppedWarning: '2024-03 第 1 版中的 1 份协议在本版中缺失',
    pdf: '下载回执（PDF）',
    receiptOf: (v: number, format: string) => `下载 2024年3月 第 ${v} 版回执（${format}）`,
  },
] as const;

test.describe('an institution sends a month again', () => {
  const files = (page: Page) => page.locator('input[type=file]');

  for (const l of RESUBMISSION) {
    test(`${l.lang}: the form clears after a receipt; a links-only resend asks first, says the agreement will be dropped, and every version’s receipt downloads as PDF`, async ({
      page,
    }) => {
      await page.addInitScript((lang) => localStorage.setItem('interop-monitor.language', lang), l.lang);
      await page.setViewportSize({ width: 1440, height: 900 });
      await logInThroughApi(page, 'alipay');
      await page.goto(`/reports/submit?period=${l.period}`);
      await files(page).nth(0).setInputFiles(fixture('alipay-links.csv'));
      await files(page).nth(1).setInputFiles(fixture('alipay-agreements.csv'));
      const submit = page.getByRole('button', { name: l.submit, exact: true });
      await submit.click();
      await expect(page.getByTestId('receipt')).toContainText(l.version(1));
      await expect(submit).toBeDisabled();
      await expect(page.getByText(l.cleared)).toBeVisible();

      // Going on to send only the links file again.
      await files(page).nth(0).setInputFiles(fixture('alipay-links.csv'));
      await submit.click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText(l.replace);
      await expect(dialog).toContainText(l.dropped);
      await atDesktopAndPhoneWidths(page, async (width) => {
        await dialogOpened(page);
        await page.screenshot({ path: shot(`reports-replace-confirmation-${l.lang}-${width}`) });
      });
      await dialog.getByRole('button', { name: l.cancel }).click();
      await expect(dialog).toBeHidden();
      await expect(submit).toBeEnabled();

      await submit.click();
      await page.getByRole('dialog').getByRole('button', { name: l.confirm }).click();
      const receipt = page.getByTestId('receipt');
      await expect(receipt).toContainText(l.version(2));
      await expect(receipt).toContainText(l.subtitle); // the institution by its name in the page's language
      await expect(receipt).toContainText('AGREEMENTS_DROPPED');
      await expect(receipt).toContainText(l.droppedWarning);
      await expect(receipt).toContainText('AP-UP-01');
      await expect(receipt.getByRole('link', { name: l.pdf })).toHaveAttribute('href', /\/api\/v1\/reports\/\d+\/receipt\?format=pdf$/);
      await atDesktopAndPhoneWidths(page, (width) => screenshotWhole(page, shot(`reports-receipt-${l.lang}-${width}`)));

      await page.goto('/reports');
      await expect(page.getByRole('link', { name: l.receiptOf(2, 'PDF') })).toBeVisible();
      await page.getByRole('link', { name: l.receiptOf(2, 'PDF') }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`reports-list-receipts-${l.lang}`) });
      const pdf = page.waitForEvent('download');
      await page.getByRole('link', { name: l.receiptOf(1, 'PDF') }).click();
      expect((await pdf).suggestedFilename()).toBe(`receipt-alipay-${l.period}-v1.pdf`);
      const json = page.waitForEvent('download');
      await page.getByRole('link', { name: l.receiptOf(2, 'JSON') }).click();
      expect((await json).suggestedFilename()).toBe(`receipt-alipay-${l.period}-v2.json`);
    });
  }
});

// What the client cannot show alone: the real server's words for a refused report, in the language
// the page asks for (Accept-Language), the warnings beside the errors, and nothing stored.
test.describe('an institution’s refused report, in Chinese', () => {
  const HEADER = 'scanner,issuer,mode,channel,city,status,since';
  const csv = (rows: string[]) => ({
    name: 'alipay-links.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([HEADER, ...rows, ''].join('\n')),
  });

  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('interop-monitor.language', 'zh-CN'));
    await page.setViewportSize({ width: 1440, height: 900 });
    await logInThroughApi(page, 'alipay');
  });

  /** Alipay's stored versions of a month (the API, as the reports list reads it). */
  const storedVersions = async (page: Page, period: string) =>
    ((await (await page.request.get(`/api/v1/reports?institution=alipay&period=${period}`)).json()) as { total: number }).total;

  test('a submitted CSV with errors and warnings is refused in Chinese, each by its row and column, the warnings beside the errors, and nothing is stored', async ({
    page,
  }) => {
    await page.goto('/reports/submit?period=2024-05');
    await expect(page.getByRole('heading', { level: 1, name: '报送报告' })).toBeVisible();
    await page
      .locator('input[type=file]')
      .nth(0)
      .setInputFiles(
        csv([
          'alipay,unionpay,qr,offline,110000,live,2021-03-01', // row 2: no such mode
          'alipay,tenpay,mpm,offline,110000,live,2024-09-01', // row 3: since after the month (a warning)
          'alipay,unionpay,mpm,offline,110000,live,2021-03-01', // row 4: well formed
          'alipay,unionpay,mpm,offline,110000,live,2021-03-01', // row 5: the same link as row 4
        ]),
      );
    await page.getByRole('button', { name: '提交', exact: true }).click();

    const errors = page.getByTestId('validation-errors');
    await expect(errors.getByRole('heading')).toHaveText(/发现 2 个问题，未保存任何内容/);
    const errorTable = page.getByRole('table', { name: '校验错误' });
    await expect(errorTable.getByRole('columnheader', { name: '问题说明' })).toBeVisible();
    const modeRow = errorTable.getByRole('row').filter({ hasText: 'BAD_VALUE' });
    await expect(modeRow).toContainText('links 文件：应为以下之一：mpm（商户码）、cpm（付款码）');
    await expect(modeRow.getByRole('cell', { name: '2', exact: true })).toBeVisible();
    await expect(modeRow.getByRole('cell', { name: 'mode', exact: true })).toBeVisible();
    await expect(errorTable.getByRole('row').filter({ hasText: 'DUPLICATE_LINK' })).toContainText('links 文件：与第 4 行是同一条链接');

    const warnings = page.getByTestId('validation-warnings');
    await expect(warnings.getByRole('heading')).toHaveText(/另有 1 条提示：不影响报送，请一并核对/);
    const warningTable = page.getByRole('table', { name: '校验提示' });
    await expect(warningTable.getByRole('columnheader', { name: '代码', exact: true })).toBeVisible(); // not "error code" over a warning
    const warning = warningTable.getByRole('row').filter({ hasText: 'SINCE_AFTER_PERIOD' });
    await expect(warning).toContainText('links 文件：since 2024-09-01 晚于 2024-05 的最后一天');
    await expect(warning.getByRole('cell', { name: '3', exact: true })).toBeVisible();
    // No English from the server on the page: the messages came in the page's language.
    await expect(page.locator('main')).not.toContainText(/must be one of|is after the end of|the same link as/);
    await expect(page.getByTestId('receipt')).toHaveCount(0);
    expect(await storedVersions(page, '2024-05')).toBe(0);
    await atDesktopAndPhoneWidths(page, (width) => screenshotWhole(page, shot(`reports-refused-zh-${width}`)));
  });

  test('an unknown institution id is answered with the nearest known one, in Chinese, and nothing is stored', async ({ page }) => {
    await page.goto('/reports/submit?period=2024-06');
    await page
      .locator('input[type=file]')
      .nth(0)
      .setInputFiles(csv(['alipay,unionpy,mpm,offline,110000,live,2021-03-01']));
    await page.getByRole('button', { name: '仅校验' }).click();
    const errorTable = page.getByRole('table', { name: '校验错误' });
    const unknown = errorTable.getByRole('row').filter({ hasText: 'UNKNOWN_INSTITUTION' });
    await expect(unknown).toContainText('links 文件：没有机构 "unionpy"；您是否指 unionpay？');
    await expect(unknown.getByRole('cell', { name: 'issuer', exact: true })).toBeVisible();
    await expect(page.getByTestId('validation-warnings')).toHaveCount(0);

    // Submitted as it is, the same answer: nothing stored.
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect(unknown).toContainText('您是否指 unionpay？');
    expect(await storedVersions(page, '2024-06')).toBe(0);

    // Corrected as suggested, it is taken.
    await page
      .locator('input[type=file]')
      .nth(0)
      .setInputFiles(csv(['alipay,unionpay,mpm,offline,110000,live,2021-03-01']));
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect(page.getByTestId('receipt')).toContainText('报告已接收');
    await expect(errorTable).toHaveCount(0);
    expect(await storedVersions(page, '2024-06')).toBe(1);
  });
});
