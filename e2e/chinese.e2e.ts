// The three users' main pages in Chinese, on a desktop and on a phone: each page's own text (not
// codes, ids or hashes) holds none of the English that can leak into Chinese pages — raw
// statuses, roles, rule settings, audit detail names, English months, untranslated buttons. The
// findings lists and the matrix are left to their own journeys, but for the leftovers of the sweep
// (dates, brackets, audit values, the grid's scroll sign) checked at the end. Screenshots, a viewport at a time,
// go to e2e/output/chinese/ for people to look at.
import path from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { logInThroughApi } from './login.js';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

/** What must not appear in a Chinese page's own words, each with what it would be. */
const LEFTOVERS: { what: string; pattern: RegExp }[] = [
  { what: 'a finding status', pattern: /\b(open|acknowledged|confirmed|dismissed|resolved)\b/i },
  { what: 'a link status', pattern: /\b(live|pilot|planned|suspended)\b/i },
  { what: 'a channel', pattern: /\b(offline|online)\b/i },
  { what: 'an agreement’s kind', pattern: /\b(acceptance|clearing|technical|marketing)\b/ },
  { what: 'a role', pattern: /\b(analyst|auditor|institution|admin)\b/i },
  { what: 'a rule setting’s API name', pattern: /\b(feeSpreadBps|highRatio|minOtherScanners|minOtherIssuers|dueDay)\b/ },
  { what: 'an audit detail’s name', pattern: /\b(filename|rows|ip|role|sessionsEnded|passwordChanged|checkedHead|statusChanges)\b/ },
  {
    what: 'an English month',
    pattern:
      /\b(January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec) \d{4}\b/,
  },
  {
    what: 'an English control',
    pattern:
      /\b(Submit|Validate only|Cancel|Loading|Preview|Save|Back to defaults|Items per page|Log out|Choose file|No file chosen|Open calendar|Verify chain|Show as table)\b/,
  },
];

/**
 * The words a person reads in `scope`: its text and accessible names, without what is shown as
 * it is stored (code elements: ids, codes, hashes, API names) and without `ignore` (usernames).
 */
async function readableText(scope: Locator, ignore: string[] = []): Promise<string> {
  return scope.evaluate((root, skip) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(['code', '.mono', 'script', 'style', 'svg', ...skip].join(',')).forEach((n) => n.remove());
    const labels = [...copy.querySelectorAll('[aria-label]')].map((n) => n.getAttribute('aria-label'));
    return [copy.textContent ?? '', ...labels].join('\n');
  }, ignore);
}

async function expectChineseOnly(page: Page, where: string, ignore: string[] = [], scope: Locator = page.locator('main')): Promise<void> {
  const text = await readableText(scope, ignore);
  for (const { what, pattern } of LEFTOVERS) {
    const found = pattern.exec(text);
    expect(
      found?.[0],
      `${where}: ${what} in English (“…${found ? text.slice(Math.max(0, found.index - 30), found.index + 30) : ''}…”)`,
    ).toBeUndefined();
  }
}

/** Screenshots of the whole page, one viewport-high slice at a time (a tall page shrinks to nothing in one image). */
async function photograph(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => {
    const scroller = document.querySelector('mat-sidenav-content');
    return scroller ? scroller.scrollHeight + scroller.getBoundingClientRect().top : document.documentElement.scrollHeight;
  });
  const total = Math.min(5000, Math.max(viewport.height, Math.ceil(height)));
  await page.setViewportSize({ width: viewport.width, height: total });
  for (let y = 0, i = 0; y < total; y += viewport.height, i++) {
    const file = path.join(import.meta.dirname, 'output', 'chinese', `${name}-${viewport.width}-${i}.png`);
    await page.screenshot({ path: file, clip: { x: 0, y, width: viewport.width, height: Math.min(viewport.height, total - y) } });
  }
  await page.setViewportSize(viewport);
}

