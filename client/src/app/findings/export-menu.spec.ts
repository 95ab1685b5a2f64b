import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatMenuHarness, MatMenuItemHarness } from '@angular/material/menu/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { awaitRequest } from '../../testing/http-requests';
import { ExportMenu } from './export-menu';

describe('ExportMenu', () => {
  let http: HttpTestingController;

  async function exportFrom(rows: string, format: string, sort: string) {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideNoopAnimations(), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    // The browser's download is not what is tested here: only the request and what the menu says after.
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const fixture = TestBed.createComponent(ExportMenu);
    fixture.componentRef.setInput('filters', { rule: 'CONS-001', status: 'open' });
    fixture.componentRef.setInput('sort', sort);
    const menu = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatMenuHarness);
    await menu.clickItem({ text: rows }, { text: format });
    const request = await awaitRequest(http, '/api/v1/exports/findings');
    const params = Object.fromEntries(request.request.params.keys().map((k) => [k, request.request.params.get(k)]));
    request.flush(new Blob(['x']), {
      headers: {
        'Content-Disposition': 'attachment; filename="interop-cases.csv"',
        'X-Content-SHA256': 'a'.repeat(64),
        'X-Export-Rows': '41',
      },
    });
    const element = fixture.nativeElement as HTMLElement;
    for (let i = 0; i < 100 && !element.querySelector('[role=status]'); i++) {
      fixture.detectChanges();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return { params, text: (fixture.nativeElement as HTMLElement).textContent ?? '' };
  }

  it('exports one row per case with the filters, leaving out a sort cases do not have', async () => {
    const { params, text } = await exportFrom('By case (one row per case)', 'CSV (spreadsheet text)', 'city');
    expect(params).toEqual({ rule: 'CONS-001', status: 'open', format: 'csv', by: 'case' });
    expect(text).toContain('Downloaded interop-cases.csv (41 cases).');
  });

  it('prints the cases as PDF with the filters', async () => {
    const { params } = await exportFrom('By case (one row per case)', 'PDF report', '-cities');
    expect(params).toEqual({ rule: 'CONS-001', status: 'open', format: 'pdf', by: 'case', sort: '-cities' });
  });

  it('offers every format of cases, PDF included, as of findings', async () => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideNoopAnimations(), provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(ExportMenu);
    const menu = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatMenuHarness);
    await menu.open();
    const byCase = await menu.getHarness(MatMenuItemHarness.with({ text: 'By case (one row per case)' }));
    const submenu = (await byCase.getSubmenu())!;
    await submenu.open();
    const formats = await submenu.getItems();
    expect(await Promise.all(formats.map((f) => f.getText()))).toEqual([
      'CSV (spreadsheet text)',
      'Excel workbook (XLSX)',
      'PDF report',
      'JSON (machine-readable)',
    ]);
  });

  it('exports one row per finding as before, with the list’s sort', async () => {
    const { params } = await exportFrom('By finding (one row per city)', 'Excel workbook (XLSX)', '-lastPeriod');
    expect(params).toEqual({ rule: 'CONS-001', status: 'open', format: 'xlsx', sort: '-lastPeriod' });
  });
});
