import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CaseDetail, FindingSummary } from '../core/api/api-types';
import { Session } from '../core/auth/session';
import { Language } from '../core/i18n/language';
import { aCase, CITIES, INSTITUTIONS } from '../../testing/cases';
import { awaitRequest } from '../../testing/http-requests';
import { FINDINGS_ROUTES } from './findings.routes';

const ID = '0123456789abcdef';

function finding(id: number, city: string, status: FindingSummary['status']): FindingSummary {
  return {
    id,
    fingerprint: `CONS-001|alipay,unionpay|${city}|mpm|offline`,
    caseId: '0123456789abcdef',
    ruleId: 'CONS-001',
    ruleVersion: 1,
    severity: 'medium',
    subjects: ['alipay', 'unionpay'],
    city,
    mode: 'mpm',
    channel: 'offline',
    firstPeriod: '2021-03',
    lastPeriod: '2021-12',
    periods: [['2021-03', '2021-12']],
    holds: true,
    status,
    explanation: 'Alipay and UnionPay disagree about their link.',
    explanationZh: '支付宝与银联对互通关系的报告不一致。',
    evidence: [],
    createdAt: '2021-04-01T00:00:00Z',
    updatedAt: '2021-12-05T08:00:00Z',
  };
}

/** CONS-001 in 339 cities: 337 open, 2 dismissed; the first page of its findings. */
const CASE: CaseDetail = {
  ...aCase({
    cities: CITIES.map((c) => c.code),
    statuses: { open: 337, acknowledged: 0, confirmed: 0, dismissed: 2, resolved: 0 },
    findingCount: 339,
  }),
  findings: { items: [finding(11, '110000', 'open'), finding(12, '310000', 'dismissed')], total: 339 },
  comments: [
    {
      id: 1,
      at: '2021-12-06T00:00:00Z',
      author: 'unionpay',
      role: 'institution',
      institution: 'unionpay',
      text: 'Our records show the link live since March.',
    },
  ],
  allowedTransitions: ['acknowledged', 'open'],
};

