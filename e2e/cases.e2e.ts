// Cases: an institution meets its dispute as one case across cities, an analyst
// triages a whole case, an auditor exports one row a case; in both languages, on a desktop and a
// phone, with screenshots in e2e/output/screenshots/ for people to look at.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { logIn, logInThroughApi } from './login.js';
import { screenshotWhole } from './whole-page.js';

const shot = (name: string) => path.join(import.meta.dirname, 'output', 'screenshots', `${name}.png`);

/** How far the page runs past the right edge of the screen (0: nothing is cut or needs a sideways scroll). */
const overflowOf = (page: Page) =>
  page.evaluate(() => {
    const scroller = document.querySelector('mat-sidenav-content') ?? document.documentElement;
    return scroller.scrollWidth - scroller.clientWidth;
  });

const LANGUAGES = [
  { lang: 'en', title: 'Findings', cases: 'Cases', cities: /337 cities/, back: 'All cases' },
  { lang: 'zh-CN', title: '问题线索', cases: '案件', cities: /337 个城市/, back: '全部案件' },
] as const;

// First, while the demo's cases are as seeded: what each language looks like at each width.
for (const width of [1440, 390]) {
  for (const l of LANGUAGES) {
    test(`screenshots of the cases and a case: ${l.lang}, ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
      await page.addInitScript((lang) => localStorage.setItem('interop-monitor.language', lang), l.lang);
      await logInThroughApi(page, 'analyst');

      await page.goto('/findings');
      await expect(page.getByRole('heading', { level: 1, name: l.title })).toBeVisible();
      const cases = page.getByRole('table', { name: l.cases });
      await expect(cases.getByRole('row').nth(1)).toBeVisible();
      await cases.getByRole('button', { name: l.cities }).first().click();
      await expect(cases.getByRole('list').first()).toBeVisible();
      expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      await screenshotWhole(page, shot(`cases-${l.lang}-${width}`));

      await cases
        .getByRole('link', { name: /CONS-001/ })
        .first()
        .click();
      await expect(page.getByRole('heading', { level: 1, name: /CONS-001/ })).toBeVisible();
      await expect(page.getByRole('link', { name: `← ${l.back}` })).toBeVisible();
      expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      await screenshotWhole(page, shot(`case-${l.lang}-${width}`));
    });
  }
}

test('China Merchants Bank meets its CONS-001 dispute with Alipay as one case across 337 cities and replies on the case', async ({
  page,
}) => {
  await logIn(page, 'cmb');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Findings' }).click();
  const cases = page.getByRole('table', { name: 'Cases' });
  const dispute = cases.getByRole('row').filter({ hasText: 'CONS-001' });
  await expect(dispute).toHaveCount(1);
  await expect(dispute).toContainText('China Merchants Bank, Alipay');
  await expect(dispute).toContainText('337 open');

  // The cities, by name, one click away; and away again.
  const toggle = dispute.getByRole('button', { name: '337 cities' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const cities = page.getByRole('list', { name: /^Cities of CONS-001/ });
  await expect(cities.getByRole('listitem')).toHaveCount(337);
  await expect(cities.getByText('Aletai', { exact: true })).toBeVisible();
  // A long list scrolls down inside its box, never sideways out of sight.
  expect(await cities.evaluate((list) => list.scrollWidth - list.clientWidth)).toBeLessThanOrEqual(0);
  await cities.getByText('Zunyi', { exact: true }).scrollIntoViewIfNeeded();
  await expect(cities.getByText('Zunyi', { exact: true })).toBeInViewport();
  await toggle.click();
  await expect(cities).toHaveCount(0);

  await dispute.getByRole('link', { name: /^Open case CONS-001/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Case CONS-001 · China Merchants Bank, Alipay' })).toBeVisible();
  await expect(page.getByText('No status change is available to you for this case.')).toBeVisible();
  const findings = page.getByRole('table', { name: 'Findings in this case' });
  await expect(findings.getByRole('row')).toHaveCount(26);

  const reply = `CMB ${Date.now()}: our declaration follows Alipay's own report; we are reconciling.`;
  await page.getByLabel('Your comment').fill(reply);
  await page.getByRole('button', { name: 'Add comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your comment shows on the case and on its 337 findings.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Comments' }).getByText(reply)).toBeVisible();

  // Each finding of the case shows the reply on its own page.
  await findings
    .getByRole('link', { name: /^Open finding/ })
    .nth(3)
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Finding \d+ · CONS-001/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Comments' }).getByText(reply)).toBeVisible();

  // And leads back to its case.
  await expect(page.getByTestId('finding-case')).toHaveText(/Part of a case: 337 cities — open the case/);
  await screenshotWhole(page, shot('finding-of-case-en-1280'));
  await page.getByRole('link', { name: 'open the case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Case CONS-001 · China Merchants Bank, Alipay' })).toBeVisible();
});

