import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Session } from '../core/auth/session';
import { Language } from '../core/i18n/language';
import { filenameOf } from '../shared/file-download';
import { describeFilters, ExportsPage, filtersAsQuery, listQueryOf } from './exports-page';
import { awaitRequest } from '../../testing/http-requests';

/** An export as GET /exports lists it, made by the auditor and kept. */
function pastExport(details: Record<string, unknown>) {
  return {
    seq: 9,
    at: '2026-11-25T08:42:23.506Z',
    actor: 'auditor',
    action: 'export.findings',
    target: 'findings',
    details,
    prevHash: '0'.repeat(64),
    hash: 'c'.repeat(64),
    file: { kept: true, keptUntil: '2027-11-25T08:42:23.506Z' },
  };
}

describe('export helpers', () => {
  it('describes filters and turns them back into the findings list’s URL', () => {
    expect(describeFilters({ rule: ['EXCL-001'], status: ['open', 'acknowledged'] })).toBe('rule EXCL-001 · status open, acknowledged');
    expect(describeFilters({})).toBe('');
    expect(filtersAsQuery({ rule: ['EXCL-001', 'DISC-001'], city: '110000' })).toEqual({ rule: 'EXCL-001,DISC-001', city: '110000' });
  });

  it('words the filters when given words, and leaves unknown ones as stored', () => {
    const words = {
      name: (f: string) => ({ rule: '规则', status: '状态' })[f] ?? f,
      value: (f: string, v: string) => (f === 'status' ? ({ open: '待处理', acknowledged: '已知悉' }[v] ?? v) : v),
    };
    expect(describeFilters({ rule: ['EXCL-001'], status: ['open', 'acknowledged'], sort: '-severity' }, words)).toBe(
      '规则 EXCL-001 · 状态 待处理, 已知悉 · sort -severity',
    );
  });

  it('opens an export by case again as the cases, and any other as the findings one by one', () => {
    expect(listQueryOf({ by: 'case', filters: { rule: ['CONS-001'] } })).toEqual({ rule: 'CONS-001' });
    expect(listQueryOf({ filters: { rule: ['CONS-001'] } })).toEqual({ rule: 'CONS-001', view: 'findings' });
    expect(listQueryOf({ by: 'finding' })).toEqual({ view: 'findings' });
  });

  it('reads the file name from Content-Disposition', () => {
    expect(filenameOf('attachment; filename="interop-findings_2026.xlsx"', 'x')).toBe('interop-findings_2026.xlsx');
    expect(filenameOf("attachment; filename*=UTF-8''%E7%BA%BF%E7%B4%A2.csv", 'x')).toBe('线索.csv');
    expect(filenameOf(null, 'fallback.json')).toBe('fallback.json');
  });
});

describe('ExportsPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function setUp(role: 'auditor' | 'analyst') {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideNoopAnimations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'exports', component: ExportsPage }], withComponentInputBinding()),
      ],
    });
    TestBed.inject(Session).user.set({ username: role, role });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  }

  const requestTo = (url: string) => awaitRequest(http, url);

  const root = () => harness.routeNativeElement as HTMLElement;

  it('lists past exports from the audit trail with format, filters, rows and hash', async () => {
    await setUp('auditor');
    void harness.navigateByUrl('/exports');
    const req = await requestTo('/api/v1/exports');
    expect(req.request.params.get('page')).toBe('1');
    req.flush({
      items: [
        pastExport({
          filename: 'f.xlsx',
          filters: { rule: ['EXCL-001'] },
          format: 'xlsx',
          rows: 2,
          sha256: 'b'.repeat(64),
          sort: '-severity',
        }),
      ],
      total: 1,
    });
    await harness.fixture.whenStable();
    const text = root().textContent;
    expect(text).toContain('XLSX');
    expect(text).toContain('rule EXCL-001');
    expect(text).toContain('b'.repeat(64));
    expect(text).toContain('Download again');
  });

  it('names a past export’s filters and statuses in Chinese in a Chinese page', async () => {
    await setUp('auditor');
    await TestBed.inject(Language).choose('zh-CN');
    void harness.navigateByUrl('/exports');
    (await requestTo('/api/v1/exports')).flush({
      items: [
        pastExport({
          filename: 'f.csv',
          filters: { rule: ['EXCL-001'], status: ['open', 'acknowledged'], period: '2021-06' },
          format: 'csv',
          rows: 2,
          sha256: 'b'.repeat(64),
          sort: '-severity',
        }),
      ],
      total: 1,
    });
    await harness.fixture.whenStable();
    expect(root().textContent).toContain('规则 EXCL-001 · 状态 待处理, 已知悉 · 报告期 2021年6月');
  });

  it('links each past export to the list it was made from: a per-finding export to the findings, a case export to the cases', async () => {
    await setUp('auditor');
    void harness.navigateByUrl('/exports');
    const past = (seq: number, details: Record<string, unknown>) => ({
      seq,
      at: '2026-11-25T08:42:23.506Z',
      actor: 'auditor',
      action: 'export.findings',
      target: 'findings',
      details: { filename: `f${seq}.csv`, format: 'csv', rows: 2, sha256: 'b'.repeat(64), ...details },
      prevHash: '0'.repeat(64),
      hash: 'c'.repeat(64),
      file: { kept: false, keptUntil: null },
    });
    (await requestTo('/api/v1/exports')).flush({
      items: [
        past(10, { by: 'case', filters: { rule: ['CONS-001'] } }),
        past(9, { filters: { rule: ['EXCL-001'], status: ['open', 'acknowledged'] } }),
        past(8, { filters: {} }),
      ],
      total: 3,
    });
    await harness.fixture.whenStable();
    const hrefs = [...root().querySelectorAll('table a[href^="/findings"]')].map((a) => decodeURIComponent(a.getAttribute('href')!));
    expect(hrefs).toEqual([
      '/findings?rule=CONS-001',
      '/findings?rule=EXCL-001&status=open,acknowledged&view=findings',
      '/findings?view=findings',
    ]);
  });

  it('checks a chosen file against the export records and says when it matches none', async () => {
    await setUp('analyst');
    void harness.navigateByUrl('/exports');
    (await requestTo('/api/v1/exports')).flush({ items: [], total: 0 });
    await harness.fixture.whenStable();
    const picker = root().querySelector('input[type=file]') as HTMLInputElement;
    Object.defineProperty(picker, 'files', { value: [new File(['changed'], 'findings.csv')] });
    picker.dispatchEvent(new Event('change'));
    const req = await requestTo('/api/v1/exports/check');
    expect(req.request.method).toBe('POST');
    expect((req.request.body as FormData).get('file')).toBeInstanceOf(File);
    req.flush({ status: 404, code: 'EXPORT_NOT_MATCHED', title: 'Not found' }, { status: 404, statusText: 'Not Found' });
    for (let i = 0; i < 100 && !root().querySelector('[data-testid=export-check-outcome]'); i++) {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(root().querySelector('[data-testid=export-check-outcome]')?.textContent).toContain('findings.csv matches no recorded export');
  });

  it('lists past exports to an analyst too, through /exports rather than the audit trail', async () => {
    await setUp('analyst');
    void harness.navigateByUrl('/exports');
    (await requestTo('/api/v1/exports')).flush({ items: [], total: 0 });
    await harness.fixture.whenStable();
    expect(root().textContent).toContain('No findings have been exported yet');
    expect(http.match('/api/v1/audit')).toHaveLength(0);
  });
});
