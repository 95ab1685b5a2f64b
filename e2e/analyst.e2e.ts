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
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => (a as CSSAnimation).animationName !== 'chartFadeIn' || a.playState !== 'running'),
  );
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
    overview: 'Overview',
    cities: 'Coverage by province and city',
    matrix: 'Interconnection matrix',
    pause: 'Pause',
    changes: 'Cells that changed between the two periods',
  },
  {
    lang: 'zh-CN',
    overview: '监测总览',
    cities: '各省市互通覆盖率',
    matrix: '互联互通矩阵',
    pause: '暂停',
    changes: '两个报告期之间发生变化的单元格',
  },
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

// The overview's figures say what they mean, in each language: the findings list opens
// on open findings, a severity chip is a link to exactly the findings it counts, "open findings" is
// today's and says so, late institutions are a count with a link, and cities that tie say so and
// sort the same way wherever they are listed.
const FIGURES = [
  {
    lang: 'en',
    figures: 'Headline figures',
    openNow: 'Open findings now',
    openNote: 'whatever the period',
    high: /^high \d/,
    late: 'Institutions late',
    toLate: 'See who is late',
    tie: /^\d+ cities tie at [\d.]+%; the 10 shown are the first by city code\.$/,
    status: 'Status',
    openOnly: 'open',
    listBy: 'List by',
    findingsView: 'Findings',
    total: (n: string) => `${n} findings`,
    cityTable: 'Coverage by city',
  },
  {
    lang: 'zh-CN',
    figures: '核心指标',
    openNow: '当前待处理问题线索',
    openNote: '与所选期间无关',
    high: /^高 \d/,
    late: '逾期未报机构',
    toLate: '查看逾期机构',
    tie: /^\d+ 个城市并列最低（[\d.]+%）；此处按城市代码列出前 10 个。$/,
    status: '状态',
    openOnly: '待处理',
    listBy: '查看方式',
    findingsView: '按线索',
    total: (n: string) => `共 ${n} 条线索`,
    cityTable: '各城市覆盖率',
  },
] as const;

for (const l of FIGURES) {
  test(`${l.lang}: the overview’s figures lead to the findings they count, say “now”, count late institutions and tell ties`, async ({
    page,
  }) => {
    await page.addInitScript((lang) => localStorage.setItem('interop-monitor.language', lang), l.lang);
    await logInThroughApi(page, 'analyst');

    // Open findings are today's whatever the period: the same figure in Jun 2020 and Dec 2021, said so.
    const figures = page.getByRole('region', { name: l.figures });
    const openCard = page.locator('mat-card').filter({ has: page.getByRole('heading', { name: l.openNow }) });
    await page.goto('/overview?period=2020-06');
    await expect(openCard).toContainText(l.openNote);
    const openIn2020 = await openCard.locator('.value').textContent();
    await page.goto('/overview?period=2021-12');
    await expect(openCard.locator('.value')).toHaveText(openIn2020!);

    // Late institutions: a count and a link to who, not a list of names.
    const lateCard = figures.locator('mat-card').filter({ has: page.getByRole('heading', { name: l.late }) });
    await expect(lateCard.locator('.value')).toHaveText(/^\d+$/);
    const lateCount = Number(await lateCard.locator('.value').textContent());
    if (lateCount > 0) await expect(lateCard.getByRole('link', { name: l.toLate })).toHaveAttribute('href', /rule=LATE-001/);

    // Cities that tie at the lowest coverage say so, rather than pass the order by code for a ranking.
    await expect(page.getByTestId('least-tie')).toHaveText(l.tie);

    // A severity chip opens the findings it counts: the same number, high and open.
    const high = page.getByTestId('severity-chip').filter({ hasText: l.high });
    const highCount = (await high.textContent())!.trim().split(/\s+/).pop()!;
    await high.click();
    await expect(page).toHaveURL(/severity=high/);
    await page.getByRole('navigation', { name: l.listBy }).getByRole('link', { name: l.findingsView }).click();
    await expect(page.locator('p.count')).toHaveText(l.total(highCount));

    // The findings list opens on open findings, said in the status filter.
    await page.goto('/findings');
    await expect(page.getByTestId('status-filter')).toHaveText(l.openOnly);

    // Tied cities are listed by name in the language's order, as the chart lists them.
    await page.goto('/cities?period=2020-06&province=440000');
    const rows = page.getByRole('table', { name: l.cityTable }).getByRole('row');
    await expect(rows.nth(1)).toBeVisible();
    const listed = await rows.evaluateAll((trs) =>
      trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
    );
    const collator = new Intl.Collator(l.lang);
    for (let i = 1; i < listed.length; i++) {
      const [name, coverage] = listed[i];
      const [before, coverageBefore] = listed[i - 1];
      if (coverage === coverageBefore) expect(collator.compare(before, name), `${before} before ${name}`).toBeLessThan(0);
    }
    expect(listed.some(([, coverage], i) => i > 0 && coverage === listed[i - 1][1])).toBe(true);
  });
}
