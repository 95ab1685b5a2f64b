import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Overview } from '../core/api/api-types';
import { OverviewPage } from './overview-page';
import { awaitRequest } from '../../testing/http-requests';

const OVERVIEW: Overview = {
  period: '2021-06',
  mode: 'mpm',
  channel: 'offline',
  institutions: ['alipay', 'tenpay', 'unionpay'],
  coverage: {
    current: { period: '2021-06', coverage: 1 / 3, mutualPairs: 337, pairs: 1011 },
    yearEarlier: { period: '2020-06', coverage: 0.004, mutualPairs: 4, pairs: 1011 },
    change: 1 / 3 - 0.004,
  },
  cities: { total: 337, fullyInterconnected: 2, atLowestCoverage: 1 },
  leastInterconnected: [
    {
      city: '440200',
      name: 'Shaoguan',
      nameZh: '韶关市',
      provinceName: 'Guangdong',
      provinceNameZh: '广东省',
      coverage: 0,
      mutualPairs: 0,
      pairs: 3,
    },
  ],
  openFindings: { total: 12, high: 3, medium: 5, low: 4 },
  reports: { received: 33, institutions: 31, expected: 32, dueDate: '2021-07-15', pastDue: true },
  late: { dueDay: 15, count: 1, institutions: [{ id: 'mipay', name: 'Mi Pay', nameZh: '小米支付' }] },
  findingsByMonth: [
    { period: '2021-05', opened: 4, resolved: 1 },
    { period: '2021-06', opened: 2, resolved: 3 },
  ],
};

