import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { logIn, logInThroughApi } from './login.js';
import { screenshotWhole } from './whole-page.js';

const shot = (name: string) => path.join(import.meta.dirname, 'output', 'screenshots', `${name}.png`);

test('an analyst opens the Beijing matrix of 2021 and sees Alipay and UnionPay recognising each other', async ({ page }) => {
  await logIn(page, 'analyst');
  await page.goto('/matrix?city=110000&period=2021-06&mode=mpm&channel=offline');
  const table = page.getByRole('table', { name: /matrix/i });
  await expect(table).toBeVisible();
  const alipayScansUnionpay = table
    .getByRole('row')
    .filter({ hasText: /Alipay/ })
    .filter({ hasText: /UnionPay/ });
  await expect(alipayScansUnionpay.first()).toContainText('live');
  await expect(page.locator('im-matrix-grid .cell').first()).toBeVisible();
  await page.screenshot({ path: shot('matrix-beijing-2021-06'), fullPage: true });
});

test('the matrix chart answers the keyboard: arrow keys move a ring from cell to cell and say what it holds', async ({ page }) => {
  await logIn(page, 'analyst');
  await page.goto('/matrix?city=110000&period=2021-06&mode=mpm&channel=offline');
  const chart = page.getByRole('group', { name: /arrow keys/ });
  await expect(page.locator('im-matrix-grid .cell').first()).toBeVisible();
  await chart.focus();
  // The first row and column are the first institution of the matrix: Alipay scanning its own codes.
  await expect(page.locator('#matrix-cursor')).toHaveText(/^\s*Alipay → Alipay:/);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#matrix-cursor')).toHaveText(/^\s*Alipay → WeChat Pay \(Tenpay\):/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  // WeChat Pay and UnionPay open to each other only in 2021-09; Alipay and UnionPay already have.
  await expect(page.locator('#matrix-cursor')).toHaveText(
    /^\s*China UnionPay \(Cloud QuickPass\) → WeChat Pay \(Tenpay\):\s+not recognised/,
  );
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#matrix-cursor')).toHaveText(/^\s*China UnionPay \(Cloud QuickPass\) → Alipay:\s+\w+ since/);
  await expect(page.locator('im-matrix-grid .cell.cursor')).toHaveCount(1);
  await chart.evaluate((group) => group.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: shot('matrix-keyboard') });
  await page.keyboard.press('End');
  await expect(page.locator('#matrix-cursor')).not.toHaveText(/→ WeChat Pay/);
  await expect(page.locator('im-matrix-grid .cell.cursor')).toHaveCount(1);
});

const LANGUAGES = [
  {
    lang: 'en',
    picker: 'Not recognised by / not recognising',
    alipay: 'Alipay',
    tenpay: 'WeChat Pay (Tenpay)',
    scanners: /^Scanners that do not recognise Alipay's codes: \d+ of \d+$/,
    issuers: /^Issuers whose codes Alipay does not recognise: \d+ of \d+$/,
    none: 'not recognised',
    download: 'Download CSV',
    back: 'Back to the matrix',
    keyboard: /arrow keys/,
  },
  {
    lang: 'zh-CN',
    picker: '未受理情况（按机构）',
    alipay: '支付宝',
    tenpay: '微信支付（财付通）',
    scanners: /^不受理支付宝二维码的扫码方：\d+ 家（共 \d+ 家）$/,
    issuers: /^支付宝不受理其二维码的发码方：\d+ 家（共 \d+ 家）$/,
    none: '未受理',
    download: '下载 CSV',
    back: '返回矩阵',
    keyboard: /方向键/,
  },
] as const;

