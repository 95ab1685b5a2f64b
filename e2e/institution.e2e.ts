// The institution portal and profile: Alipay follows its reporting calendar, validates a report
// with errors, fixes it, submits it and keeps the receipt, manages an API key; an analyst reads
// Alipay's profile. Then screenshots of these pages in both languages on a desktop and a phone.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { logIn, logInThroughApi } from './login.js';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const shot = (name: string) => path.join(import.meta.dirname, 'output', 'screenshots', `${name}.png`);

/**
 * Logs in through the login page and waits to leave it (the toolbar hides the username on a
 * phone, which the shared logIn fixture looks for).
 */
async function logInAnywhere(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: /log in/i }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Drops a file on the upload area as a person dragging it from their desktop would. */
async function dropFile(page: Page, file: string, mimeType: string): Promise<void> {
  const content = fs.readFileSync(file, 'utf8');
  const transfer = await page.evaluateHandle(
    ([text, name, type]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type }));
      return data;
    },
    [content, path.basename(file), mimeType],
  );
  const area = page.getByTestId('drop-area');
  await area.dispatchEvent('dragenter', { dataTransfer: transfer });
  await area.dispatchEvent('dragover', { dataTransfer: transfer });
  await area.dispatchEvent('drop', { dataTransfer: transfer });
}

for (const viewport of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test.describe(`on a ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('Alipay sees what is due and late, fixes a report after a dry run, submits it, keeps the receipt, and manages an API key', async ({
      page,
    }) => {
      await logInAnywhere(page, 'alipay');

      // The dashboard is the landing page: the next deadline, the late periods, the calendar.
      await expect(page).toHaveURL(/\/reports$/);
      await expect(page.getByTestId('next-due')).toContainText(/Due \d/);
      const late = page.getByTestId('late');
      await expect(late).toBeVisible();
      const calendar = page.getByRole('table', { name: 'Reporting calendar' });
      await expect(calendar.locator('tr[data-status=due]').first()).toBeVisible();
      await page
        .getByRole('radio', { name: /Outstanding/ })
        .or(page.getByRole('button', { name: /Outstanding/ }))
        .first()
        .click();
      await expect(page).toHaveURL(/show=outstanding/);
      await expect(calendar.locator('tr[data-status=late]').first()).toBeVisible();
      await expect(calendar.locator('tr[data-status=submitted]')).toHaveCount(0);

      // Submit the oldest late period: the submit page opens with that period.
      await late.getByRole('link', { name: /^Submit / }).click();
      await expect(page).toHaveURL(/\/reports\/submit\?period=\d{4}-\d{2}/);
      const period = new URL(page.url()).searchParams.get('period')!;
      await expect(page.getByRole('heading', { level: 1, name: 'Submit a report' })).toBeVisible();
      // The month as English writes it ("January 2022"), whatever the browser's own language.
      const month = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        new Date(`${period}-01T00:00:00Z`),
      );
      await expect(page.locator('input[name=period]')).toHaveValue(month);

      // A template can be downloaded for each CSV.
      const [template] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Links CSV template' }).click(),
      ]);
      expect(template.suggestedFilename()).toBe('alipay-links-template.csv');
      expect(fs.readFileSync(await template.path(), 'utf8')).toMatch(/^scanner,issuer,mode,channel,city,status,since\r\nalipay,/);

      // A file with errors, dropped on the upload area and validated only: every error, nothing stored.
      await dropFile(page, fixture('alipay-links-bad.csv'), 'text/csv');
      await expect(page.getByText('alipay-links-bad.csv: taken as the links CSV')).toBeVisible();
      await page.getByRole('button', { name: 'Validate only' }).click();
      const errors = page.getByRole('table', { name: 'Validation errors' });
      await expect(errors).toContainText('UNKNOWN_CITY');
      await expect(errors).toContainText('NOT_A_PARTY');

      // Fixed and chosen with the file picker: valid, then submitted.
      await page.getByLabel(/Links CSV \(required\)/).setInputFiles(fixture('alipay-links.csv'));
      await page.getByRole('button', { name: 'Validate only' }).click();
      await expect(page.getByTestId('receipt')).toContainText('Valid — nothing stored yet');
      await expect(errors).toHaveCount(0);
      await page.getByRole('button', { name: 'Submit', exact: true }).click();
      const receipt = page.getByTestId('receipt');
      await expect(receipt).toContainText('Report received');
      await expect(receipt).toContainText(/[0-9a-f]{64}/);

      // The receipt is downloadable as JSON.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        receipt.getByRole('button', { name: /Download receipt/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^receipt-alipay-${period}-v\\d+\\.json$`));
      const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as { period: string; sha256: string; institution: string };
      expect(saved).toMatchObject({ institution: 'alipay', period });
      await expect(receipt).toContainText(saved.sha256);

      // Back on the dashboard the period is submitted, and the latest receipt is this one.
      await page.getByRole('link', { name: /Back to the reporting calendar/ }).click();
      await expect(page.getByTestId('latest-receipt')).toContainText(/version \d/);
      await page
        .getByRole('button', { name: /Submitted \(/ })
        .or(page.getByRole('radio', { name: /Submitted \(/ }))
        .first()
        .click();
      await expect(page.getByRole('table', { name: 'Reporting calendar' }).locator('tr[data-status=submitted]').first()).toBeVisible();

      // An API key: created, shown once, usable; then revoked after a confirmation.
      await page.goto('/api-keys');
      await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
      const keyName = `nightly upload ${viewport.name}`;
      await page.getByLabel('Name (optional)').fill(keyName);
      await page.getByRole('button', { name: 'Create key' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText('this is the only time it is shown');
      const key = await dialog.getByLabel('API key').inputValue();
      expect(key).toMatch(/^imk_/);
      await dialog.getByRole('button', { name: 'Copy' }).click();
      await dialog.getByRole('button', { name: 'I have copied it' }).click();
      await expect(dialog).toHaveCount(0);
      const keys = page.getByRole('table', { name: 'API keys' });
      const row = keys.getByRole('row').filter({ hasText: keyName });
      await expect(row).toContainText('active');
      await expect(keys).not.toContainText(key);
      const withKey = (k: string) =>
        page.request.get('/api/v1/reports', { headers: { Authorization: `Bearer ${k}` }, failOnStatusCode: false });
      expect((await withKey(key)).status()).toBe(200);

      await row.getByRole('button', { name: `Revoke key ${keyName}` }).click();
      const confirm = page.getByRole('dialog');
      await expect(confirm).toContainText('cannot be undone');
      await confirm.getByRole('button', { name: 'Revoke key' }).click();
      await expect(row).toContainText('revoked');
      expect((await withKey(key)).status()).toBe(401);
    });
  });
}

