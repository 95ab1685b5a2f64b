import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CaseSummary } from '../core/api/api-types';
import { Session } from '../core/auth/session';
import { Language } from '../core/i18n/language';
import { aCase, CITIES, INSTITUTIONS } from '../../testing/cases';
import { awaitRequest } from '../../testing/http-requests';
import { CasesPage } from './cases-page';
import { FindingsPage } from './findings-page';
import { FINDINGS_ROUTES } from './findings.routes';

describe('CasesPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function setUp(role: 'analyst' | 'auditor' | 'institution' = 'analyst') {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideNoopAnimations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'findings', children: FINDINGS_ROUTES }], withComponentInputBinding()),
      ],
    });
    TestBed.inject(Session).user.set(
      role === 'institution' ? { username: 'alipay', role, institution: 'alipay' } : { username: role, role },
    );
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  }

  const requestTo = (url: string) => awaitRequest(http, url);

  /** Opens the URL, answers the page's requests, and gives the parameters GET /cases was asked with. */
  async function open(url: string, items: CaseSummary[] = [aCase()], total = items.length) {
    void harness.navigateByUrl(url);
    const list = await requestTo('/api/v1/cases');
    (await requestTo('/api/v1/rules')).flush({ items: [] });
    (await requestTo('/api/v1/periods')).flush({ items: ['2021-11', '2021-12'] });
    http.match('/api/v1/institutions').forEach((r) => r.flush({ items: INSTITUTIONS }));
    http.match('/api/v1/cities').forEach((r) => r.flush({ items: CITIES }));
    const params = Object.fromEntries(list.request.params.keys().map((k) => [k, list.request.params.get(k)]));
    list.flush({ items, total });
    await harness.fixture.whenStable();
    return params;
  }

  const root = () => harness.routeNativeElement as HTMLElement;
  const text = () => root().textContent ?? '';
  const link = (name: string) => [...root().querySelectorAll('a')].find((a) => a.textContent?.trim() === name) as HTMLAnchorElement;

  describe('the list a user opens', () => {
    it('shows cases at /findings, on open ones, and asks GET /cases for the filters and sort of the URL', async () => {
      await setUp();
      expect(await open('/findings')).toEqual({ status: 'open', sort: '-severity', page: '1', pageSize: '25' });
      expect(harness.routeDebugElement?.componentInstance).toBeInstanceOf(CasesPage);
    });

    it('asks for every status when the URL says all, and for the sort by number of cities', async () => {
      await setUp();
      expect(await open('/findings?rule=CONS-001&status=all&sort=-cities&page=2')).toEqual({
        rule: 'CONS-001',
        sort: '-cities',
        page: '2',
        pageSize: '25',
      });
    });

    it('drops a sort only findings have (by city) rather than sending one the API refuses', async () => {
      await setUp();
      expect((await open('/findings?sort=city'))['sort']).toBe('-severity');
    });

    it('shows the findings one by one at /findings?view=findings, with the per-city rows', async () => {
      await setUp();
      void harness.navigateByUrl('/findings?view=findings&rule=CONS-001');
      const list = await requestTo('/api/v1/findings');
      expect(list.request.params.get('rule')).toBe('CONS-001');
      expect(http.match('/api/v1/cases')).toHaveLength(0);
      expect(harness.routeDebugElement?.componentInstance).toBeInstanceOf(FindingsPage);
    });
  });

  describe('a case row', () => {
    it('names the subjects, counts the cities and the findings by status, and gives one explanation', async () => {
      await setUp();
      await open('/findings', [aCase()], 41);
      expect(text()).toContain('41 cases');
      expect(text()).toContain('Alipay, UnionPay');
      expect(text()).toContain('mpm');
      expect(text()).toContain('Offline');
      expect(text()).toContain('3 cities');
      expect(text()).toContain('2 open');
      expect(text()).toContain('1 dismissed');
      expect(text()).not.toContain('0 acknowledged');
      expect(text()).toContain('Mar 2021 – Dec 2021');
      expect(text()).toContain('Alipay and UnionPay disagree about their link.');
      expect(link('CONS-001').getAttribute('href')).toBe('/findings/cases/0123456789abcdef');
      expect(link('CONS-001').getAttribute('aria-label')).toBe('Open case CONS-001, Alipay, UnionPay');
    });

    it('opens its cities into their names, and closes them again', async () => {
      await setUp();
      await open('/findings');
      const toggle = root().querySelector('button.cities-toggle') as HTMLButtonElement;
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      expect(text()).not.toContain('Aletai');
      toggle.click();
      await harness.fixture.whenStable();
      const list = root().querySelector('#cities-0123456789abcdef')!;
      expect([...list.querySelectorAll('li')].map((li) => li.textContent?.trim())).toEqual(['Aletai', 'Beijing', 'Shanghai']);
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      expect(toggle.isConnected).toBe(true);
      toggle.click();
      await harness.fixture.whenStable();
      expect(root().querySelector('#cities-0123456789abcdef')).toBeNull();
    });

    it('names a single city without a list to open, and says "all cities" for an agreement’s case', async () => {
      await setUp();
      await open('/findings', [
        aCase({ id: 'a', cities: ['110000'] }),
        aCase({ id: 'b', ruleId: 'EXCL-001', cities: [], mode: null, channel: null }),
      ]);
      expect(root().querySelector('button.cities-toggle')).toBeNull();
      expect(text()).toContain('Beijing');
      expect(text()).toContain('All cities');
    });

    it('reads in Chinese: names, counts and the Chinese explanation', async () => {
      await setUp();
      await TestBed.inject(Language).choose('zh-CN');
      await open('/findings');
      expect(text()).toContain('支付宝、银联');
      expect(text()).toContain('3 个城市');
      expect(text()).toContain('待处理 2');
      expect(text()).toContain('支付宝与银联对互通关系的报告不一致。');
      expect(text()).toContain('共 1 个案件');
    });
  });

  describe('moving between views and orders', () => {
    it('carries the filters to the findings one by one, leaving out a sort findings do not have', async () => {
      await setUp();
      await open('/findings?rule=CONS-001&sort=-cities&page=3');
      const findings = root().querySelector('[data-testid=view-findings]') as HTMLAnchorElement;
      expect(findings.getAttribute('href')).toBe('/findings?rule=CONS-001&view=findings');
      expect(root().querySelector('[data-testid=view-cases]')?.getAttribute('aria-current')).toBe('page');
    });

    it('sorts by the number of cities from the column header, back on the first page', async () => {
      await setUp();
      await open('/findings?page=2');
      const header = [...root().querySelectorAll('th .mat-sort-header-content')].find(
        (h) => h.textContent?.trim() === 'Cities',
      ) as HTMLElement;
      header.click();
      const next = await requestTo('/api/v1/cases');
      expect(TestBed.inject(Router).url).toBe('/findings?sort=cities');
      expect(next.request.params.get('page')).toBe('1');
    });
  });

  it('says how to widen the filters when no case matches', async () => {
    await setUp();
    await open('/findings?rule=EXCL-001', [], 0);
    expect(text()).toContain('No cases match these filters');
  });

  it('offers the export to the central bank and auditors only', async () => {
    await setUp('institution');
    await open('/findings');
    expect(text()).not.toContain('Export');
  });
});
