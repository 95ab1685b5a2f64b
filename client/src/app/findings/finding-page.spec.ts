import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CaseDetail, Finding } from '../core/api/api-types';
import { Session } from '../core/auth/session';
import { Language } from '../core/i18n/language';
import { FindingPage } from './finding-page';
import { awaitRequest } from '../../testing/http-requests';
import { aCase } from '../../testing/cases';

const FINDING: Finding = {
  id: 7,
  fingerprint: 'EXCL-001|tenpay|T-1',
  ruleId: 'EXCL-001',
  ruleVersion: 1,
  severity: 'high',
  subjects: ['tenpay', 'cgb'],
  city: '110000',
  mode: null,
  channel: null,
  firstPeriod: '2020-06',
  lastPeriod: '2021-12',
  periods: [['2020-06', '2021-12']],
  holds: true,
  status: 'acknowledged',
  caseId: '0123456789abcdef',
  explanation: 'Tenpay’s agreement T-1 is exclusive.',
  explanationZh: '财付通的协议 T-1 具有排他性。',
  evidence: [{ reportId: 766, version: 2, institution: 'tenpay', period: '2021-12', agreementRef: 'T-1' }],
  createdAt: '2021-07-01T00:00:00Z',
  updatedAt: '2021-07-01T00:00:00Z',
  history: [
    {
      at: '2021-07-01T00:00:00Z',
      actor: 'system',
      from: null,
      to: 'open',
      note: 'EXCL-001 holds in 2020-06',
      noteZh: 'EXCL-001 在 2020-06 成立',
    },
  ],
  comments: [
    { id: 1, at: '2021-07-02T00:00:00Z', author: 'tenpay', role: 'institution', institution: 'tenpay', text: 'We are ending it.' },
  ],
  allowedTransitions: ['confirmed', 'dismissed'],
};

