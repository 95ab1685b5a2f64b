// What a new user meets first: the address typed in, the login page, and the page a login lands on.
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';

const shot = (name: string) => path.join(import.meta.dirname, 'output', 'screenshots', `${name}.png`);

/** Everything the page logs as an error (failed requests included, as Chromium logs them) and every uncaught exception. */
function consoleErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function submitLogin(page: Page, username: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: /log in/i }).click();
}

const homes = [
  { username: 'analyst', home: /\/overview$/, heading: 'Overview' },
  { username: 'auditor', home: /\/overview$/, heading: 'Overview' },
  { username: 'admin', home: /\/overview$/, heading: 'Overview' },
  { username: 'alipay', home: /\/reports$/, heading: 'Reports' },
];

for (const { username, home, heading } of homes) {
  test(`opening the site's address and logging in as ${username} lands on its home page`, async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    await submitLogin(page, username);
    await expect(page).toHaveURL(home);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  });

  test(`logging in as ${username} from the login page itself lands on its home page`, async ({ page }) => {
    await page.goto('/login');
    await submitLogin(page, username);
    await expect(page).toHaveURL(home);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  });
}

test('a page asked for before login opens after it', async ({ page }) => {
  await page.goto('/findings?rule=EXCL-001');
  await expect(page).toHaveURL(/\/login\?next=/);
  await submitLogin(page, 'auditor');
  await expect(page).toHaveURL(/\/findings\?rule=EXCL-001/);
});

test('an anonymous visitor opening the site or the login page sees no error in the console', async ({ page }) => {
  const errors = consoleErrorsOf(page);
  await page.goto('/');
  await expect(page.getByRole('button', { name: /log in/i })).toBeVisible();
  await page.goto('/login');
  await expect(page.getByRole('button', { name: /log in/i })).toBeVisible();
  // Whatever the page asks for at start-up has been answered by now.
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});

test('the analyst’s landing page after login (screenshot)', async ({ page }) => {
  await page.goto('/');
  await submitLogin(page, 'analyst');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.locator('ngx-charts-line-chart svg').first()).toBeVisible();
  await page.screenshot({ path: shot('landing-analyst'), fullPage: true });
});
