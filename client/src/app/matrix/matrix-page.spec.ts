import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { MatrixPage } from './matrix-page';
import { awaitRequest } from '../../testing/http-requests';

describe('MatrixPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideNoopAnimations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'matrix', component: MatrixPage }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  /** The page stays unstable while its resources wait for answers, so tests poll for the requests instead. */
  const requestTo = (url: string) => awaitRequest(http, url);

  async function open(url: string) {
    void harness.navigateByUrl(url);
    (await requestTo('/api/v1/periods')).flush({ items: ['2021-05', '2021-06'] });
    http.match('/api/v1/institutions').forEach((r) => r.flush({ items: [] }));
    http.match('/api/v1/cities').forEach((r) => r.flush({ items: [] }));
  }

  const EMPTY = { period: '2021-05', city: '440100', mode: 'mpm', channel: 'offline', institutions: [], cells: [] };

  it('requests the matrix with the filters of the URL', async () => {
    await open('/matrix?city=440100&period=2021-05&mode=cpm&channel=online');
    const req = await requestTo('/api/v1/matrix');
    expect(req.request.params.get('city')).toBe('440100');
    expect(req.request.params.get('period')).toBe('2021-05');
    expect(req.request.params.get('mode')).toBe('cpm');
    expect(req.request.params.get('channel')).toBe('online');
  });

  it('defaults to Beijing, the latest period, mpm and offline', async () => {
    await open('/matrix');
    const req = await requestTo('/api/v1/matrix');
    expect(req.request.params.keys().map((k) => `${k}=${req.request.params.get(k)}`)).toEqual([
      'city=110000',
      'period=2021-06',
      'mode=mpm',
      'channel=offline',
    ]);
  });

  it('puts a changed mode into the URL, keeping the other filters', async () => {
    await open('/matrix?city=440100&period=2021-05&mode=mpm&channel=offline');
    (await requestTo('/api/v1/matrix')).flush(EMPTY);
    await harness.fixture.whenStable();
    const cpm = [...(harness.routeNativeElement as HTMLElement).querySelectorAll('mat-button-toggle button')].find((b) =>
      b.textContent?.includes('cpm'),
    ) as HTMLButtonElement;
    cpm.click();
    const next = await requestTo('/api/v1/matrix');
    expect(TestBed.inject(Router).url).toBe('/matrix?city=440100&period=2021-05&mode=cpm&channel=offline');
    expect(next.request.params.get('mode')).toBe('cpm');
  });

  it('with compare= in the URL, loads the second period too and lists the cells that changed', async () => {
    await open('/matrix?city=110000&period=2021-06&compare=2021-05');
    const requests = async () => {
      for (let i = 0; i < 100; i++) {
        TestBed.tick();
        const found = http.match((r) => r.url === '/api/v1/matrix');
        if (found.length >= 2) return found;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error('no two matrix requests');
    };
    const [a, b] = await requests();
    const byPeriod = new Map([a, b].map((r) => [r.request.params.get('period'), r]));
    expect([...byPeriod.keys()].sort()).toEqual(['2021-05', '2021-06']);
    const cell = { scanner: 'alipay', issuer: 'unionpay', since: '2021-03-01', reconciliation: 'confirmed' };
    byPeriod
      .get('2021-05')!
      .flush({ ...EMPTY, city: '110000', institutions: ['alipay', 'unionpay'], cells: [{ ...cell, status: 'pilot' }] });
    byPeriod
      .get('2021-06')!
      .flush({ ...EMPTY, period: '2021-06', city: '110000', institutions: ['alipay', 'unionpay'], cells: [{ ...cell, status: 'live' }] });
    await harness.fixture.whenStable();
    const changes = (harness.routeNativeElement as HTMLElement).querySelector(
      'table[aria-label="Cells that changed between the two periods"]',
    );
    expect(changes?.textContent).toContain('pilot');
    expect(changes?.textContent).toContain('live');
    expect((harness.routeNativeElement as HTMLElement).textContent).toContain('Changed cells from May 2021 to Jun 2021 (1)');
  });

  it('plays: the period in the URL advances month by month until paused', async () => {
    await open('/matrix?city=110000&period=2021-05');
    (await requestTo('/api/v1/matrix')).flush(EMPTY);
    await harness.fixture.whenStable();
    const play = [...(harness.routeNativeElement as HTMLElement).querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Play'),
    ) as HTMLButtonElement;
    play.click();
    TestBed.tick();
    expect(play.getAttribute('aria-pressed')).toBe('true');
    const router = TestBed.inject(Router);
    for (let i = 0; i < 100 && !router.url.includes('period=2021-06'); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(router.url).toContain('period=2021-06');
    const next = await requestTo('/api/v1/matrix');
    next.flush({ ...EMPTY, period: '2021-06' });
    await harness.fixture.whenStable();
    // At the last period playing stops by itself.
    expect(play.getAttribute('aria-pressed')).toBe('false');
  });

  const INSTITUTIONS = [
    { id: 'alipay', name: 'Alipay', nameZh: '支付宝', kind: 'wallet', group: 'ant-group', systemic: true, active: true },
    {
      id: 'tenpay',
      name: 'WeChat Pay (Tenpay)',
      nameZh: '微信支付（财付通）',
      kind: 'wallet',
      group: 'tencent',
      systemic: true,
      active: true,
    },
    { id: 'unionpay', name: 'China UnionPay', nameZh: '中国银联', kind: 'network', group: 'unionpay', systemic: true, active: true },
    { id: 'icbc', name: 'ICBC', nameZh: '中国工商银行', kind: 'bank', group: 'icbc', systemic: false, active: true },
  ];
  const link = (scanner: string, issuer: string, status: string) => ({
    scanner,
    issuer,
    status,
    since: '2021-03-01',
    reconciliation: 'confirmed',
  });
  const BEIJING = {
    ...EMPTY,
    period: '2021-06',
    city: '110000',
    institutions: ['alipay', 'tenpay', 'unionpay', 'icbc'],
    cells: [
      link('alipay', 'alipay', 'live'),
      link('unionpay', 'alipay', 'live'),
      link('icbc', 'alipay', 'pilot'),
      link('alipay', 'unionpay', 'live'),
      link('alipay', 'icbc', 'suspended'),
    ],
  };

  /** Opens the page with names known, as when the reference data has loaded. */
  async function openNamed(url: string) {
    void harness.navigateByUrl(url);
    (await requestTo('/api/v1/periods')).flush({ items: ['2021-05', '2021-06'] });
    http.match('/api/v1/institutions').forEach((r) => r.flush({ items: INSTITUTIONS }));
    http.match('/api/v1/cities').forEach((r) => r.flush({ items: [] }));
  }

  it('with institution= in the URL, lists by name who does not recognise its codes and whose codes it does not recognise, instead of the grid', async () => {
    await openNamed('/matrix?city=110000&period=2021-06&institution=alipay');
    (await requestTo('/api/v1/matrix')).flush(BEIJING);
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;
    const list = (heading: string) => page.querySelector(`table[aria-labelledby="${heading}"]`);
    expect(page.querySelector('#not-recognised-by')?.textContent).toContain("Scanners that do not recognise Alipay's codes: 2 of 3");
    expect(
      [...list('not-recognised-by')!.querySelectorAll('tbody tr')].map((r) =>
        [...r.querySelectorAll('td')].map((td) => td.textContent?.trim()),
      ),
    ).toEqual([
      ['ICBC', 'pilot', '1 Mar 2021'],
      ['WeChat Pay (Tenpay)', 'not recognised', '—'],
    ]);
    expect(page.querySelector('#not-recognising')?.textContent).toContain('Issuers whose codes Alipay does not recognise: 2 of 3');
    expect(list('not-recognising')?.textContent).toContain('suspended');
    expect(page.querySelector('im-matrix-grid')).toBeNull();
    const back = [...page.querySelectorAll('a')].find((a) => a.textContent?.includes('Back to the matrix'));
    expect(back?.getAttribute('href')).toBe('/matrix?city=110000&period=2021-06');
  });

  it('marks the cells that changed since the previous frame of the time-lapse, and says since when', async () => {
    await openNamed('/matrix?city=110000&period=2021-05');
    (await requestTo('/api/v1/matrix')).flush({ ...BEIJING, period: '2021-05', cells: BEIJING.cells.filter((c) => c.status !== 'pilot') });
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;
    expect(page.querySelectorAll('im-matrix-grid .cell.changed').length).toBe(0);
    await TestBed.inject(Router).navigateByUrl('/matrix?city=110000&period=2021-06');
    (await requestTo('/api/v1/matrix')).flush(BEIJING);
    await harness.fixture.whenStable();
    const changed = [...page.querySelectorAll('im-matrix-grid .cell.changed')];
    expect(changed.map((c) => c.getAttribute('title'))).toEqual(['ICBC → Alipay: pilot']);
    expect(page.textContent).toContain('changed since May 2021 (1)');
  });

  it('says what to do when nothing is declared', async () => {
    await open('/matrix?city=440100&period=2021-05');
    (await requestTo('/api/v1/matrix')).flush(EMPTY);
    await harness.fixture.whenStable();
    expect((harness.routeNativeElement as HTMLElement).textContent).toContain('No links declared for this city, period, mode and channel');
  });
});