/** A screenshot of what a dialog covers, once it has finished opening (the page behind it stays as it is). */
async function photographDialog(page: Page, name: string): Promise<void> {
  await expect(page.locator('.mdc-dialog--open')).toBeVisible();
  await expect(page.locator('.mdc-dialog--opening')).toHaveCount(0);
  await page.screenshot({ path: path.join(import.meta.dirname, 'output', 'chinese', `${name}-${page.viewportSize()!.width}.png`) });
}

/** Opens a page and waits for its heading, in Chinese. */
async function visit(page: Page, url: string, heading: string | RegExp): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.locator('mat-progress-bar')).toHaveCount(0);
}

/**
 * A viewport's screenshot for the leftovers of the sweep (taken before the checks, so that a failing
 * check still leaves its picture): e2e/output/chinese/leftovers-<name>-<width>.png.
 */
const leftoverShot = (name: string, page: Page) =>
  path.join(import.meta.dirname, 'output', 'chinese', `leftovers-${name}-${page.viewportSize()!.width}.png`);

for (const width of [1440, 390]) {
  test.describe(`in Chinese at ${width} px`, () => {
    test.use({ viewport: { width, height: width > 600 ? 900 : 844 } });

    test.beforeEach(async ({ page }) => {
      await page.addInitScript(() => localStorage.setItem('interop-monitor.language', 'zh-CN'));
    });

    test('the analyst’s overview, cities, institutions, a profile, rules, exports and reports read in Chinese', async ({ page }) => {
      await logInThroughApi(page, 'analyst');

      await visit(page, '/overview?period=2021-12', '监测总览');
      await expect(page.getByTestId('least-tie')).toBeVisible();
      await expectChineseOnly(page, 'overview');
      await photograph(page, 'analyst-overview');

      await visit(page, '/cities', '各省市互通覆盖率');
      await expectChineseOnly(page, 'cities');
      await photograph(page, 'analyst-cities');

      await visit(page, '/institutions', '机构');
      await expectChineseOnly(page, 'institutions');

      await visit(page, '/institutions/alipay', '支付宝');
      await expect(page.getByRole('heading', { level: 2, name: '协议' })).toBeVisible();
      await expectChineseOnly(page, 'Alipay’s profile');
      await photograph(page, 'analyst-profile');

      // Rules: settings named by their meaning in the description and in a preview.
      await visit(page, '/rules', '监测规则');
      const disc = page.getByRole('form', { name: 'DISC-001 的参数' });
      await disc.locator('input[name=feeSpreadBps]').fill('1000');
      await disc.getByRole('button', { name: '预览' }).click();
      await expect(page.getByRole('status').filter({ hasText: '“高于最低费率的差额（基点）”为 1,000' })).toBeVisible();
      await expect(page.locator('.description').first()).toBeVisible();
      await expectChineseOnly(page, 'rules');
      await photograph(page, 'analyst-rules');

      // A DISC-001 finding and the report it rests on, its cited agreement in words.
      const found = await page.request.get('/api/v1/findings?rule=DISC-001&pageSize=1');
      const { items } = (await found.json()) as { items: { id: number }[] };
      await visit(page, `/findings/${items[0].id}`, /DISC-001/);
      await page
        .getByRole('button', { name: /查看报告/ })
        .first()
        .click();
      const report = page.getByRole('dialog');
      await expect(report.getByRole('heading', { name: '所引用的协议' })).toBeVisible();
      await expect(report).toContainText('清算');
      await expectChineseOnly(page, 'the report behind a finding', ['.clause'], report);
      await photographDialog(page, 'analyst-report-dialog');
      await report.getByRole('button', { name: '关闭' }).click();

      // An export of open EXCL-001 findings (through the API, as a script would), then the list of exports.
      expect((await page.request.get('/api/v1/exports/findings?format=csv&rule=EXCL-001&status=open')).status()).toBe(200);
      await visit(page, '/exports', '导出记录');
      if (width > 600) await expect(page.getByRole('table').first()).toContainText('规则 EXCL-001 · 状态 待处理');
      await expectChineseOnly(page, 'exports');
      await photograph(page, 'analyst-exports');

      await visit(page, '/reports', '报告报送');
      await expect(page.getByRole('table', { name: '已收到的报告' })).toContainText('2021年12月');
      await expectChineseOnly(page, 'reports');
      await photograph(page, 'analyst-reports');
    });

    test('the auditor’s trail reads in Chinese, its details’ names and values included', async ({ page }) => {
      await logInThroughApi(page, 'auditor');
      await visit(page, '/audit', '审计日志');
      await page.getByRole('button', { name: '校验哈希链' }).click();
      await expect(page.getByRole('status').filter({ hasText: '哈希链完整' })).toBeVisible();
      const entries = page.getByRole('table', { name: '审计日志记录' });
      // The newest entry is this auditor's login; on a desktop its details name the role and the address in Chinese.
      await expect(entries.getByRole('row').nth(1)).toContainText('登录');
      if (width > 600) {
        await expect(entries.getByRole('row').nth(1)).toContainText('角色 审计员');
        await expect(entries.getByRole('row').nth(1)).toContainText('IP 地址');
      }
      // Usernames and targets are names as stored, not words.
      await expectChineseOnly(page, 'audit trail', ['.mat-column-actor', '.mat-column-target']);
      await photograph(page, 'auditor-audit');

      await visit(page, '/audit?action=report.accepted', '审计日志');
      await expect(entries.getByRole('row').nth(1)).toContainText('报告已接收');
      if (width > 600) await expect(entries.getByRole('row').nth(1)).toContainText('数量 协议');
      await expectChineseOnly(page, 'audit trail of reports', ['.mat-column-actor', '.mat-column-target']);

      await visit(page, '/overview', '监测总览');
      await expectChineseOnly(page, 'auditor’s overview');
    });

    test('an institution picks the month in Chinese, reads its errors and receipts in Chinese, and creates an API key', async ({
      page,
    }) => {
      await logInThroughApi(page, 'cmb');

      await visit(page, '/reports', '报告报送');
      await expect(page.getByRole('table', { name: '已收到的报告' })).toContainText('2021年12月');
      await expectChineseOnly(page, 'CMB’s reports');
      await photograph(page, 'cmb-reports');

      await visit(page, '/reports/submit?period=2023-02', '报送报告');
      const period = page.getByRole('textbox', { name: '报告期' });
      await expect(period).toHaveValue('2023年2月');
      // The picker opens on the years, then shows the months as a Chinese calendar names them.
      await page.getByRole('button', { name: '打开日历' }).click();
      await page.getByRole('button', { name: '2023年', exact: true }).click();
      await expect(page.locator('.mat-calendar-body-cell-content').getByText('3月', { exact: true })).toBeVisible();
      await page.getByRole('button', { name: '2023年3月', exact: true }).click();
      await expect(period).toHaveValue('2023年3月');

      await page.locator('input[type=file]').first().setInputFiles(fixture('alipay-links-bad.csv'));
      await page.getByRole('button', { name: '仅校验' }).click();
      const errors = page.getByRole('table', { name: '校验错误' });
      await expect(errors).toBeVisible();
      await expect(page.getByRole('heading', { level: 3, name: /个问题，未保存任何内容/ })).toBeVisible();
      if (width < 600) await expect(errors).toContainText('第 2 行');
      // The messages are the server's (worded in the request's language on the server's side); the
      // small print under each file names the CSV columns and JSON fields as the files spell them.
      await expectChineseOnly(page, 'upload errors', ['.mat-column-message', '.file small']);
      await photograph(page, 'cmb-upload-errors');

      // A finding naming CMB: its explanation says statuses in Chinese words.
      const found = await page.request.get('/api/v1/findings?rule=CONS-001&institution=cmb&pageSize=1');
      const { items } = (await found.json()) as { items: { id: number }[] };
      await visit(page, `/findings/${items[0].id}`, /CONS-001/);
      await expectChineseOnly(page, 'a CONS-001 finding', ['.timeline .note']);
      await photograph(page, 'cmb-finding');

      await visit(page, '/api-keys', 'API 密钥');
      await page.getByRole('button', { name: '创建密钥' }).click();
      const dialog = page.getByRole('dialog', { name: '新的 API 密钥' });
      await expect(dialog).toBeVisible();
      await photographDialog(page, 'cmb-api-key');
      await dialog.getByRole('button', { name: '我已复制' }).click();
      await expectChineseOnly(page, 'API keys');
    });

    // What was left English-shaped after the sweep: a rule description's "(null)", raw ISO dates and
    // months in explanations, ASCII brackets around a city's code, audit details naming institutions
    // by id and periods as stored, a matrix grid cut at a phone's right edge without a sign that it scrolls.
    test('rules, a finding and the matrix write dates, months and codes as Chinese does', async ({ page }) => {
      await logInThroughApi(page, 'analyst');

      await visit(page, '/rules', '监测规则');
      await expect(page.locator('.description').first()).toBeVisible();
      await page.screenshot({ path: leftoverShot('rules', page), fullPage: true });
      await expect.soft(page.locator('main')).not.toContainText('null');

      // A LATE-001 finding says a month and a due date; a CONS-001 one in Altay a city and its code.
      for (const [rule, filter] of [
        ['LATE-001', ''],
        ['CONS-001', '&city=654300'],
      ]) {
        const found = await page.request.get(`/api/v1/findings?rule=${rule}${filter}&pageSize=1`);
        const { items } = (await found.json()) as { items: { id: number }[] };
        await visit(page, `/findings/${items[0].id}`, new RegExp(rule));
        const main = page.locator('main');
        await page.screenshot({ path: leftoverShot(`finding-${rule}`, page) });
        await expect.soft(main).toContainText(/\d{4}年\d{1,2}月/);
        // Its words, not what it shows as stored (code elements: the fingerprint holds the period as an id).
        const words = await main.evaluate((root) => {
          const copy = root.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('code').forEach((n) => n.remove());
          return copy.textContent ?? '';
        });
        expect.soft(words).not.toMatch(/\d{4}-\d{2}|\P{ASCII}+ \(\d{6}\)/u);
        if (filter) await expect.soft(main).toContainText('阿勒泰地区（654300）');
      }

      await visit(page, '/matrix?city=110000&period=2021-06&mode=mpm&channel=offline', /.+/);
      await expect(page.locator('im-matrix-grid .cell').first()).toBeVisible();
      await page.locator('im-matrix-grid').scrollIntoViewIfNeeded();
      await page.screenshot({ path: leftoverShot('matrix', page) });
      // A phone shows the grid's first columns and a shadow at its right edge; a desktop the whole grid.
      await expect.soft(page.locator('im-matrix-grid')).toHaveClass(width > 600 ? /^(?!.*more-to-the-right)/ : /more-to-the-right/);
    });

    // A phone shows no details column: the journey is a desktop's.
    if (width >= 600) {
      test('the audit trail names a report’s institution and month', async ({ page }) => {
        await logInThroughApi(page, 'auditor');
        await visit(page, '/audit?action=report.accepted', '审计日志');
        const table = page.getByRole('table').first();
        await page.screenshot({ path: leftoverShot('audit', page) });
        await expect.soft(table).toContainText(/机构 \P{ASCII}+（[a-z0-9-]+）/u);
        await expect.soft(table).toContainText(/报告期 \d{4}年\d{1,2}月/);
        await expect.soft(table).not.toContainText(/报告期 \d{4}-\d{2}/);
      });
    }
  });
}
