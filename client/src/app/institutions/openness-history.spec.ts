import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { OpennessHistory, opennessSeries, periodsEndingAt, type OpennessPoint } from './openness-history';

const periods = (n: number) =>
  Array.from({ length: n }, (_, i) => `20${String(20 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, '0')}`);

describe('openness over time', () => {
  it('covers the last 24 periods up to the chosen one', () => {
    const all = periods(36); // 2020-01 … 2022-12
    expect(periodsEndingAt(all, '2021-06')).toEqual(all.slice(0, 18));
    expect(periodsEndingAt([...all].reverse(), undefined)).toEqual(all.slice(12));
    expect(periodsEndingAt(all, '2022-12', 3)).toEqual(['2022-10', '2022-11', '2022-12']);
  });

  it('turns shares into percentages, leaving out periods with nothing to count', () => {
    const points: OpennessPoint[] = [
      { period: '2021-01', recognises: 0.125, recognisedBy: null, cities: 3, problem: null },
      { period: '2021-02', recognises: 0.5, recognisedBy: 0.25, cities: 3, problem: null },
    ];
    expect(opennessSeries(points, { recognises: 'Scans', recognisedBy: 'Recognised' }, (p) => p)).toEqual([
      {
        name: 'Scans',
        series: [
          { name: '2021-01', value: 12.5 },
          { name: '2021-02', value: 50 },
        ],
      },
      { name: 'Recognised', series: [{ name: '2021-02', value: 25 }] },
    ]);
  });

  describe('loading', () => {
    let http: HttpTestingController;
    beforeEach(() => {
      TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()] });
      http = TestBed.inject(HttpTestingController);
    });

    const share = (s: number) => ({ share: s, count: 1, of: 2 });
    const overall = (recognises: number) => ({ cities: 2, recognises: share(recognises), recognisedBy: share(0.25) });

    it('asks once for the whole range and answers the periods asked for, in period order', async () => {
      const wanted = periods(10);
      const result = firstValueFrom(TestBed.inject(OpennessHistory).load('alipay', [...wanted].reverse(), 'cpm', 'online'));
      const req = http.expectOne((r) => r.url === '/api/v1/institutions/alipay/openness/history');
      expect(req.request.params.get('from')).toBe('2020-01');
      expect(req.request.params.get('to')).toBe('2020-10');
      expect(req.request.params.get('mode')).toBe('cpm');
      expect(req.request.params.get('channel')).toBe('online');
      req.flush({
        institution: 'alipay',
        mode: 'cpm',
        channel: 'online',
        from: '2020-01',
        to: '2020-10',
        entries: wanted.map((period, i) => ({ period, overall: overall(i / 10) })),
      });
      const points = await result;
      expect(points.map((p) => p.period)).toEqual(wanted);
      expect(points[5]).toEqual({ period: '2020-06', recognises: 0.5, recognisedBy: 0.25, cities: 2, problem: null });
      http.verify();
    });

    it('leaves out months between the periods asked for, and a period the answer lacks is a gap', async () => {
      const result = firstValueFrom(TestBed.inject(OpennessHistory).load('alipay', ['2020-01', '2020-04'], 'mpm', 'offline'));
      const entries = ['2020-01', '2020-02', '2020-03'].map((period) => ({ period, overall: overall(0.5) }));
      http
        .expectOne((r) => r.url === '/api/v1/institutions/alipay/openness/history')
        .flush({ institution: 'alipay', mode: 'mpm', channel: 'offline', from: '2020-01', to: '2020-04', entries });
      expect(await result).toEqual([
        { period: '2020-01', recognises: 0.5, recognisedBy: 0.25, cities: 2, problem: null },
        { period: '2020-04', recognises: null, recognisedBy: null, cities: 0, problem: null },
      ]);
    });

    it('gives every period the problem when the request fails', async () => {
      const result = firstValueFrom(TestBed.inject(OpennessHistory).load('alipay', periods(3), 'mpm', 'offline'));
      http
        .expectOne((r) => r.url === '/api/v1/institutions/alipay/openness/history')
        .flush({ title: 'Server error', status: 500 }, { status: 500, statusText: 'Server Error' });
      const points = await result;
      expect(points).toHaveLength(3);
      for (const p of points) expect(p).toMatchObject({ recognises: null, recognisedBy: null, problem: { status: 500 } });
    });

    it('asks nothing when there is no period', async () => {
      expect(await firstValueFrom(TestBed.inject(OpennessHistory).load('alipay', [], 'mpm', 'offline'))).toEqual([]);
      http.verify();
    });
  });
});
