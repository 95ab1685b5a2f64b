// Logs in through the real login page, as a person would; or, where the page itself is not what
// a test is about (screenshots in any language), straight through the API.
import { expect, type Page } from '@playwright/test';

export async function logIn(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /log in/i }).click();
  await expect(page.getByText(username, { exact: false }).first()).toBeVisible();
}

/** Sets the session cookie of the page's context without going through the login page. */
export async function logInThroughApi(page: Page, username: string, password = 'demo'): Promise<void> {
  const response = await page.request.post('/api/v1/auth/login', { data: { username, password } });
  expect(response.status()).toBe(200);
}
