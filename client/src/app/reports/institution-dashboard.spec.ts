import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { Obligations } from '../core/api/api-types';
import { InstitutionDashboard } from './institution-dashboard';

const CALENDAR: Obligations = {
  institution: 'alipay',
  active: true,
  dueDay: 15,
  today: '2026-11-25',
  nextDue: { period: '2026-11', dueDate: '2026-12-15' },
  items: [
    { period: '2026-11', dueDate: '2026-12-15', status: 'due', report: null, finding: null },
    { period: '2026-10', dueDate: '2026-11-15', status: 'late', report: null, finding: { id: 4, status: 'open' } },
    {
      period: '2026-09',
      dueDate: '2026-10-15',
      status: 'submitted',
      report: { id: 12, version: 2, receivedAt: '2026-10-20T08:00:00.000Z', firstReceivedAt: '2026-10-16T08:00:00.000Z', onTime: false },
      finding: null,
    },
  ],
};
const RECEIPT = {
  id: 12,
  institution: 'alipay',
  period: '2026-09',
  version: 2,
  receivedAt: '2026-10-20T08:00:00.000Z',
  sha256: 'ab'.repeat(32),
  counts: { links: 3, agreements: 1 },
  warnings: [],
};

describe('InstitutionDashboard', () => {
  let fixture: ComponentFixture<InstitutionDashboard>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [InstitutionDashboard],
      providers: [
        provideZonelessChangeDetection(),
        provideNoopAnimations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(InstitutionDashboard);
    fixture.componentRef.setInput('institution', 'alipay');
    element = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  /** The component stays unstable while its resources wait for answers, so tests poll for the requests instead. */
  async function requestTo(url: string) {
    for (let i = 0; i < 100; i++) {
      TestBed.tick();
      const found = http.match(url);
      if (found.length > 0) return found[0];
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no request to ${url}`);
  }

  async function answer(calendar: Obligations = CALENDAR): Promise<void> {
    (await requestTo('/api/v1/institutions/alipay/obligations')).flush(calendar);
    if (calendar.items.some((o) => o.report?.id === 12)) (await requestTo('/api/v1/reports/12/receipt')).flush(RECEIPT);
    await fixture.whenStable();
  }

  const text = (testId: string) => element.querySelector(`[data-testid=${testId}]`)?.textContent?.replace(/\s+/g, ' ') ?? '';
  const statuses = () => [...element.querySelectorAll('tr.mat-mdc-row')].map((r) => r.getAttribute('data-status'));

  it('shows the next deadline, the late periods and the latest receipt', async () => {
    await answer();
    expect(text('next-due')).toContain('Nov 2026');
    expect(text('next-due')).toContain('20 days left');
    expect(text('late')).toContain('1');
    expect(text('late')).toContain('Oldest: Oct 2026');
    expect(text('latest-receipt')).toContain('Sept 2026 · version 2');
    expect(text('latest-receipt')).toContain('abababab');
  });

  it('lists every period with its status, and says when a report came after its due date', async () => {
    await answer();
    expect(statuses()).toEqual(['due', 'late', 'submitted']);
    const submittedRow = element.querySelector('tr[data-status=submitted]')!.textContent;
    expect(submittedRow).toContain('arrived after the due date');
    expect(submittedRow).toContain('New version');
    const submitLinks = [...element.querySelectorAll<HTMLAnchorElement>('tr[data-status=late] a')].map((a) => a.getAttribute('href'));
    expect(submitLinks).toEqual(['/reports/submit?period=2026-10']);
  });

  it('shows only the outstanding periods when the URL asks for them', async () => {
    fixture.componentRef.setInput('show', 'outstanding');
    await answer();
    expect(statuses()).toEqual(['due', 'late']);
  });

  it('says there is nothing outstanding rather than showing an empty table', async () => {
    fixture.componentRef.setInput('show', 'outstanding');
    await answer({ ...CALENDAR, nextDue: null, items: [CALENDAR.items[2]] });
    expect(element.textContent).toContain('Nothing outstanding');
    expect(text('late')).toContain('No report is late');
  });
});
