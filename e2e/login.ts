// Logs in through the real login page, as a person would.
import { expect, type Page } from '@playwright/test';

export async function logIn(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /log in/i }).click();
  await expect(page.getByText(username, { exact: false }).first()).toBeVisible();
}
