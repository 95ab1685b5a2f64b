import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { OpennessHistory, opennessSeries, PARALLEL_REQUESTS, periodsEndingAt, type OpennessPoint } from './openness-history';

const periods = (n: number) => Array.from({ length: n }, (_, i) => `20${String(20 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, '0')}`);

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
      { name: 'Scans', series: [{ name: '2021-01', value: 12.5 }, { name: '2021-02', value: 50 }] },
      { name: 'Recognised', series: [{ name: '2021-02', value: 25 }] },
    ]);
  });

  describe('loading', () => {
    let http: HttpTestingController;
    beforeEach(() => {
      TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()] });
      http = TestBed.inject(HttpTestingController);
    });

    it(`asks for at most ${PARALLEL_REQUESTS} periods at once and answers in period order, a failed period as a gap`, async () => {
      const wanted = periods(10);
      const result = firstValueFrom(TestBed.inject(OpennessHistory).load('alipay', wanted, 'cpm', 'online'));
      const share = (s: number) => ({ share: s, count: 1, of: 2 });
      let answered = 0;
      while (answered < wanted.length) {
        const pending = http.match((r) => r.url === '/api/v1/institutions/alipay/openness');
        expect(pending.length).toBeGreaterThan(0);
        expect(pending.length).toBeLessThanOrEqual(PARALLEL_REQUESTS);
        // Answer the newest first, to show that the order of the answers does not matter.
        for (const req of pending.reverse()) {
          expect(req.request.params.get('mode')).toBe('cpm');
          expect(req.request.params.get('channel')).toBe('online');
          const period = req.request.params.get('period')!;
          if (period === '2020-03') req.flush({ title: 'Server error', status: 500 }, { status: 500, statusText: 'Server Error' });
          else req.flush({ institution: 'alipay', period, mode: 'cpm', channel: 'online', overall: { cities: 2, recognises: share(0.5), recognisedBy: share(0.25) }, cities: [] });
          answered++;
        }
      }
      const points = await result;
      expect(points.map((p) => p.period)).toEqual(wanted);
      expect(points[2]).toMatchObject({ period: '2020-03', recognises: null, problem: { status: 500 } });
      expect(points[0]).toMatchObject({ recognises: 0.5, recognisedBy: 0.25, cities: 2, problem: null });
    });
  });
});