describe('OverviewPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideNoopAnimations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path: 'overview', component: OverviewPage },
            { path: 'matrix', children: [] },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  /** The page stays unstable while its resources wait for answers, so tests poll for the requests instead. */
  const requestTo = (url: string) => awaitRequest(http, url);

  async function open(url: string, periods = ['2021-05', '2021-06']) {
    void harness.navigateByUrl(url);
    (await requestTo('/api/v1/periods')).flush({ items: periods });
  }

  const EMPTY_COVERAGE = { city: null, from: null, to: null, institutions: [], lines: [] };

  /** Answers whatever else the page still waits for (coverage over time), then waits for it to settle. */
  async function settle() {
    // Not whenStable(): the charts keep a resize timer of their own pending.
    for (let i = 0; i < 10; i++) {
      TestBed.tick();
      http.match('/api/v1/coverage/lines').forEach((r) => r.flush(EMPTY_COVERAGE));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    TestBed.tick();
  }

  const text = () => (harness.routeNativeElement as HTMLElement).textContent ?? '';

  it('asks for the latest period, mpm and offline by default, without waiting for the list of periods', async () => {
    void harness.navigateByUrl('/overview');
    const req = await requestTo('/api/v1/overview');
    // No period: the server answers for the latest reported one.
    expect(req.request.params.has('period')).toBe(false);
    expect(req.request.params.get('mode')).toBe('mpm');
    expect(req.request.params.get('channel')).toBe('offline');
    // Coverage over time up to that period, a line for each mode and channel, in one request.
    const coverage = await requestTo('/api/v1/coverage/lines');
    expect(coverage.request.params.keys()).toEqual([]);
    expect(http.match('/api/v1/periods')).toHaveLength(1);
  });

  it('draws a coverage line per mode and channel, the chosen one first in the legend', async () => {
    await open('/overview?channel=online');
    (await requestTo('/api/v1/overview')).flush(OVERVIEW);
    const entries = [
      { key: '2021-05', coverage: 0.25, mutualPairs: 1, pairs: 4 },
      { key: '2021-06', coverage: 0.5, mutualPairs: 2, pairs: 4 },
    ];
    (await requestTo('/api/v1/coverage/lines')).flush({
      city: null,
      from: '2021-05',
      to: '2021-06',
      institutions: ['alipay', 'tenpay', 'unionpay'],
      lines: [
        { mode: 'mpm', channel: 'offline', series: entries },
        { mode: 'mpm', channel: 'online', series: entries },
        { mode: 'cpm', channel: 'offline', series: entries },
        { mode: 'cpm', channel: 'online', series: entries },
      ],
    });
    await settle();
    const legend = [...(harness.routeNativeElement as HTMLElement).querySelectorAll('im-coverage-trend .legend span')].map((e) =>
      e.textContent?.trim(),
    );
    expect(legend).toHaveLength(4);
    expect(legend[0]).toContain('Online');
    expect((harness.routeNativeElement as HTMLElement).querySelector('im-coverage-trend .legend .chosen')?.textContent?.trim()).toBe(
      'mpm · Online',
    );
  });

  it('takes the period, mode and channel from the URL', async () => {
    await open('/overview?period=2021-05&mode=cpm&channel=online');
    const req = await requestTo('/api/v1/overview');
    expect(req.request.params.get('period')).toBe('2021-05');
    expect(req.request.params.get('mode')).toBe('cpm');
    expect(req.request.params.get('channel')).toBe('online');
  });

  it('shows the headline figures: coverage and its change, cities, findings by severity, reports and who is late', async () => {
    await open('/overview');
    (await requestTo('/api/v1/overview')).flush(OVERVIEW);
    await settle();
    expect(text()).toContain('33.3%');
    expect(text()).toContain('A year earlier (Jun 2020): 0.4%');
    expect(text()).toContain('+32.9 percentage points in a year');
    expect(text()).toContain('2 of 337');
    expect(text()).toContain('high 3');
    expect(text()).toContain('31 of 32');
    expect(text()).toContain('Was due by 15 Jul 2021');
  });

  it('says the open findings are today’s, and links each severity to the findings it counts', async () => {
    await open('/overview?period=2020-06');
    (await requestTo('/api/v1/overview')).flush({ ...OVERVIEW, period: '2020-06' });
    await settle();
    expect(text()).toContain('Open findings now');
    const chips = [...(harness.routeNativeElement as HTMLElement).querySelectorAll<HTMLAnchorElement>('[data-testid=severity-chip]')];
    expect(chips.map((c) => c.textContent?.trim())).toEqual(['high 3', 'medium 5', 'low 4']);
    expect(chips[0].getAttribute('href')).toBe('/findings?severity=high&status=open,acknowledged,confirmed');
  });

  it('counts the late institutions and links to their LATE-001 findings instead of listing them', async () => {
    const late = Array.from({ length: 31 }, (_, i) => ({ id: `bank-${i}`, name: `Bank ${i}`, nameZh: `银行${i}` }));
    await open('/overview?period=2021-06');
    (await requestTo('/api/v1/overview')).flush({ ...OVERVIEW, late: { dueDay: 15, count: 31, institutions: late } });
    await settle();
    expect(text()).toContain('31');
    expect(text()).not.toContain('Bank 0');
    const link = (harness.routeNativeElement as HTMLElement).querySelector('[data-testid=late-link]')!;
    expect(link.getAttribute('href')).toBe('/findings?rule=LATE-001&period=2021-06&status=open,acknowledged,confirmed');
  });

  it('links each of the least interconnected cities to its matrix at the same period, mode and channel', async () => {
    await open('/overview?period=2021-06&mode=cpm');
    (await requestTo('/api/v1/overview')).flush(OVERVIEW);
    await settle();
    const link = [...(harness.routeNativeElement as HTMLElement).querySelectorAll('a')].find((a) => a.textContent?.includes('Shaoguan'))!;
    expect(link.getAttribute('href')).toBe('/matrix?city=440200&period=2021-06&mode=cpm&channel=offline');
  });

  it('when more cities tie at the lowest coverage than are listed, says how many and in which order they are listed', async () => {
    await open('/overview?period=2021-06');
    const tied = Array.from({ length: 10 }, (_, i) => ({
      city: String(110000 + i * 10000),
      name: `City ${i}`,
      nameZh: `城市${i}`,
      provinceName: 'P',
      provinceNameZh: '省',
      coverage: 2 / 3,
      mutualPairs: 2,
      pairs: 3,
    }));
    (await requestTo('/api/v1/overview')).flush({
      ...OVERVIEW,
      cities: { total: 337, fullyInterconnected: 0, atLowestCoverage: 337 },
      leastInterconnected: tied,
    });
    await settle();
    expect(text()).toContain('337 cities tie at 66.7%; the 10 shown are the first by city code.');
  });

  it('says nothing of ties when one city has the lowest coverage', async () => {
    await open('/overview?period=2021-06');
    (await requestTo('/api/v1/overview')).flush(OVERVIEW);
    await settle();
    expect((harness.routeNativeElement as HTMLElement).querySelector('[data-testid=least-tie]')).toBeNull();
  });

  it('puts a changed channel into the URL, keeping the period', async () => {
    await open('/overview?period=2021-05');
    (await requestTo('/api/v1/overview')).flush(OVERVIEW);
    await settle();
    const online = [...(harness.routeNativeElement as HTMLElement).querySelectorAll('mat-button-toggle button')].find((b) =>
      b.textContent?.includes('Online'),
    ) as HTMLButtonElement;
    online.click();
    const next = await requestTo('/api/v1/overview');
    expect(TestBed.inject(Router).url).toBe('/overview?period=2021-05&mode=mpm&channel=online');
    expect(next.request.params.get('channel')).toBe('online');
  });

  it('says what happens next when no report has arrived yet', async () => {
    await open('/overview', []);
    // Asked for at once, the figures come for the current month; the page says no report came instead.
    (await requestTo('/api/v1/overview')).flush({ ...OVERVIEW, findingsByMonth: [], leastInterconnected: [] });
    await settle();
    expect(text()).toContain('No reports have been received yet');
  });

  it('shows the problem when the overview cannot be loaded', async () => {
    await open('/overview');
    (await requestTo('/api/v1/overview')).flush(
      { title: 'Forbidden', status: 403, code: 'FORBIDDEN' },
      { status: 403, statusText: 'Forbidden' },
    );
    await settle();
    expect(text()).toContain('Not allowed');
  });
});
