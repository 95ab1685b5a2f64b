import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import type { CoverageSeries } from '../core/api/api-types';
import { CitiesPage } from './cities-page';
import { awaitRequest } from '../../testing/http-requests';

const series = (by: 'province' | 'city', city: string | null, entries: [string, string, string, number][]): CoverageSeries => ({
  by,
  mode: 'mpm',
  channel: 'offline',
  city,
  from: '2021-06',
  to: '2021-06',
  institutions: ['alipay', 'unionpay'],
  series: entries.map(([key, label, labelZh, coverage]) => ({ key, label, labelZh, coverage, mutualPairs: coverage, pairs: 1 })),
});

describe('CitiesPage', () => {
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
            { path: 'cities', component: CitiesPage },
            { path: 'matrix', children: [] },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  const requestTo = (url: string) => awaitRequest(http, url);

  async function open(url: string) {
    void harness.navigateByUrl(url);
    (await requestTo('/api/v1/periods')).flush({ items: ['2021-05', '2021-06'] });
  }

  /** Answers the reference data the page names provinces with, then waits for it to settle. */
  async function settle() {
    TestBed.tick();
    http.match('/api/v1/institutions').forEach((r) => r.flush({ items: [] }));
    http.match('/api/v1/cities').forEach((r) => r.flush({ items: [] }));
    await harness.fixture.whenStable();
  }

  const links = () => [...(harness.routeNativeElement as HTMLElement).querySelectorAll('table a')] as HTMLAnchorElement[];

  it('asks for coverage by province at the latest period by default', async () => {
    await open('/cities');
    const req = await requestTo('/api/v1/coverage');
    expect(req.request.params.get('by')).toBe('province');
    expect(req.request.params.get('to')).toBe('2021-06');
    expect(req.request.params.has('city')).toBe(false);
  });

  it('links each province to its cities, keeping the period, mode and channel', async () => {
    await open('/cities?period=2021-05&mode=cpm');
    (await requestTo('/api/v1/coverage')).flush(series('province', null, [['440000', 'Guangdong', '广东省', 0.5]]));
    await settle();
    expect(links()[0].getAttribute('href')).toBe('/cities?period=2021-05&mode=cpm&channel=offline&province=440000');
  });

  it('with a province in the URL, asks for its cities and links each city to its matrix', async () => {
    await open('/cities?period=2021-06&province=440000');
    const req = await requestTo('/api/v1/coverage');
    expect(req.request.params.get('by')).toBe('city');
    expect(req.request.params.get('city')).toBe('440000');
    req.flush(
      series('city', '440000', [
        ['440100', 'Guangzhou', '广州市', 1],
        ['440200', 'Shaoguan', '韶关市', 0],
      ]),
    );
    await settle();
    const guangzhou = links().find((a) => a.textContent?.includes('Guangzhou'))!;
    expect(guangzhou.getAttribute('href')).toBe('/matrix?city=440100&period=2021-06&mode=mpm&channel=offline');
    expect((harness.routeNativeElement as HTMLElement).textContent).toContain('All provinces');
  });

  it('lists the lowest coverage first, like its chart, and sorts the other way on a click', async () => {
    await open('/cities');
    (await requestTo('/api/v1/coverage')).flush(
      series('province', null, [
        ['110000', 'Beijing', '北京市', 0.9],
        ['440000', 'Guangdong', '广东省', 0.1],
        ['510000', 'Sichuan', '四川省', 0.5],
      ]),
    );
    await settle();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const table = await loader.getHarness(MatTableHarness);
    const names = async () => Promise.all((await table.getRows()).map((r) => r.getCellTextByIndex().then((cells) => cells[0])));
    expect(await names()).toEqual(['Guangdong', 'Sichuan', 'Beijing']);
    const [, coverage] = await (await loader.getHarness(MatSortHarness)).getSortHeaders();
    await coverage.click();
    expect(await names()).toEqual(['Beijing', 'Sichuan', 'Guangdong']);
  });

  it('when places tie, lists them by name in the table as in the chart, not by code', async () => {
    await open('/cities');
    (await requestTo('/api/v1/coverage')).flush(
      series('province', null, [
        ['110000', 'Beijing', '北京市', 0.5],
        ['120000', 'Tianjin', '天津市', 0.1],
        ['130000', 'Hebei', '河北省', 0.1],
        ['140000', 'Anhui', '安徽省', 0.5],
      ]),
    );
    await settle();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const table = await loader.getHarness(MatTableHarness);
    const names = async () => Promise.all((await table.getRows()).map((r) => r.getCellTextByIndex().then((cells) => cells[0])));
    expect(await names()).toEqual(['Hebei', 'Tianjin', 'Anhui', 'Beijing']);
    const [, coverage] = await (await loader.getHarness(MatSortHarness)).getSortHeaders();
    await coverage.click();
    expect(await names()).toEqual(['Anhui', 'Beijing', 'Hebei', 'Tianjin']);
  });

  it('shows the problem when coverage cannot be loaded', async () => {
    await open('/cities');
    (await requestTo('/api/v1/coverage')).flush(
      { title: 'Unknown city', status: 422, code: 'UNKNOWN_CITY', detail: 'city 999999 is unknown' },
      { status: 422, statusText: 'Unprocessable' },
    );
    await settle();
    expect((harness.routeNativeElement as HTMLElement).textContent).toContain('city 999999 is unknown');
  });
});
