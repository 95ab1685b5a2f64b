import { expect, test } from '@playwright/test';
import { logIn } from './login.js';

test('an analyst filters findings by EXCL-001, opens one, acknowledges it and then confirms it', async ({ page }) => {
  await logIn(page, 'analyst');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Findings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Findings' })).toBeVisible();
  // The list opens on cases; the findings one by one are one click away.
  await page.getByRole('navigation', { name: 'List by' }).getByRole('link', { name: 'Findings' }).click();
  await expect(page).toHaveURL(/view=findings/);

  await page.getByRole('combobox', { name: 'Rule' }).click();
  await page.getByRole('option', { name: /^EXCL-001/ }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/rule=EXCL-001/);
  const table = page.getByRole('table', { name: 'Findings' });
  await expect(table.getByRole('row').nth(1)).toContainText('EXCL-001');
  await expect(table.getByRole('row').filter({ hasText: /DISC-|EXCL-002|RECIP-|SUSP-|CONS-|LATE-/ })).toHaveCount(0);

  // Open the first open one.
  const openRow = table.getByRole('row').filter({ hasText: 'open' }).first();
  await openRow.getByRole('link', { name: /Open finding/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Finding \d+ · EXCL-001/ })).toBeVisible();
  await expect(page.getByTestId('finding-status')).toHaveText('open');
  await expect(page.getByText(/exclusive/).first()).toBeVisible();

  await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
  await expect(page.getByTestId('finding-status')).toHaveText('acknowledged');
  await page.getByRole('button', { name: 'Confirm as violation', exact: true }).click();
  await expect(page.getByTestId('finding-status')).toHaveText('confirmed');
  await expect(page.getByRole('region', { name: 'History' }).getByText('acknowledged → confirmed')).toBeVisible();

  // A dismissal without a note is stopped before it reaches the server.
  await expect(page.getByRole('button', { name: 'Mark resolved' })).toBeVisible();
  await page.getByRole('button', { name: 'Mark resolved' }).click();
  await expect(page.getByRole('alert')).toContainText('Write a note');

  // The evidence opens the report behind it.
  await page
    .getByRole('button', { name: /View report/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: /Report \d+/ })).toBeVisible();
  await expect(dialog.getByText('The cited agreement')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('Alipay sees only its own findings and replies to one with a comment', async ({ page }) => {
  await logIn(page, 'alipay');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Findings' }).click();
  await page.getByRole('navigation', { name: 'List by' }).getByRole('link', { name: 'Findings' }).click();
  const table = page.getByRole('table', { name: 'Findings' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const subjects = await table.getByRole('row').locator('td.mat-column-subjects').allTextContents();
  expect(subjects.length).toBeGreaterThan(0);
  for (const s of subjects) expect(s).toContain('Alipay');
  await expect(page.getByRole('checkbox')).toHaveCount(0);

  await table
    .getByRole('link', { name: /Open finding/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /Finding \d+/ })).toBeVisible();
  await expect(page.getByText('No status change is available to you for this finding.')).toBeVisible();
  const reply = `Alipay reply ${Date.now()}: the agreement is being renegotiated.`;
  await page.getByLabel('Your comment').fill(reply);
  await page.getByRole('button', { name: 'Add comment' }).click();
  await expect(page.getByRole('region', { name: 'Comments' }).getByText(reply)).toBeVisible();
  await expect(page.getByLabel('Your comment')).toHaveValue('');
});

test('an analyst acknowledges several findings at once from the list', async ({ page }) => {
  await logIn(page, 'analyst');
  await page.goto('/findings?view=findings&rule=CONS-001&status=open');
  const table = page.getByRole('table', { name: 'Findings' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await table.getByRole('checkbox').nth(1).check();
  await table.getByRole('checkbox').nth(2).check();
  await expect(page.getByText(/2 selected \(2 open on this page\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Acknowledge selected' }).click();
  await page.getByRole('dialog', { name: 'Acknowledge 2 findings?' }).getByRole('button', { name: 'Acknowledge 2' }).click();
  await expect(page.getByText('2 findings acknowledged.')).toBeVisible();
});

test('the findings list fits a 1280 px screen: every column and whole explanations, without scrolling sideways', async ({ page }) => {
  await logIn(page, 'analyst');
  await page.goto('/findings?view=findings');
  const table = page.getByRole('table', { name: 'Findings' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  expect(page.viewportSize()?.width).toBe(1280);
  // The first page holds agreement refs and city names that are long words.
  await expect(table.getByText(/ILLUSTRATIVE-/).first()).toBeVisible();
  const hidden = await page.locator('.scroll').evaluate((scroller) => scroller.scrollWidth - scroller.clientWidth);
  expect(hidden).toBeLessThanOrEqual(0);
});
