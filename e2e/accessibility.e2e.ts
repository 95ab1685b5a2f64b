// Every page through axe-core, as each role sees it: no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { logInThroughApi } from './login';

const PAGES: { role: string; paths: string[] }[] = [
  {
    role: 'analyst',
    paths: [
      '/overview',
      '/cities',
      '/matrix?city=110000&period=2021-06',
      '/matrix?city=110000&period=2021-06&institution=alipay',
      '/matrix?city=440100&period=2021-03&compare=2021-02',
      '/findings',
      '/findings?view=findings',
      '/findings/1',
      '/rules',
      '/institutions',
      '/institutions/alipay',
      '/exports',
    ],
  },
  { role: 'auditor', paths: ['/audit'] },
  { role: 'alipay', paths: ['/reports', '/reports/submit', '/api-keys', '/findings'] },
];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

test('the login page has no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: /log in/i })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const { role, paths } of PAGES) {
  for (const path of paths) {
    test(`${path} as ${role} has no serious or critical accessibility violation`, async ({ page }) => {
      await logInThroughApi(page, role);
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Wait for the page's data: no progress bar left.
      await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 20_000 });
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

/** Opens the case with the most cities (its id is opaque: taken from the list), its cities shown. */
async function openFirstCase(page: Page): Promise<void> {
  await page.goto('/findings?sort=-cities');
  await page.getByRole('table').getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/findings\/cases\/[0-9a-f]{16}/);
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 20_000 });
  const cities = page.locator('button.cities-toggle');
  if (await cities.count()) await cities.first().click();
}

for (const role of ['analyst', 'alipay']) {
  test(`a case page as ${role}, its cities open, has no serious or critical accessibility violation`, async ({ page }) => {
    await logInThroughApi(page, role);
    await openFirstCase(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the cases list with a case’s cities open has no serious or critical accessibility violation', async ({ page }) => {
  await logInThroughApi(page, 'analyst');
  await page.goto('/findings?sort=-cities');
  await page.locator('button.cities-toggle').first().click();
  await expect(page.getByRole('table', { name: 'Cases' }).getByRole('list')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

// The same checks in the other language, the dark scheme and a phone's width, where colours and layout differ.
test.describe('in Chinese, dark, on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const path of ['/overview', '/findings', '/findings?view=findings', 'a case', '/reports']) {
    test(`${path} has no serious or critical accessibility violation`, async ({ page }) => {
      await page.addInitScript(() => {
        localStorage.setItem('interop-monitor.language', 'zh-CN');
        localStorage.setItem('interop-monitor.color-scheme', 'dark');
      });
      await logInThroughApi(page, path === '/reports' ? 'alipay' : 'analyst');
      if (path === 'a case') await openFirstCase(page);
      else await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 20_000 });
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

test('an open dialog has no serious or critical accessibility violation', async ({ page }) => {
  await logInThroughApi(page, 'analyst');
  await page.goto('/findings?view=findings&status=open');
  const table = page.getByRole('table', { name: 'Findings' });
  await table.getByRole('checkbox').nth(1).check();
  await page.getByRole('button', { name: 'Acknowledge selected' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