test('an analyst opens Alipay’s profile: openness over time, links by city, agreements and findings', async ({ page }) => {
  await logIn(page, 'analyst');
  await page.goto('/institutions');
  await page.getByLabel('Search by name, id or group').fill('alipay');
  await expect(page).toHaveURL(/q=alipay/);
  await page.getByRole('link', { name: 'Alipay', exact: true }).click();
  await expect(page).toHaveURL(/\/institutions\/alipay/);
  await expect(page.getByRole('heading', { level: 1, name: 'Alipay' })).toBeVisible();
  await expect(page.getByText('支付宝')).toBeVisible();

  // The period, mode and channel live in the URL.
  await page.goto('/institutions/alipay?period=2021-12&mode=mpm&channel=offline');
  await expect(page.getByTestId('openness-chart').locator('svg .line').first()).toBeVisible();
  await page.getByText('Show as table').click();
  const opennessTable = page.getByRole('table', { name: 'Openness by period' });
  await expect(opennessTable.getByRole('row')).toHaveCount(25); // header + 24 periods
  await expect(opennessTable).toContainText('Dec 2021');
  await expect(opennessTable).toContainText('%');

  await expect(page.getByRole('heading', { name: 'Links by city' })).toBeVisible();
  await expect(page.getByText(/Links in \d+ cities/)).toBeVisible();
  await expect(page.getByRole('table', { name: /^Links in \d+ cities/ }).first()).toContainText('live');

  await expect(page.getByRole('heading', { name: 'Agreements' })).toBeVisible();
  await expect(page.getByText(/As declared in its report for Dec 2021/)).toBeVisible();

  const findings = page.getByRole('list', { name: 'Findings naming it' });
  await expect(findings.getByRole('link').first()).toHaveAttribute('href', /^\/findings\/\d+$/);

  await page
    .getByRole('radio', { name: 'cpm' })
    .or(page.getByRole('button', { name: 'cpm', exact: true }))
    .first()
    .click();
  await expect(page).toHaveURL(/mode=cpm/);
  await expect(page.getByRole('table', { name: 'Reports and versions' })).toContainText('2021');
});

