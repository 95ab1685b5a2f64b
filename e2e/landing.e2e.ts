// What a new user meets first: the address typed in, the login page, and the page a login lands on.
import { expect, type Page, test } from '@playwright/test';

/** Everything the page logs as an error (failed requests included, as Chromium logs them) and every uncaught exception. */
function consoleErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

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