describe('FindingPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function setUp(user: { username: string; role: 'analyst' | 'auditor' | 'institution'; institution?: string }) {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideNoopAnimations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'findings/:id', component: FindingPage }], withComponentInputBinding()),
      ],
    });
    TestBed.inject(Session).user.set(user);
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  }

  const requestTo = (url: string, method = 'GET') => awaitRequest(http, url, method);

  /** Opens finding 7 and answers the page's reads: the finding, then (when there is one) its case, spanning these cities. */
  async function open(finding: Finding | null = FINDING, caseCities = ['110000', '310000', '654300']) {
    void harness.navigateByUrl('/findings/7');
    const req = await requestTo('/api/v1/findings/7');
    (await requestTo('/api/v1/rules')).flush({ items: [] });
    http.match('/api/v1/institutions').forEach((r) =>
      r.flush({
        items: [
          {
            id: 'tenpay',
            name: 'WeChat Pay (Tenpay)',
            nameZh: '微信支付（财付通）',
            kind: 'wallet',
            group: 'tencent',
            systemic: true,
            active: true,
          },
        ],
      }),
    );
    http.match('/api/v1/cities').forEach((r) =>
      r.flush({
        items: [
          { code: '110000', name: 'Beijing', nameZh: '北京市', province: '110000', provinceName: 'Beijing', provinceNameZh: '北京市' },
        ],
      }),
    );
    if (finding) {
      req.flush(finding);
      const caseRead = await requestTo(`/api/v1/cases/${finding.caseId}`);
      expect(caseRead.request.params.get('pageSize')).toBe('1');
      const found: CaseDetail = {
        ...aCase({ id: finding.caseId, cities: caseCities }),
        findings: { items: [], total: 3 },
        comments: [],
        allowedTransitions: [],
      };
      caseRead.flush(found);
    } else req.flush({ status: 404, title: 'Not Found', detail: 'No finding 7.' }, { status: 404, statusText: 'Not Found' });
    await harness.fixture.whenStable();
  }

  async function until(condition: () => boolean): Promise<void> {
    for (let i = 0; i < 100 && !condition(); i++) {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  const root = () => harness.routeNativeElement as HTMLElement;
  const button = (label: string) => [...root().querySelectorAll('button')].find((b) => b.textContent?.trim() === label);

  it('shows the explanation, names, evidence, history and comments', async () => {
    await setUp({ username: 'analyst', role: 'analyst' });
    await open();
    const text = root().textContent;
    expect(text).toContain('Tenpay’s agreement T-1 is exclusive.');
    expect(text).toContain('WeChat Pay (Tenpay)');
    expect(text).toContain('Beijing (110000)');
    expect(text).toContain('View report 766');
    expect(text).toContain('We are ending it.');
    expect(text).toContain('EXCL-001 holds in 2020-06');
  });

  it('says that a confirmed finding whose condition no longer holds awaits a person’s resolution, and marks superseded evidence', async () => {
    await setUp({ username: 'analyst', role: 'analyst' });
    const superseded = {
      reportId: 700,
      version: 1,
      institution: 'tenpay',
      period: '2021-12',
      agreementRef: 'T-1',
      superseded: true as const,
    };
    await open({
      ...FINDING,
      status: 'confirmed',
      holds: false,
      evidence: [...FINDING.evidence, superseded],
      allowedTransitions: ['resolved'],
    });
    expect(root().querySelector('[role=note]')?.textContent).toContain('A confirmed finding stays confirmed until an analyst resolves it.');
    const items = [...root().querySelectorAll('ul.evidence li')].map((li) => li.textContent ?? '');
    expect(items.map((t) => t.includes('superseded by a later version of the report'))).toEqual([false, true]);
  });

  it('shows the Chinese explanation and names in Chinese', async () => {
    await setUp({ username: 'analyst', role: 'analyst' });
    await TestBed.inject(Language).choose('zh-CN');
    await open();
    expect(root().textContent).toContain('财付通的协议 T-1 具有排他性。');
    expect(root().textContent).toContain('北京市（110000）');
  });

  it('shows the system’s history notes in Chinese in Chinese, and a person’s note as written', async () => {
    await setUp({ username: 'analyst', role: 'analyst' });
    await TestBed.inject(Language).choose('zh-CN');
    const history = [
      {
        at: '2021-07-01T00:00:00Z',
        actor: 'system',
        from: null,
        to: 'open' as const,
        note: 'EXCL-001 holds in 2020-06',
        noteZh: 'EXCL-001 在 2020年6月 成立',
      },
      {
        at: '2021-07-03T00:00:00Z',
        actor: 'analyst',
        from: 'open' as const,
        to: 'acknowledged' as const,
        note: 'Seen; asking Tenpay.',
        noteZh: null,
      },
    ];
    await open({ ...FINDING, history });
    const notes = [...root().querySelectorAll('section[aria-labelledby=history-title] .note')].map((n) => n.textContent?.trim());
    expect(notes).toEqual(['Seen; asking Tenpay.', 'EXCL-001 在 2020年6月 成立']);
  });

  it('offers exactly the allowed transitions, and asks for a note before dismissing', async () => {
    await setUp({ username: 'analyst', role: 'analyst' });
    await open();
    expect(button('Confirm as violation')).toBeDefined();
    expect(button('Dismiss')).toBeDefined();
    expect(button('Acknowledge')).toBeUndefined();
    button('Dismiss')!.click();
    await harness.fixture.whenStable();
    expect(root().textContent).toContain('Write a note saying why before marking it dismissed.');
    expect(http.match((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('sends a confirmation and shows the server’s conflict when the status moved meanwhile', async () => {
    await setUp({ username: 'analyst', role: 'analyst' });
    await open();
    button('Confirm as violation')!.click();
    const patch = await requestTo('/api/v1/findings/7', 'PATCH');
    expect(patch.request.body).toEqual({ status: 'confirmed' });
    patch.flush(
      { status: 409, title: 'Conflict', code: 'STATUS_CHANGED', detail: 'Finding 7 is no longer acknowledged.' },
      { status: 409, statusText: 'Conflict' },
    );
    await until(() => !!root().textContent?.includes('no longer'));
    expect(root().textContent).toContain('Finding 7 is no longer acknowledged.');
  });

  it('lets a subject institution reply, and no one else from the institutions', async () => {
    await setUp({ username: 'tenpay', role: 'institution', institution: 'tenpay' });
    await open({ ...FINDING, allowedTransitions: [] });
    expect(root().textContent).toContain('No status change is available to you');
    const textarea = root().querySelector('textarea[name=comment]') as HTMLTextAreaElement;
    textarea.value = 'Agreement ends in March.';
    textarea.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    button('Add comment')!.click();
    const post = await requestTo('/api/v1/findings/7/comments', 'POST');
    expect(post.request.body).toEqual({ text: 'Agreement ends in March.' });
  });

  it('hides the comment box from an auditor', async () => {
    await setUp({ username: 'auditor', role: 'auditor' });
    await open({ ...FINDING, allowedTransitions: [] });
    expect(root().querySelector('textarea[name=comment]')).toBeNull();
  });

  describe('the way to its case', () => {
    it('names how many cities the case spans and opens it, for a subject institution too', async () => {
      await setUp({ username: 'tenpay', role: 'institution', institution: 'tenpay' });
      await open({ ...FINDING, allowedTransitions: [] });
      const line = root().querySelector('[data-testid=finding-case]')!;
      expect(line.textContent.replace(/\s+/g, ' ').trim()).toBe('Part of a case: 3 cities — open the case');
      expect(line.querySelector('a')!.getAttribute('href')).toBe('/findings/cases/0123456789abcdef');
    });

    it('says it in Chinese, and leaves the count out for a case without cities', async () => {
      await setUp({ username: 'analyst', role: 'analyst' });
      await TestBed.inject(Language).choose('zh-CN');
      await open({ ...FINDING, city: null }, []);
      expect(root().querySelector('[data-testid=finding-case]')!.textContent.replace(/\s+/g, '')).toBe('属于一个案件——查看案件');
    });
  });

  it('shows the problem when the finding cannot be read', async () => {
    await setUp({ username: 'alipay', role: 'institution', institution: 'alipay' });
    await open(null);
    expect(root().querySelector('[role=alert]')?.textContent).toContain('Not found');
  });
});
