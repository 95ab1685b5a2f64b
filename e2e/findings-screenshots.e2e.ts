// Screenshots of the findings, rules, exports and audit pages in both languages, on a desktop and
// on a phone, into e2e/output/screenshots/ (git-ignored), for people to look at.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { logInThroughApi } from './login.js';
import { screenshotWhole } from './whole-page.js';

const shot = (name: string) => path.join(import.meta.dirname, 'output', 'screenshots', `${name}.png`);

const WIDTHS = [1280, 390];
const LANGUAGES = [
  {
    lang: 'en',
    findings: 'Findings',
    rules: 'Rules',
    exports: 'Exports',
    audit: 'Audit trail',
    verify: 'Verify chain',
    intact: 'The chain is intact',
  },
  {
    lang: 'zh-CN',
    findings: '问题线索',
    rules: '监测规则',
    exports: '导出记录',
    audit: '审计日志',
    verify: '校验哈希链',
    intact: '哈希链完整',
  },
] as const;

for (const width of WIDTHS) {
  for (const l of LANGUAGES) {
    const name = (p: string) => `${p}-${l.lang}-${width}`;

    test(`screenshots of findings, rules, exports and audit: ${l.lang}, ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: width > 600 ? 800 : 844 });
      await page.addInitScript((lang) => localStorage.setItem('interop-monitor.language', lang), l.lang);
      await logInThroughApi(page, 'admin');

      await page.goto('/findings?rule=EXCL-001,DISC-001&view=findings');
      await expect(page.getByRole('heading', { level: 1, name: l.findings })).toBeVisible();
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      // An export first: the list then shows its hash, and the exports page has a row.
      await page.locator('im-export-menu button').first().click();
      await page.getByRole('menuitem').nth(1).click();
      const downloading = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: /JSON/ }).click();
      await downloading;
      await expect(page.getByTestId('export-hash')).toBeVisible();
      await screenshotWhole(page, shot(name('findings')));

      await page.getByRole('table').getByRole('row').nth(1).getByRole('link').first().click();
      await expect(page.locator('[data-testid=finding-status]')).toBeVisible();
      await screenshotWhole(page, shot(name('finding')));

      await page.goto('/rules');
      await expect(page.getByRole('heading', { level: 1, name: l.rules })).toBeVisible();
      await expect(page.locator('im-rule-card').first()).toBeVisible();
      await screenshotWhole(page, shot(name('rules')));

      await page.goto('/exports');
      await expect(page.getByRole('heading', { level: 1, name: l.exports })).toBeVisible();
      await expect(page.locator('im-export-menu')).toBeVisible();
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      await screenshotWhole(page, shot(name('exports')));

      await page.goto('/audit');
      await expect(page.getByRole('heading', { level: 1, name: l.audit })).toBeVisible();
      await page.getByRole('button', { name: l.verify }).click();
      await expect(page.getByText(l.intact)).toBeVisible();
      await screenshotWhole(page, shot(name('audit')));
    });
  }
}
