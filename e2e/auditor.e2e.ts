import { expect, test } from '@playwright/test';
import { logIn } from './login.js';

test('an auditor exports the EXCL-001 findings as XLSX, sees the hash, finds the export listed and verifies the chain', async ({ page }) => {
  await logIn(page, 'auditor');
  await page.goto('/findings?rule=EXCL-001');
  await expect(page.getByRole('table', { name: 'Findings' }).getByRole('row').nth(1)).toBeVisible();

  await page.getByRole('button', { name: 'Export' }).click();
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
  await expect(page.getByRole('status').filter({ hasText: 'With feeSpreadBps 1000' })).toContainText(/would resolve/);
  await expect(settings.getByRole('button', { name: 'Save' })).toHaveCount(0);
});
