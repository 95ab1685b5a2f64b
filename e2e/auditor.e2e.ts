import { expect, test } from '@playwright/test';
import { logIn, logInThroughApi } from './login.js';

test('an auditor exports the EXCL-001 findings as XLSX, sees the hash, finds the export listed and verifies the chain', async ({ page }) => {
  await logIn(page, 'auditor');
  await page.goto('/findings?rule=EXCL-001&view=findings');
  await expect(page.getByRole('table', { name: 'Findings' }).getByRole('row').nth(1)).toBeVisible();

  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: /^By finding/ }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /Excel/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^interop-findings.*\.xlsx$/);
  const hash = page.getByTestId('export-hash');
  await expect(hash).toHaveText(/^[0-9a-f]{64}$/);
  const sha256 = (await hash.textContent())!;

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Exports' }).click();
  const past = page.getByRole('table', { name: 'Past exports' });
  const row = past.getByRole('row').filter({ hasText: sha256 });
  await expect(row).toContainText('XLSX');
  await expect(row).toContainText('rule EXCL-001');
  await expect(row).toContainText('auditor');

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'Findings exported' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/action=export\.findings/);
  const newest = page.getByRole('table', { name: 'Audit trail entries' }).getByRole('row').nth(1);
  await expect(newest).toContainText('Findings exported');
  await expect(newest).toContainText('auditor');

  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The chain is intact' })).toBeVisible();
  await expect(page.getByTestId('audit-head')).toHaveText(/^[0-9a-f]{64}$/);
});

test('an auditor reads findings but cannot triage them and has no rules page', async ({ page }) => {
  await logIn(page, 'auditor');
  await page.goto('/findings');
  await expect(page.getByRole('table', { name: 'Cases' }).getByRole('row').nth(1)).toBeVisible();
  await page.getByRole('navigation', { name: 'List by' }).getByRole('link', { name: 'Findings' }).click();
  await expect(page.getByRole('table', { name: 'Findings' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Acknowledge selected' })).toHaveCount(0);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Rules' })).toHaveCount(0);
});

test('an analyst previews a looser DISC-001 setting without changing anything', async ({ page }) => {
  await logIn(page, 'analyst');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Rules' }).click();
  const settings = page.getByRole('form', { name: 'Settings of DISC-001' });
  await settings.getByLabel('Fee gap over the lowest (basis points)').fill('1000');
  await settings.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'With “Fee gap over the lowest (basis points)” at 1,000' })).toContainText(/would resolve/);
  await expect(settings.getByRole('button', { name: 'Save' })).toHaveCount(0);
});

test.describe("the auditor's desk", () => {
  test('an auditor notes the head, later finds it still contained, keeps a certificate, re-downloads an export and checks files', async ({ page }, testInfo) => {
    await logIn(page, 'auditor');
    await page.goto('/audit');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    const head = (await page.getByTestId('audit-head').textContent())!;

    // Something happens in between: an export.
    await page.goto('/exports');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /^By finding/ }).click();
    const exporting = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: /CSV/ }).click();
    const exported = await exporting;
    const exportedFile = testInfo.outputPath(exported.suggestedFilename());
    await exported.saveAs(exportedFile);

    await page.goto('/audit');
    await page.getByLabel('Earlier head hash (optional)').fill(head);
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByTestId('audit-contains')).toContainText('Yes: the trail still contains this head, unchanged');
    const certifying = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download certificate' }).click();
    const certificate = await certifying;
    expect(certificate.suggestedFilename()).toMatch(/^interop-audit-verification_.*\.json$/);
    await expect(page.getByRole('status').filter({ hasText: 'Certificate' })).toContainText(/[0-9a-f]{64}/);

    await page.getByRole('switch', { name: 'Hide logins' }).click();
    await expect(page).toHaveURL(/logins=hidden/);
    await expect(page.getByRole('table', { name: 'Audit trail entries' })).not.toContainText('Login');
    const trailing = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    expect((await trailing).suggestedFilename()).toMatch(/^interop-audit_.*\.csv$/);

    await page.goto('/exports');
    const newest = page.getByRole('table', { name: 'Past exports' }).getByRole('row').nth(1);
    await expect(newest).toContainText('CSV');
    const again = page.waitForEvent('download');
    await newest.getByRole('button', { name: /^Download interop-findings.* again$/ }).click();
    expect((await again).suggestedFilename()).toBe(exported.suggestedFilename());
    await expect(page.getByRole('status').filter({ hasText: 'downloaded again' })).toBeVisible();

    await page.locator('input[type=file]').setInputFiles(exportedFile);
    await expect(page.getByTestId('export-check-outcome')).toContainText('is this recorded file');
    await page.locator('input[type=file]').setInputFiles({ name: 'forged.csv', mimeType: 'text/csv', buffer: Buffer.from('id,rule\n1,EXCL-001\n') });
    await expect(page.getByTestId('export-check-outcome')).toContainText('forged.csv matches no recorded export');
    await page.screenshot({ path: testInfo.outputPath('exports-desk-en.png'), fullPage: true });
  });

  test.describe('in Chinese', () => {
    test.use({ locale: 'zh-CN' });

    test('a head the trail never held is answered with a plain no, in Chinese', async ({ page }, testInfo) => {
      await logInThroughApi(page, 'auditor');
      await page.goto('/audit');
      await page.getByLabel('先前记下的链头哈希（可选）').fill('0'.repeat(63) + '1');
      await page.getByRole('button', { name: '校验哈希链' }).click();
      await expect(page.getByTestId('audit-contains')).toContainText('否：审计日志不包含此链头');
      await expect(page.getByRole('button', { name: '下载核验证明' })).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath('audit-desk-zh.png'), fullPage: true });
      await page.goto('/exports');
      await expect(page.getByRole('heading', { name: '核对文件' })).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath('exports-desk-zh.png'), fullPage: true });
    });
  });
});
