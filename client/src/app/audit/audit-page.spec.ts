import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Language } from '../core/i18n/language';
import { AuditPage } from './audit-page';
import { auditParams, auditQueryParams, parseAuditQuery } from './audit-query';
import { awaitRequest } from '../../testing/http-requests';

const ENTRY = {
  seq: 806,
  at: '2026-11-25T08:42:23.506Z',
  actor: 'analyst',
  action: 'export.findings',
  target: 'findings',
  details: { format: 'csv', rows: 2 },
  prevHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
};

describe('audit query', () => {
  it('reads the URL, dropping unknown actions and bad dates', () => {
    expect(parseAuditQuery({ from: '2026-11-01', to: 'yesterday', action: 'export.findings,hack', actor: ' auditor ', page: '2' })).toEqual(
      {
        from: '2026-11-01',
        to: '',
        actor: 'auditor',
        action: ['export.findings'],
        target: '',
        hideLogins: false,
        page: 2,
        pageSize: 25,
      },
    );
  });

  it('hides logins by leaving their actions out, and keeps the choice in the URL', () => {
    const query = parseAuditQuery({ logins: 'hidden' });
    expect(auditParams(query)).toEqual({
      sort: '-seq',
      page: '1',
      pageSize: '25',
      excludeAction: 'auth.login,auth.login_failed,auth.logout',
    });
    expect(auditQueryParams(query).logins).toBe('hidden');
  });

  it('asks for the newest entries first and leaves defaults out of the URL', () => {
    const query = parseAuditQuery({ action: 'auth.login' });
    expect(auditParams(query)).toEqual({ sort: '-seq', page: '1', pageSize: '25', action: 'auth.login' });
    expect(auditQueryParams(query)).toEqual({
      from: null,
      to: null,
      actor: null,
      action: 'auth.login',
      target: null,
      logins: null,
      page: null,
      pageSize: null,
    });
  });
});

describe('AuditPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideNoopAnimations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'audit', component: AuditPage }], withComponentInputBinding()),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  const requestTo = (url: string) => awaitRequest(http, url);

  async function until(condition: () => boolean): Promise<void> {
    for (let i = 0; i < 100 && !condition(); i++) {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  const root = () => harness.routeNativeElement as HTMLElement;
  const button = (label: string) =>
    [...root().querySelectorAll('button')].find((b) => b.textContent?.trim() === label) as HTMLButtonElement;

  async function open(url: string) {
    void harness.navigateByUrl(url);
    const req = await requestTo('/api/v1/audit');
    req.flush({ items: [ENTRY], total: 1 });
    // The details name institutions from the reference data.
    http.match('/api/v1/institutions').forEach((r) => r.flush({ items: [] }));
    http.match('/api/v1/cities').forEach((r) => r.flush({ items: [] }));
    await harness.fixture.whenStable();
    return req;
  }

  it('sends the URL’s filters and shows the entries with their action in words', async () => {
    const req = await open('/audit?actor=analyst&action=export.findings&from=2026-11-01');
    expect(req.request.params.get('actor')).toBe('analyst');
    expect(req.request.params.get('action')).toBe('export.findings');
    expect(req.request.params.get('from')).toBe('2026-11-01');
    expect(root().textContent).toContain('Findings exported');
    expect(root().textContent).toContain('1 entry');
  });

  it('names the details’ fields in Chinese in a Chinese page, and again in English after a switch', async () => {
    await TestBed.inject(Language).choose('zh-CN');
    await open('/audit');
    const details = () => [...root().querySelectorAll('.details .field')].map((f) => f.textContent.trim());
    expect(details()).toEqual(['格式 csv', '行数 2']);
    await TestBed.inject(Language).choose('en');
    await until(() => details()[1] === 'rows 2');
    expect(details()).toEqual(['format csv', 'rows 2']);
  });

  it('puts a typed actor into the URL', async () => {
    await open('/audit');
    const actor = root().querySelector('input[name=actor]') as HTMLInputElement;
    actor.value = 'auditor';
    actor.dispatchEvent(new Event('change'));
    await requestTo('/api/v1/audit');
    expect(TestBed.inject(Router).url).toBe('/audit?actor=auditor');
  });

  it('shows the dates in English day-first order and reads a typed one so, not as a US date', async () => {
    await open('/audit?from=2026-11-01');
    const from = root().querySelector('input[name=from]') as HTMLInputElement;
    expect(from.value).toBe('01/11/2026');
    from.value = '02/11/2026';
    from.dispatchEvent(new Event('input'));
    from.dispatchEvent(new Event('change'));
    await requestTo('/api/v1/audit');
    expect(TestBed.inject(Router).url).toBe('/audit?from=2026-11-02');
  });

  it('shows the dates year first and the pickers’ labels in Chinese in a Chinese page', async () => {
    await TestBed.inject(Language).choose('zh-CN');
    await open('/audit?from=2026-11-01&to=2026-11-30');
    expect((root().querySelector('input[name=from]') as HTMLInputElement).value).toBe('2026/11/1');
    expect((root().querySelector('input[name=to]') as HTMLInputElement).value).toBe('2026/11/30');
    expect(root().querySelector('mat-datepicker-toggle button')?.getAttribute('aria-label')).toBe('打开日历');
  });

  it('shows the head hash and count of an intact chain', async () => {
    await open('/audit');
    button('Verify chain').click();
    (await requestTo('/api/v1/audit/verify')).flush({ ok: true, entries: 807, head: 'f'.repeat(64) });
    await until(() => !!root().textContent?.includes('intact'));
    expect(root().textContent).toContain('The chain is intact: 807 entries checked.');
    expect(root().textContent).toContain('f'.repeat(64));
  });

  it('checks a pasted earlier head and says plainly that the trail no longer contains it', async () => {
    await open('/audit');
    const head = root().querySelector('input[name=earlierHead]') as HTMLInputElement;
    head.value = ` ${'E'.repeat(64)} `;
    head.dispatchEvent(new Event('input'));
    await until(() => !button('Verify chain').disabled);
    button('Verify chain').click();
    const req = await requestTo('/api/v1/audit/verify');
    expect(req.request.params.get('head')).toBe('e'.repeat(64));
    req.flush({ ok: true, entries: 900, head: 'f'.repeat(64), contains: false });
    await until(() => !!root().querySelector('[data-testid=audit-contains]'));
    expect(root().querySelector('[data-testid=audit-contains]')!.textContent).toContain('No: the trail does not contain this head');
  });

  it('names the broken entry and why', async () => {
    await open('/audit');
    button('Verify chain').click();
    (await requestTo('/api/v1/audit/verify')).flush({ ok: false, brokenAt: 42, reason: 'hash' });
    await until(() => !!root().querySelector('[role=alert]'));
    const alert = root().querySelector('[role=alert]')!.textContent;
    expect(alert).toContain('The chain is broken at entry 42.');
    expect(alert).toContain('the entry was altered');
  });

  it('shows a refusal through the problem view', async () => {
    void harness.navigateByUrl('/audit');
    (await requestTo('/api/v1/audit')).flush(
      { status: 403, code: 'FORBIDDEN', title: 'Forbidden' },
      { status: 403, statusText: 'Forbidden' },
    );
    http.match('/api/v1/institutions').forEach((r) => r.flush({ items: [] }));
    http.match('/api/v1/cities').forEach((r) => r.flush({ items: [] }));
    await harness.fixture.whenStable();
    expect(root().querySelector('[role=alert]')?.textContent).toContain('Not allowed');
  });
});
