// Screenshots of the main pages in both languages and both colour schemes, on a desktop and on a
// phone, into e2e/output/screenshots/ (git-ignored), for people to look at. The assertions only
// make sure each page has rendered in the right language first.
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { logInThroughApi } from './login.js';
import { screenshotWhole } from './whole-page.js';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
const shot = (name: string) => path.join(import.meta.dirname, 'output', 'screenshots', `${name}.png`);

const WIDTHS = [1280, 390];
const LANGUAGES = [
  {
    lang: 'en',
    loginButton: 'Log in',
    reportsHeading: 'Submit a report',
    submit: 'Submit',
    matrixHeading: 'Interconnection matrix',
    errorsTable: 'Validation errors',
  },
  {
    lang: 'zh-CN',
    loginButton: '登录',
    reportsHeading: '报送报告',
    submit: '提交',
    matrixHeading: '互联互通矩阵',
    errorsTable: '校验错误',
  },
] as const;
const SCHEMES = ['light', 'dark'] as const;

/** Starts every page of the test with the given choices, as if the user had made them earlier. */
async function prefer(page: Page, lang: string, scheme: string): Promise<void> {
  await page.addInitScript(
    ([l, s]) => {
      localStorage.setItem('interop-monitor.language', l);
      localStorage.setItem('interop-monitor.color-scheme', s);
    },
    [lang, scheme],
  );
}

for (const width of WIDTHS) {
  for (const scheme of SCHEMES) {
    for (const l of LANGUAGES) {
      const name = (page: string) => `${page}-${l.lang}-${scheme}-${width}`;

      test(`screenshots: ${l.lang}, ${scheme}, ${width} px`, async ({ page }) => {
        await page.setViewportSize({ width, height: width > 600 ? 800 : 844 });
        await prefer(page, l.lang, scheme);

        await page.goto('/login');
        await expect(page.getByRole('button', { name: l.loginButton })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', l.lang);
        await page.screenshot({ path: shot(name('login')) });

        // An institution's submit page, after an upload with errors (the richest state it has).
        await logInThroughApi(page, 'alipay');
        await page.goto('/reports/submit');
        await expect(page.getByRole('heading', { level: 1, name: l.reportsHeading })).toBeVisible();
        await page.locator('input[name=period]').fill('2023-02');
        await page.locator('input[type=file]').first().setInputFiles(fixture('alipay-links-bad.csv'));
        await page.getByRole('button', { name: l.submit, exact: true }).click();
        await expect(page.getByRole('table', { name: l.errorsTable })).toBeVisible();
        await screenshotWhole(page, shot(name('reports')));

        await page.context().clearCookies();
        await logInThroughApi(page, 'analyst');
        await page.goto('/matrix?city=110000&period=2021-06&mode=mpm&channel=offline');
        await expect(page.getByRole('heading', { level: 1, name: l.matrixHeading })).toBeVisible();
        await expect(page.locator('im-matrix-grid .cell').first()).toBeVisible();
        await screenshotWhole(page, shot(name('matrix')));
      });
    }
  }
}
