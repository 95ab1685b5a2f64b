// The analyst's journey: overview → coverage by province → a province's cities → a city's matrix,
// played month by month and compared with an earlier period; then screenshots of those pages.
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { logIn, logInThroughApi } from './login.js';

const shot = (name: string) => path.join(import.meta.dirname, 'output', 'screenshots', `${name}.png`);

test('an analyst goes from the overview to a city on the map, plays its matrix and compares two periods', async ({ page }) => {
  await logIn(page, 'analyst');

  // The overview is the analyst's home page.
  await expect(page).toHaveURL(/\/overview/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  const figures = page.getByRole('region', { name: 'Headline figures' });
  await expect(figures.getByRole('heading', { name: 'National coverage' })).toBeVisible();
  await expect(figures).toContainText('%');
  await expect(figures).toContainText(/of 337/);
  await expect(page.locator('ngx-charts-line-chart svg').first()).toBeVisible();
  await expect(page.locator('ngx-charts-bar-vertical-2d svg').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'The ten least interconnected cities' }).getByRole('row')).toHaveCount(11);

  // The map of cities: provinces first, then Guangdong's cities, in February 2021.
  await page.getByRole('link', { name: 'Cities', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Coverage by province and city' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Period' }).click();
  await page.getByRole('option', { name: 'Feb 2021' }).click();
  await expect(page).toHaveURL(/period=2021-02/);
  const provinces = page.getByRole('table', { name: 'Coverage by province' });
  await expect(page.locator('ngx-charts-bar-horizontal svg').first()).toBeVisible();
  await provinces.getByRole('link', { name: 'Guangdong' }).click();
  await expect(page).toHaveURL(/province=440000/);
  const cities = page.getByRole('table', { name: 'Coverage by city' });
  await expect(cities.getByRole('link', { name: 'Shenzhen' })).toBeVisible();

  // A city opens its matrix at the same period.
  await cities.getByRole('link', { name: 'Guangzhou' }).click();
  await expect(page).toHaveURL(/\/matrix\?city=440100&period=2021-02/);
  await expect(page.getByRole('heading', { level: 2, name: /Guangzhou · Feb 2021/ })).toBeVisible();

  // Play: the period advances by itself, in the URL too; pause stops it.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/period=2021-03/);
  await expect(page.getByRole('heading', { level: 2, name: /Guangzhou · Mar 2021/ })).toBeVisible();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  const pausedAt = new URL(page.url()).searchParams.get('period');
  await expect(page).toHaveURL(new RegExp(`period=${pausedAt}`));

  // The slider moves with the keyboard, one month per arrow key.
  const slider = page.getByRole('slider', { name: 'Period on the timeline' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).not.toHaveURL(new RegExp(`period=${pausedAt}`));

  // Compare with January 2021, before the nationwide roll-out: the changed cells are listed and ringed.
  await page.getByRole('combobox', { name: 'Compare with' }).click();
  await page.getByRole('option', { name: 'Jan 2021' }).click();
  await expect(page).toHaveURL(/compare=2021-01/);
  const changes = page.getByRole('table', { name: 'Cells that changed between the two periods' });
  await expect(changes.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('heading', { name: /Changed cells from Jan 2021 to/ })).toBeVisible();
  await expect(page.locator('im-matrix-grid .cell.changed').first()).toBeVisible();
});

/** The shell scrolls inside its sidenav content: the viewport grows to the content's height for the picture. */
async function screenshotWhole(page: Page, file: string): Promise<void> {
  const viewport = page.viewportSize()!;
  // ngx-charts fades each chart in (a 0.6 s CSS animation): wait until it has run.
  await page.waitForFunction(() => document.getAnimations().every((a) => (a as CSSAnimation).animationName !== 'chartFadeIn' || a.playState !== 'running'));
  const height = await page.evaluate(() => {
    const scroller = document.querySelector('mat-sidenav-content');
    return scroller ? scroller.scrollHeight + scroller.getBoundingClientRect().top : document.documentElement.scrollHeight;
  });
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height)) });
  await page.screenshot({ path: file, fullPage: true });
  await page.setViewportSize(viewport);
}

const LANGUAGES = [
  { lang: 'en', overview: 'Overview', cities: 'Coverage by province and city', matrix: 'Interconnection matrix', pause: 'Pause', changes: 'Cells that changed between the two periods' },
  { lang: 'zh-CN', overview: '监测总览', cities: '各省市互通覆盖率', matrix: '互联互通矩阵', pause: '暂停', changes: '两个报告期之间发生变化的单元格' },
] as const;

for (const width of [1280, 390]) {
  for (const l of LANGUAGES) {
    test(`analyst screenshots: ${l.lang}, ${width} px`, async ({ page }) => {
      const name = (p: string) => shot(`analyst-${p}-${l.lang}-${width}`);
      await page.setViewportSize({ width, height: width > 600 ? 800 : 844 });
      await page.addInitScript((lang) => {
        localStorage.setItem('interop-monitor.language', lang);
        localStorage.setItem('interop-monitor.color-scheme', 'light');
      }, l.lang);
      await logInThroughApi(page, 'analyst');

      await page.goto('/overview');
      await expect(page.getByRole('heading', { level: 1, name: l.overview })).toBeVisible();
      await expect(page.locator('ngx-charts-line-chart svg').first()).toBeVisible();
      await expect(page.locator('ngx-charts-bar-vertical-2d svg').first()).toBeVisible();
      await screenshotWhole(page, name('overview'));

      await page.goto('/cities?period=2020-06');
      await expect(page.getByRole('heading', { level: 1, name: l.cities })).toBeVisible();
      await expect(page.locator('ngx-charts-bar-horizontal svg').first()).toBeVisible();
      await screenshotWhole(page, name('cities'));
      await page.goto('/cities?period=2020-06&province=440000');
      await expect(page.locator('ngx-charts-bar-horizontal svg').first()).toBeVisible();
      await screenshotWhole(page, name('cities-guangdong'));

      await page.goto('/matrix?city=440100&period=2021-01&mode=mpm&channel=offline');
      await expect(page.getByRole('heading', { level: 1, name: l.matrix })).toBeVisible();
      await expect(page.locator('im-matrix-grid .cell').first()).toBeVisible();
      await page.locator('.timeline button.play').click();
      await expect(page.getByRole('button', { name: l.pause })).toBeVisible();
      await expect(page).toHaveURL(/period=2021-02/);
      await screenshotWhole(page, name('matrix-playing'));
      await page.getByRole('button', { name: l.pause }).click();

      await page.goto('/matrix?city=440100&period=2021-03&mode=mpm&channel=offline&compare=2021-02');
      await expect(page.getByRole('table', { name: l.changes })).toBeVisible();
      await screenshotWhole(page, name('matrix-compare'));
    });
  }
}