describe('CasePage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function setUp(user: { username: string; role: 'analyst' | 'auditor' | 'institution'; institution?: string }) {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideNoopAnimations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'findings', children: FINDINGS_ROUTES }], withComponentInputBinding()),
      ],
    });
    TestBed.inject(Session).user.set(user);
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  }

  const requestTo = (url: string, method?: string) => awaitRequest(http, url, method);

  /** Opens the case page, answers its requests, and gives the parameters the case was asked with. */
  async function open(detail: CaseDetail | null = CASE, query = '') {
    void harness.navigateByUrl(`/findings/cases/${ID}${query}`);
    const req = await requestTo(`/api/v1/cases/${ID}`);
    (await requestTo('/api/v1/rules')).flush({ items: [] });
    http.match('/api/v1/institutions').forEach((r) => r.flush({ items: INSTITUTIONS }));
    http.match('/api/v1/cities').forEach((r) => r.flush({ items: CITIES }));
    const params = Object.fromEntries(req.request.params.keys().map((k) => [k, req.request.params.get(k)]));
    if (detail) req.flush(detail);
    else
      req.flush({ status: 404, title: 'Not Found', code: 'NOT_FOUND', detail: 'No such case.' }, { status: 404, statusText: 'Not Found' });
    await harness.fixture.whenStable();
    return params;
  }

  async function until(condition: () => boolean): Promise<void> {
    for (let i = 0; i < 100 && !condition(); i++) {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  const root = () => harness.routeNativeElement as HTMLElement;
  const text = () => root().textContent ?? '';
  const button = (label: string) => [...root().querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  const typeInto = async (selector: string, value: string) => {
    const field = root().querySelector(selector) as HTMLTextAreaElement;
    field.value = value;
    field.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
  };

  describe('what it shows', () => {
    it('sums the case up, lists a page of its findings each linking to its own page, and shows the thread', async () => {
      await setUp({ username: 'analyst', role: 'analyst' });
      expect(await open()).toEqual({ page: '1', pageSize: '25' });
      expect(root().querySelector('h1')?.textContent).toContain('Case CONS-001 · Alipay, UnionPay');
      expect(root().querySelector('[data-testid=case-statuses]')?.textContent).toContain('337 open');
      expect(text()).toContain('2 dismissed');
      expect(text()).toContain('Merchant-presented (mpm)');
      expect(text()).toContain('3 cities');
      expect(text()).toContain('Alipay and UnionPay disagree about their link.');
      const links = [...root().querySelectorAll('table a')].map((a) => a.getAttribute('href'));
      expect(links).toEqual(['/findings/11', '/findings/12']);
      expect(text()).toContain('Beijing');
      expect(text()).toContain('Our records show the link live since March.');
    });

    it('keeps its cities closed until asked, then names them all', async () => {
      await setUp({ username: 'analyst', role: 'analyst' });
      await open();
      expect(root().querySelector('#case-cities')).toBeNull();
      const toggle = root().querySelector('button.cities-toggle') as HTMLButtonElement;
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      toggle.click();
      await harness.fixture.whenStable();
      expect([...root().querySelectorAll('#case-cities li')].map((li) => li.textContent?.trim())).toEqual([
        'Aletai',
        'Beijing',
        'Shanghai',
      ]);
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
    });

    it('asks for the page of findings and the status the URL names', async () => {
      await setUp({ username: 'analyst', role: 'analyst' });
      expect(await open(CASE, '?page=3&status=dismissed')).toEqual({ page: '3', pageSize: '25', status: 'dismissed' });
    });

    it('reads in Chinese', async () => {
      await setUp({ username: 'analyst', role: 'analyst' });
      await TestBed.inject(Language).choose('zh-CN');
      await open();
      expect(root().querySelector('h1')?.textContent).toContain('案件 CONS-001 · 支付宝、银联');
      expect(text()).toContain('待处理 337');
      expect(text()).toContain('支付宝与银联对互通关系的报告不一致。');
    });

    it('answers an unknown case, or one the user may not see, with the same “not found”', async () => {
      await setUp({ username: 'alipay', role: 'institution', institution: 'alipay' });
      await open(null);
      expect(root().querySelector('[role=alert]')?.textContent).toContain('Not found');
    });
  });

  describe('triage', () => {
    it('says how many findings will move before moving them, then what moved and why the others did not', async () => {
      await setUp({ username: 'analyst', role: 'analyst' });
      await open();
      const dialogs = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
      button('Acknowledge')!.click();
      let dialog = await dialogs.getHarness(MatDialogHarness);
      expect(await dialog.getTitleText()).toBe('Acknowledge 337 findings of this case?');
      expect(await dialog.getContentText()).toContain('They move from open to acknowledged');
      expect(await dialog.getContentText()).toContain('2 other findings of this case are not open: they stay as they are.');
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
      expect(http.match((r) => r.method === 'PATCH')).toHaveLength(0);

      button('Acknowledge')!.click();
      dialog = await dialogs.getHarness(MatDialogHarness);
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Acknowledge (337)' }))).click();
      const patch = await requestTo(`/api/v1/cases/${ID}`, 'PATCH');
      expect(patch.request.body).toEqual({ status: 'acknowledged' });
      patch.flush({
        moved: 337,
        unchanged: [
          { id: 12, reason: 'ILLEGAL_TRANSITION' },
          { id: 13, reason: 'ILLEGAL_TRANSITION' },
        ],
      });
      await until(() => !!root().querySelector('[data-testid=case-outcome]'));
      const outcome = root().querySelector('[data-testid=case-outcome]')!;
      expect(outcome.textContent).toContain('337 moved to acknowledged, 2 unchanged:');
      expect(outcome.textContent).toContain('2 cannot move to acknowledged from the status they are in:');
      expect([...outcome.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/findings/12', '/findings/13']);
      // The case is read again, with its new counts.
      expect(http.match((r) => r.url === `/api/v1/cases/${ID}` && r.method === 'GET')).toHaveLength(1);
    });

    it('asks for a note before dismissing or resolving, before any question or request', async () => {
      await setUp({ username: 'analyst', role: 'analyst' });
      await open({ ...CASE, allowedTransitions: ['confirmed', 'dismissed'] });
      button('Dismiss')!.click();
      await harness.fixture.whenStable();
      expect(text()).toContain('Write a note saying why before marking it dismissed.');
      expect(document.querySelector('mat-dialog-container')).toBeNull();
      expect(http.match((r) => r.method === 'PATCH')).toHaveLength(0);
    });

    it('sends the note along and says when every finding moved', async () => {
      await setUp({ username: 'analyst', role: 'analyst' });
      await open({
        ...CASE,
        statuses: { ...CASE.statuses, open: 0, acknowledged: 339, dismissed: 0 },
        allowedTransitions: ['confirmed', 'dismissed'],
      });
      await typeInto('textarea:not([name=comment])', 'Same dispute everywhere; settled with both.');
      button('Dismiss')!.click();
      const dialog = await TestbedHarnessEnvironment.documentRootLoader(harness.fixture).getHarness(MatDialogHarness);
      expect(await dialog.getContentText()).not.toContain('stay as they are');
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Dismiss (339)' }))).click();
      const patch = await requestTo(`/api/v1/cases/${ID}`, 'PATCH');
      expect(patch.request.body).toEqual({ status: 'dismissed', note: 'Same dispute everywhere; settled with both.' });
      patch.flush({ moved: 339, unchanged: [] });
      await until(() => !!root().querySelector('[data-testid=case-outcome]'));
      expect(root().querySelector('[data-testid=case-outcome]')?.textContent?.trim()).toBe('339 moved to dismissed.');
    });

    it('offers no triage to a subject institution, but lets it reply on the whole case', async () => {
      await setUp({ username: 'alipay', role: 'institution', institution: 'alipay' });
      await open({ ...CASE, allowedTransitions: [] });
      expect(text()).toContain('No status change is available to you for this case.');
      expect(button('Acknowledge')).toBeUndefined();
      await typeInto('textarea[name=comment]', 'We are reconciling with UnionPay.');
      button('Add comment')!.click();
      const post = await requestTo(`/api/v1/cases/${ID}/comments`, 'POST');
      expect(post.request.body).toEqual({ text: 'We are reconciling with UnionPay.' });
      post.flush(
        {
          comment: {
            id: 2,
            at: '2021-12-07T00:00:00Z',
            author: 'alipay',
            role: 'institution',
            institution: 'alipay',
            text: 'We are reconciling with UnionPay.',
          },
          findings: 339,
        },
        { status: 201, statusText: 'Created' },
      );
      await until(() => text().includes('339 findings'));
      expect(text()).toContain('Your comment shows on the case and on its 339 findings.');
    });

    it('hides the comment box from an auditor', async () => {
      await setUp({ username: 'auditor', role: 'auditor' });
      await open({ ...CASE, allowedTransitions: [] });
      expect(root().querySelector('textarea[name=comment]')).toBeNull();
    });
  });
});
