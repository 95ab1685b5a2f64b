import path from 'node:path';
import { expect, test } from '@playwright/test';
import { logIn, logInThroughApi } from './login.js';
import { atDesktopAndPhoneWidths, screenshotWhole } from './whole-page.js';

const shot = (name: string) => path.join(import.meta.dirname, 'output', 'screenshots', `${name}.png`);

test('an auditor exports the EXCL-001 findings as XLSX, sees the hash, finds the export listed and verifies the chain', async ({
  page,
}) => {
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
  await expect(page.getByRole('status').filter({ hasText: 'With “Fee gap over the lowest (basis points)” at 1,000' })).toContainText(
    /would resolve/,
  );
  await expect(settings.getByRole('button', { name: 'Save' })).toHaveCount(0);
});

/** The words an auditor reads at the desk, in each language. */
const DESK = [
  {
    lang: 'en',
    verify: 'Verify chain',
    earlierHead: 'Earlier head hash (optional)',
    export: 'Export',
    byFinding: /^By finding/,
    contains: 'Yes: the trail still contains this head, unchanged',
    containsNot: 'No: the trail does not contain this head',
    certificate: 'Download certificate',
    certificateSaved: 'Certificate',
    hideLogins: 'Hide logins',
    login: 'Login',
    exportCsv: 'Export CSV',
    pastExports: 'Past exports',
    again: /^Download interop-findings.* again$/,
    downloadedAgain: 'downloaded again',
    checkTitle: 'Check a file',
    matches: 'is this recorded file',
    recordedAs: 'Findings exported ·',
    matchesNone: 'forged.csv matches no recorded export',
  },
  {
    lang: 'zh-CN',
    verify: '校验哈希链',
    earlierHead: '先前记下的链头哈希（可选）',
    export: '导出',
    byFinding: /^按线索/,
    contains: '是：审计日志仍在第',
    containsNot: '否：审计日志不包含此链头',
    certificate: '下载核验证明',
    certificateSaved: '核验证明',
    hideLogins: '隐藏登录记录',
    login: '登录',
    exportCsv: '导出 CSV',
    pastExports: '历史导出',
    again: /^再次下载 interop-findings/,
    downloadedAgain: '已按原样再次下载',
    checkTitle: '核对文件',
    matches: '即以下记录的文件',
    recordedAs: '导出线索 ·',
    matchesNone: 'forged.csv 与任何导出记录都不匹配',
  },
] as const;

test.describe("the auditor's desk", () => {
  for (const l of DESK) {
    test(`${l.lang}: an auditor notes the head, later finds it still contained, keeps a certificate, re-downloads an export and checks files`, async ({
      page,
    }, testInfo) => {
      await page.addInitScript((lang) => localStorage.setItem('interop-monitor.language', lang), l.lang);
      await page.setViewportSize({ width: 1440, height: 900 });
      await logInThroughApi(page, 'auditor');
      await page.goto('/audit');
      await page.getByRole('button', { name: l.verify }).click();
      const head = (await page.getByTestId('audit-head').textContent())!;

      // Something happens in between: an export.
      await page.goto('/exports');
      await page.getByRole('button', { name: l.export, exact: true }).click();
      await page.getByRole('menuitem', { name: l.byFinding }).click();
      const exporting = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: /CSV/ }).click();
      const exported = await exporting;
      const exportedFile = testInfo.outputPath(exported.suggestedFilename());
      await exported.saveAs(exportedFile);

      // A head the trail never held: a plain no, and no certificate claiming otherwise.
      await page.goto('/audit');
      await page.getByLabel(l.earlierHead).fill('0'.repeat(63) + '1');
      await page.getByRole('button', { name: l.verify }).click();
      await expect(page.getByTestId('audit-contains')).toContainText(l.containsNot);

      await page.getByLabel(l.earlierHead).fill(head);
      await page.getByRole('button', { name: l.verify }).click();
      await expect(page.getByTestId('audit-contains')).toContainText(l.contains);
      await atDesktopAndPhoneWidths(page, async (width) => {
        await screenshotWhole(page, shot(`auditor-verify-head-${l.lang}-${width}`));
        // What happened (the action) is on screen at either width, not behind a sideways scroll.
        const actionsEnd = await page
          .locator('td.mat-column-action')
          .evaluateAll((cells) => Math.max(...cells.map((c) => c.getBoundingClientRect().right)));
        expect(actionsEnd).toBeLessThanOrEqual(width);
      });
      const certifying = page.waitForEvent('download');
      await page.getByRole('button', { name: l.certificate }).click();
      const certificate = await certifying;
      expect(certificate.suggestedFilename()).toMatch(/^interop-audit-verification_.*\.json$/);
      await expect(page.getByRole('status').filter({ hasText: l.certificateSaved })).toContainText(/[0-9a-f]{64}/);
      await atDesktopAndPhoneWidths(page, (width) => screenshotWhole(page, shot(`auditor-certificate-${l.lang}-${width}`)));

      await page.getByRole('switch', { name: l.hideLogins }).click();
      await expect(page).toHaveURL(/logins=hidden/);
      await expect(
        page
          .getByRole('table', { name: l.lang === 'en' ? 'Audit trail entries' : '审计日志记录' })
          .getByRole('cell', { name: l.login, exact: true }),
      ).toHaveCount(0);
      const trailing = page.waitForEvent('download');
      await page.getByRole('button', { name: l.exportCsv }).click();
      expect((await trailing).suggestedFilename()).toMatch(/^interop-audit_.*\.csv$/);

      await page.goto('/exports');
      const newest = page.getByRole('table', { name: l.pastExports }).getByRole('row').nth(1);
      await expect(newest).toContainText('CSV');
      const again = page.waitForEvent('download');
      await newest.getByRole('button', { name: l.again }).click();
      expect((await again).suggestedFilename()).toBe(exported.suggestedFilename());
      await expect(page.getByRole('status').filter({ hasText: l.downloadedAgain })).toBeVisible();

      await expect(page.getByRole('heading', { name: l.checkTitle })).toBeVisible();
      await page.locator('input[type=file]').setInputFiles(exportedFile);
      await expect(page.getByTestId('export-check-outcome')).toContainText(l.matches);
      // The record named as the audit trail names its action, not by a key of words not loaded.
      await expect(page.getByTestId('export-check-outcome')).toContainText(l.recordedAs);
      await atDesktopAndPhoneWidths(page, (width) => screenshotWhole(page, shot(`auditor-check-file-${l.lang}-${width}`)));
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: 'forged.csv', mimeType: 'text/csv', buffer: Buffer.from('id,rule\n1,EXCL-001\n') });
      await expect(page.getByTestId('export-check-outcome')).toContainText(l.matchesNone);
      await atDesktopAndPhoneWidths(page, (width) => screenshotWhole(page, shot(`auditor-check-file-none-${l.lang}-${width}`)));
    });
  }
});
