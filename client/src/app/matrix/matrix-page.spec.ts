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
    expect(req.request.params.keys().map((k) => `${k}=${req.request.params.get(k)}`)).toEqual(['city=110000', 'period=2021-06', 'mode=mpm', 'channel=offline']);
  });

  it('puts a changed mode into the URL, keeping the other filters', async () => {
    await open('/matrix?city=440100&period=2021-05&mode=mpm&channel=offline');
    (await requestTo('/api/v1/matrix')).flush(EMPTY);
    await harness.fixture.whenStable();
    const cpm = [...(harness.routeNativeElement as HTMLElement).querySelectorAll('mat-button-toggle button')].find((b) => b.textContent?.includes('cpm')) as HTMLButtonElement;
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
    byPeriod.get('2021-05')!.flush({ ...EMPTY, city: '110000', institutions: ['alipay', 'unionpay'], cells: [{ ...cell, status: 'pilot' }] });
    byPeriod.get('2021-06')!.flush({ ...EMPTY, period: '2021-06', city: '110000', institutions: ['alipay', 'unionpay'], cells: [{ ...cell, status: 'live' }] });
    await harness.fixture.whenStable();
    const changes = (harness.routeNativeElement as HTMLElement).querySelector('table[aria-label="Cells that changed between the two periods"]');
    expect(changes?.textContent).toContain('pilot');
    expect(changes?.textContent).toContain('live');
    expect((harness.routeNativeElement as HTMLElement).textContent).toContain('Changed cells from May 2021 to Jun 2021 (1)');
  });

  it('plays: the period in the URL advances month by month until paused', async () => {
    await open('/matrix?city=110000&period=2021-05');
    (await requestTo('/api/v1/matrix')).flush(EMPTY);
    await harness.fixture.whenStable();
    const play = [...(harness.routeNativeElement as HTMLElement).querySelectorAll('button')].find((b) => b.textContent?.includes('Play')) as HTMLButtonElement;
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

  it('says what to do when nothing is declared', async () => {
    await open('/matrix?city=440100&period=2021-05');
    (await requestTo('/api/v1/matrix')).flush(EMPTY);
    await harness.fixture.whenStable();
    expect((harness.routeNativeElement as HTMLElement).textContent).toContain('No links declared for this city, period, mode and channel');
  });
});