test('an analyst acknowledges a whole RECIP-001 case: told first how many findings move, then what moved and why two did not', async ({
  page,
}) => {
  await logIn(page, 'analyst');
  // Two of its findings acknowledged one by one beforehand, from the per-city list.
  await page.goto('/findings?view=findings&rule=RECIP-001&status=open');
  const list = page.getByRole('table', { name: 'Findings' });
  await list.getByRole('checkbox').nth(1).check();
  await list.getByRole('checkbox').nth(2).check();
  await page.getByRole('button', { name: 'Acknowledge selected' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Acknowledge 2' }).click();
  await expect(page.getByText('2 findings acknowledged.')).toBeVisible();

  await page.getByRole('navigation', { name: 'List by' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page).toHaveURL(/rule=RECIP-001/);
  await expect(page).not.toHaveURL(/view=findings/);
  const row = page.getByRole('table', { name: 'Cases' }).getByRole('row').filter({ hasText: 'RECIP-001' });
  await expect(row).toContainText('335 open');
  await expect(row).toContainText('2 acknowledged');
  await row.getByRole('link', { name: /^Open case RECIP-001/ }).click();

  await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Acknowledge 335 findings of this case?' });
  await expect(dialog).toContainText('They move from open to acknowledged');
  await expect(dialog).toContainText('2 other findings of this case are not open: they stay as they are.');
  await page.screenshot({ path: shot('case-confirm-en-1280'), animations: 'disabled' });
  await dialog.getByRole('button', { name: 'Acknowledge (335)' }).click();

  const outcome = page.getByTestId('case-outcome');
  await expect(outcome).toContainText('335 moved to acknowledged, 2 unchanged:');
  await expect(outcome).toContainText('2 were already acknowledged:');
  await expect(outcome.getByRole('link')).toHaveCount(2);
  await expect(page.getByTestId('case-statuses')).toContainText('337 acknowledged');
  await screenshotWhole(page, shot('case-moved-en-1280'));

  // What comes next needs a reason before anything is asked or sent.
  await page.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Write a note saying why before marking it dismissed.');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('an auditor exports the open cases as CSV, one row a case, and sees the file’s hash', async ({ page }) => {
  await logIn(page, 'auditor');
  await page.goto('/findings');
  await expect(page.getByRole('table', { name: 'Cases' }).getByRole('row').nth(1)).toBeVisible();
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: /^By case/ }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /CSV/ }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^interop-cases.*\.csv$/);
  await expect(page.getByRole('status').filter({ hasText: /cases\)/ })).toBeVisible();
  await expect(page.getByTestId('export-hash')).toHaveText(/^[0-9a-f]{64}$/);
});

test('an auditor prints one rule’s cases as a PDF that opens, a section a case', async ({ page }, testInfo) => {
  await logIn(page, 'auditor');
  await page.goto('/findings?rule=CONS-001');
  await expect(page.getByRole('table', { name: 'Cases' }).getByRole('row').nth(1)).toBeVisible();
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: /^By case/ }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /PDF/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^interop-cases.*\.pdf$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  // Opening it is what a reader does: pdftotext fails on a file that is not a whole PDF.
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('CONS-001');
  await expect(page.getByTestId('export-hash')).toHaveText(/^[0-9a-f]{64}$/);
});

test.describe('in Chinese, on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('an analyst reads the cases and a case in Chinese, nothing cut at the right edge', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('interop-monitor.language', 'zh-CN'));
    await logInThroughApi(page, 'analyst');
    await page.goto('/findings?rule=CONS-001');
    const row = page.getByRole('table', { name: '案件' }).getByRole('row').filter({ hasText: 'CONS-001' });
    await expect(row).toContainText('招商银行、支付宝');
    await expect(row).toContainText('337 个城市');
    await row.getByRole('link', { name: /^打开案件 CONS-001/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: '案件 CONS-001 · 招商银行、支付宝' })).toBeVisible();
    await expect(page.getByRole('table', { name: '本案件的线索' }).getByRole('row').nth(1)).toBeVisible();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);

    // The confirmation, in Chinese, says how many findings would move; cancelled, nothing is sent.
    await page.getByRole('button', { name: '确认收悉', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '确认收悉本案件的 337 条线索？' });
    await expect(dialog).toContainText('这些线索将由“待处理”变为“已知悉”');
    await page.screenshot({ path: shot('case-confirm-zh-CN-390'), animations: 'disabled' });
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByTestId('case-statuses')).toContainText('待处理 337');

    // One of its findings leads back to it.
    await page
      .getByRole('table', { name: '本案件的线索' })
      .getByRole('link', { name: /^打开线索/ })
      .first()
      .click();
    await expect(page.getByTestId('finding-case')).toHaveText(/属于一个案件：337 个城市——\s*查看案件/);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await screenshotWhole(page, shot('finding-of-case-zh-CN-390'));
  });
});
