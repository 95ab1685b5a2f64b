import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { MatrixPage } from './matrix-page';

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
  async function requestTo(url: string) {
    for (let i = 0; i < 100; i++) {
      TestBed.tick();
      const found = http.match((r) => r.url === url);
      if (found.length > 0) return found[0];
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no request to ${url}`);
  }

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

  it('says what to do when nothing is declared', async () => {
    await open('/matrix?city=440100&period=2021-05');
    (await requestTo('/api/v1/matrix')).flush(EMPTY);
    await harness.fixture.whenStable();
    expect((harness.routeNativeElement as HTMLElement).textContent).toContain('No links declared for this city, period, mode and channel');
  });
});