for (const l of LANGUAGES) {
  test(`an analyst finds who does not recognise Alipay's codes in Beijing and downloads the matrix as CSV (${l.lang})`, async ({
    page,
  }) => {
    await page.addInitScript((lang) => localStorage.setItem('interop-monitor.language', lang), l.lang);
    await logInThroughApi(page, 'analyst');
    await page.goto('/matrix?city=110000&period=2021-06&mode=mpm&channel=offline');
    await expect(page.locator('im-matrix-grid .cell').first()).toBeVisible();

    // The institution is chosen by name, with the keyboard; the choice goes into the URL.
    await page.getByRole('combobox', { name: l.picker }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: l.alipay, exact: true }).click();
    await expect(page).toHaveURL(/institution=alipay/);
    await expect(page.locator('im-matrix-grid')).toHaveCount(0);

    const scanners = page.getByRole('table', { name: l.scanners });
    await expect(page.getByRole('heading', { level: 3, name: l.scanners })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: l.issuers })).toBeVisible();
    // WeChat Pay's app does not scan Alipay's codes in 2021 (nor Alipay's WeChat Pay's): named, with no link.
    const tenpay = scanners.getByRole('row').filter({ hasText: l.tenpay });
    await expect(tenpay).toContainText(l.none);
    await expect(page.getByRole('table', { name: l.issuers }).getByRole('row').filter({ hasText: l.tenpay })).toContainText(l.none);
    await expect(scanners).not.toContainText(/\balipay\b|\btenpay\b/);

    // The CSV: the matrix of the page's filters, BOM first, ids and both names.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: l.download }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('interop-matrix_110000_2021-06_mpm_offline.csv');
    const bytes = fs.readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'city,city_name,city_name_zh,period,mode,channel,scanner,scanner_name,scanner_name_zh,issuer,issuer_name,issuer_name_zh,status,since,reconciliation',
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^110000,Beijing,北京市,2021-06,mpm,offline,tenpay,WeChat Pay \(Tenpay\),微信支付（财付通）,alipay,Alipay,支付宝,none,,$/,
      ),
    );

    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
      await page.reload();
      await expect(scanners).toBeVisible();
      await screenshotWhole(page, shot(`matrix-not-recognised-${l.lang}-${width}`));
    }

    // One link back to the grid, which has its issuer names on top as well as below.
    await page.getByRole('link', { name: l.back }).click();
    await expect(page).not.toHaveURL(/institution=/);
    await expect(page.getByRole('group', { name: l.keyboard })).toBeVisible();
    await expect(page.locator('im-matrix-grid .col.top').first()).toBeVisible();
    await expect(page.locator('im-matrix-grid .col.bottom').first()).toHaveText(l.alipay);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
      await page.reload();
      await expect(page.locator('im-matrix-grid .cell').first()).toBeVisible();
      await screenshotWhole(page, shot(`matrix-grid-${l.lang}-${width}`));
      // Scrolled down the grid, the issuer names stay on top.
      await page.locator('im-matrix-grid .scroll').evaluate((box) => box.scrollTo(0, 400));
      await page.locator('im-matrix-grid').scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`matrix-grid-scrolled-${l.lang}-${width}`) });
    }
  });
}

test('the time-lapse plays at a chosen speed and marks the cells that changed since the previous period', async ({ page }) => {
  test.setTimeout(150_000);
  await logInThroughApi(page, 'analyst');
  await page.setViewportSize({ width: 1440, height: 900 });
  // Guangzhou, Feb → Mar 2021: Alipay and UnionPay open to each other nationwide.
  await page.goto('/matrix?city=440100&period=2021-02&mode=mpm&channel=offline');
  await expect(page.locator('im-matrix-grid .cell').first()).toBeVisible();
  const fastest = page.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: '4×' });
  await fastest.click();
  await expect(fastest).toBeChecked();
  const slider = page.getByRole('slider', { name: 'Period on the timeline' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/period=2021-03/);
  await expect(page.getByText(/changed since Feb 2021 \(\d+\)/)).toBeVisible();
  await expect(page.locator('im-matrix-grid .cell.changed').first()).toBeVisible();
  await page.screenshot({ path: shot('matrix-changed-since-previous') });
  // Played to the end, the time-lapse stops by itself at the last period, the cells of its last step
  // marked. The last period is the latest any report names: journeys before this one may have reported
  // months after the demo's Dec 2021.
  // One button, named Play or Pause as it stands.
  const play = page.getByRole('group', { name: 'Timeline' }).getByRole('button', { name: /^(Play|Pause)$/ });
  await play.click();
  await expect(play).toHaveAccessibleName('Pause');
  await expect(play).toHaveAttribute('aria-pressed', 'false', { timeout: 90_000 });
  await expect(play).toHaveAccessibleName('Play');
  await expect(page).not.toHaveURL(/period=2021-03/);
  await expect(page.getByText(/changed since \w+ \d{4} \(\d+\)/)).toBeVisible();
});
