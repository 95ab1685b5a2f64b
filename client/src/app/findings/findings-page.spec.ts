import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { FindingSummary } from '../core/api/api-types';
import { Session } from '../core/auth/session';
import { FindingsPage } from './findings-page';
import { awaitRequest } from '../../testing/http-requests';

function finding(id: number, status: FindingSummary['status'] = 'open'): FindingSummary {
  return {
    id,
    fingerprint: `EXCL-001|alipay|A-${id}`,
    caseId: '0123456789abcdef',
    ruleId: 'EXCL-001',
    ruleVersion: 1,
    severity: 'high',
    subjects: ['alipay', 'unionpay'],
    city: null,
    mode: null,
    channel: null,
    firstPeriod: '2021-01',
    lastPeriod: '2021-06',
    periods: [['2021-01', '2021-06']],
    holds: true,
    status,
    explanation: `Alipay’s agreement A-${id} is exclusive.`,
    explanationZh: `支付宝的协议 A-${id} 具有排他性。`,
    evidence: [],
    createdAt: '2021-07-01T00:00:00Z',
    updatedAt: '2021-07-01T00:00:00Z',
  };
}

describe('FindingsPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function setUp(role: 'analyst' | 'auditor' | 'institution') {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideNoopAnimations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'findings', component: FindingsPage }], withComponentInputBinding()),
      ],
    });
    TestBed.inject(Session).user.set(
      role === 'institution' ? { username: 'alipay', role, institution: 'alipay' } : { username: role, role },
    );
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  }

  /** The page stays unstable while its resources wait for answers, so tests poll for the requests instead. */
  const requestTo = (url: string) => awaitRequest(http, url);

  async function open(url: string, items: FindingSummary[] = [finding(1), finding(2, 'acknowledged')], total = items.length) {
    void harness.navigateByUrl(url);
    const list = await requestTo('/api/v1/findings');
    (await requestTo('/api/v1/rules')).flush({ items: [] });
    (await requestTo('/api/v1/periods')).flush({ items: ['2021-05', '2021-06'] });
    http.match('/api/v1/institutions').forEach((r) =>
      r.flush({
        items: [{ id: 'alipay', name: 'Alipay', nameZh: '支付宝', kind: 'wallet', group: 'ant-group', systemic: true, active: true }],
      }),
    );
    http.match('/api/v1/cities').forEach((r) => r.flush({ items: [] }));
    const params = Object.fromEntries(list.request.params.keys().map((k) => [k, list.request.params.get(k)]));
    list.flush({ items, total });
    await harness.fixture.whenStable();
    return params;
  }

  async function until(condition: () => boolean): Promise<void> {
    for (let i = 0; i < 100 && !condition(); i++) {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  const text = () => (harness.routeNativeElement as HTMLElement).textContent ?? '';

  it('shows the filters of a shared URL in their fields, even before the rules are loaded', async () => {
    await setUp('analyst');
    await open('/findings?rule=RECIP-001&status=open,acknowledged&severity=high');
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const selects = await loader.getAllHarnesses(MatSelectHarness);
    const shown = await Promise.all(selects.slice(0, 3).map((s) => s.getValueText()));
    expect(shown).toEqual(['RECIP-001', 'high', 'open, acknowledged']);
  });
  it('asks the server for the filters, sort and page of the URL', async () => {
    await setUp('analyst');
    const params = await open('/findings?rule=EXCL-001&status=open,acknowledged&q=exclusive&sort=lastPeriod&page=2&pageSize=50');
    expect(params).toEqual({
      rule: 'EXCL-001',
      status: 'open,acknowledged',
      q: 'exclusive',
      sort: 'lastPeriod',
      page: '2',
      pageSize: '50',
    });
  });

  it('opens on open findings, and shows every status once the user clears the status filter', async () => {
    await setUp('analyst');
    const params = await open('/findings');
    expect(params['status']).toBe('open');
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const status = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="status-filter"]' }));
    expect(await status.getValueText()).toBe('open');
    await status.open();
    // A native click: a harness would wait for stability, which the pending list request never reaches.
    const openOption = [...document.querySelectorAll('mat-option')].find((o) => o.textContent?.trim() === 'open') as HTMLElement;
    openOption.click();
    const next = await requestTo('/api/v1/findings');
    expect(TestBed.inject(Router).url).toBe('/findings?status=all');
    expect(next.request.params.has('status')).toBe(false);
    next.flush({ items: [finding(1), finding(2, 'dismissed')], total: 2 });
    await harness.fixture.whenStable();
    expect(await status.getValueText()).toBe('All statuses');
  });

  it('shows the exact total and the explanation with subject names', async () => {
    await setUp('auditor');
    await open('/findings', [finding(1)], 137);
    expect(text()).toContain('137 findings');
    expect(text()).toContain('Alipay’s agreement A-1 is exclusive.');
    expect(text()).toContain('Alipay, unionpay');
  });

  it('puts a new sort into the URL and goes back to the first page', async () => {
    await setUp('analyst');
    await open('/findings?page=3');
    // A native click: a harness would wait for stability, which the pending list request never reaches.
    const header = [...(harness.routeNativeElement as HTMLElement).querySelectorAll('th .mat-sort-header-content')].find(
      (h) => h.textContent?.trim() === 'Rule',
    ) as HTMLElement;
    header.click();
    const next = await requestTo('/api/v1/findings');
    expect(TestBed.inject(Router).url).toBe('/findings?sort=ruleId');
    expect(next.request.params.get('page')).toBe('1');
  });

  it('says how to widen the filters when nothing matches', async () => {
    await setUp('analyst');
    await open('/findings?rule=EXCL-001', [], 0);
    expect(text()).toContain('No findings match these filters');
  });

  it('offers selection only to those who triage', async () => {
    await setUp('institution');
    await open('/findings');
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    expect(await loader.getAllHarnesses(MatCheckboxHarness)).toHaveLength(0);
    expect(text()).not.toContain('Export');
  });

  it('acknowledges the selected open findings one by one after a confirmation, and reports the ones that failed', async () => {
    await setUp('analyst');
    await open('/findings', [finding(1), finding(2, 'acknowledged'), finding(3)]);
    (
      (harness.routeNativeElement as HTMLElement).querySelector('input[aria-label="Select all findings on this page"]') as HTMLInputElement
    ).click();
    await harness.fixture.whenStable();
    expect(text()).toContain('3 selected (2 open on this page)');

    const button = [...(harness.routeNativeElement as HTMLElement).querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Acknowledge selected'),
    )!;
    const dialogs = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    button.click();
    let dialog = await dialogs.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Acknowledge 2 findings?');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    expect(http.match((r) => r.method === 'PATCH')).toHaveLength(0);

    button.click();
    dialog = await dialogs.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Acknowledge 2' }))).click();
    const first = await requestTo('/api/v1/findings/1');
    expect(first.request.method).toBe('PATCH');
    expect(first.request.body).toEqual({ status: 'acknowledged' });
    first.flush({ ...finding(1, 'acknowledged'), history: [], comments: [], allowedTransitions: [] });
    const third = await requestTo('/api/v1/findings/3');
    third.flush(
      { status: 409, title: 'Conflict', code: 'STATUS_CHANGED', detail: 'Finding 3 is no longer open.' },
      { status: 409, statusText: 'Conflict' },
    );
    (await requestTo('/api/v1/findings')).flush({ items: [finding(1, 'acknowledged'), finding(2, 'acknowledged'), finding(3)], total: 3 });
    await until(() => text().includes('1 finding acknowledged.'));
    expect(text()).toContain('1 could not be acknowledged');
    expect(text()).toContain('Finding 3 is no longer open.');
    expect(http.match('/api/v1/findings/2')).toHaveLength(0);
  });

  it('stays on the findings one by one when a sort changes, and links back to the cases with the same filters', async () => {
    await setUp('analyst');
    await open('/findings?view=findings&rule=CONS-001&sort=city');
    const header = [...(harness.routeNativeElement as HTMLElement).querySelectorAll('th .mat-sort-header-content')].find(
      (h) => h.textContent?.trim() === 'Rule',
    ) as HTMLElement;
    header.click();
    (await requestTo('/api/v1/findings')).flush({ items: [finding(1)], total: 1 });
    expect(TestBed.inject(Router).url).toBe('/findings?view=findings&rule=CONS-001&sort=ruleId');
    await harness.fixture.whenStable();
    const cases = (harness.routeNativeElement as HTMLElement).querySelector('[data-testid=view-cases]')!;
    expect(cases.getAttribute('href')).toBe('/findings?rule=CONS-001&sort=ruleId');
    expect((harness.routeNativeElement as HTMLElement).querySelector('[data-testid=view-findings]')?.getAttribute('aria-current')).toBe(
      'page',
    );
  });
});