/** Waits for running animations to end or be cancelled (dialogs fade in; chart lines draw themselves for a second). */
async function animationsDone(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity) // progress bars run for ever
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/**
 * The shell scrolls inside its sidenav content, so a "full page" screenshot would stop at the
 * viewport: the viewport grows to the content's height for the picture, then shrinks back.
 */
async function screenshotWhole(page: Page, file: string): Promise<void> {
  await animationsDone(page);
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => {
    const scroller = document.querySelector('mat-sidenav-content');
    return scroller ? scroller.scrollHeight + scroller.getBoundingClientRect().top : document.documentElement.scrollHeight;
  });
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height)) });
  await page.screenshot({ path: file, fullPage: true });
  await page.setViewportSize(viewport);
}

const LANGUAGES = [
  {
    lang: 'en',
    dashboard: 'Reports',
    submit: 'Submit a report',
    validate: 'Validate only',
    errors: 'Validation errors',
    apiKeys: 'API keys',
    createKey: 'Create key',
    done: 'I have copied it',
    calendar: 'Reporting calendar',
    links: 'Links by city',
  },
  {
    lang: 'zh-CN',
    dashboard: '报告报送',
    submit: '报送报告',
    validate: '仅校验',
    errors: '校验错误',
    apiKeys: 'API 密钥',
    createKey: '创建密钥',
    done: '我已复制',
    calendar: '报送日历',
    links: '各城市互通关系',
  },
] as const;

for (const width of [1280, 390]) {
  for (const l of LANGUAGES) {
    test(`screenshots of the portal and the profile: ${l.lang}, ${width} px`, async ({ page }) => {
      const name = (p: string) => shot(`institution-${p}-${l.lang}-${width}`);
      await page.setViewportSize({ width, height: width > 600 ? 800 : 844 });
      await page.addInitScript((lang) => localStorage.setItem('interop-monitor.language', lang), l.lang);

      await logInThroughApi(page, 'alipay');
      await page.goto('/reports');
      await expect(page.getByRole('heading', { level: 1, name: l.dashboard })).toBeVisible();
      await expect(page.getByRole('table', { name: l.calendar })).toBeVisible();
      await screenshotWhole(page, name('dashboard'));

      await page.goto('/reports/submit?period=2022-03');
      await expect(page.getByRole('heading', { level: 1, name: l.submit })).toBeVisible();
      await dropFile(page, fixture('alipay-links-bad.csv'), 'text/csv');
      await page.getByRole('button', { name: l.validate }).click();
      await expect(page.getByRole('table', { name: l.errors })).toBeVisible();
      await screenshotWhole(page, name('submit'));

      await page.goto('/api-keys');
      await expect(page.getByRole('heading', { level: 1, name: l.apiKeys })).toBeVisible();
      await page.getByRole('button', { name: l.createKey }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await animationsDone(page); // the dialog fades in
      await page.screenshot({ path: name('api-key-created') });
      await page.getByRole('dialog').getByRole('button', { name: l.done }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await screenshotWhole(page, name('api-keys'));

      await page.context().clearCookies();
      await logInThroughApi(page, 'analyst');
      await page.goto('/institutions');
      await expect(page.getByRole('table')).toBeVisible();
      await screenshotWhole(page, name('list'));
      await page.goto('/institutions/alipay?period=2021-12&mode=mpm&channel=offline');
      await expect(page.getByRole('heading', { name: l.links })).toBeVisible();
      await expect(page.getByTestId('openness-chart').locator('svg .line').first()).toBeVisible();
      await screenshotWhole(page, name('profile'));
    });
  }
}
