import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import type { ReportSummary } from '../core/api/api-types';
import { ReferenceData } from '../shared/reference-data';
import { UploadForm } from './upload-form';

describe('UploadForm', () => {
  let fixture: ComponentFixture<UploadForm>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [UploadForm],
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(UploadForm);
    fixture.componentRef.setInput('institution', 'alipay');
    http = TestBed.inject(HttpTestingController);
    element = fixture.nativeElement as HTMLElement;
    // Loaded up front, as the shell has by the time one submits: a request still open would keep the
    // fixture from becoming stable when a receipt first shows.
    TestBed.inject(ReferenceData);
    TestBed.tick();
    answerReferenceData();
    await fixture.whenStable();
  });

  /** Answers the reference data a receipt names the institution from (asked for once, when one shows). */
  function answerReferenceData(): void {
    http.match('/api/v1/institutions').forEach((r) =>
      r.flush({
        items: [{ id: 'alipay', name: 'Alipay', nameZh: '支付宝', kind: 'wallet', group: 'ant-group', systemic: true, active: true }],
      }),
    );
    http.match('/api/v1/cities').forEach((r) => r.flush({ items: [] }));
  }

  afterEach(() => http.verify());

  async function chooseLinksAndSubmit(buttonText: string): Promise<void> {
    const input = element.querySelector<HTMLInputElement>('input[type=file]')!;
    const file = new File(['scanner,issuer,mode,channel,city,status,since\n'], 'links.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const button = [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === buttonText)!;
    expect(button.disabled).toBe(false);
    button.click();
  }

  /** The report sent, once the form has sent it. */
  async function posted(): Promise<TestRequest> {
    let sent: TestRequest[] = [];
    await until(() => (sent = http.match((r) => r.method === 'POST' && r.url === '/api/v1/reports')).length > 0);
    expect(sent).toHaveLength(1);
    return sent[0];
  }

  /** Answers the form's question "is there a version of this month already?" (before a real submission). */
  function answerLatestVersion(latest: ReportSummary | null): void {
    const req = http.expectOne((r) => r.method === 'GET' && r.url === '/api/v1/reports');
    expect(req.request.params.get('institution')).toBe('alipay');
    expect(req.request.params.get('pageSize')).toBe('1');
    req.flush({ items: latest ? [latest] : [], total: latest ? 1 : 0 });
  }

  const submitButton = () => [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Submit')!;

  describe('when the server finds errors', () => {
    it('lists every error with its code, row and column, and no receipt', async () => {
      await chooseLinksAndSubmit('Submit');
      answerLatestVersion(null);
      const req = await posted();
      expect(req.request.body instanceof FormData).toBe(true);
      expect((req.request.body as FormData).get('institution')).toBe('alipay');
      req.flush(
        {
          type: 'about:blank',
          title: 'Validation failed',
          status: 422,
          code: 'VALIDATION_FAILED',
          detail: '3 problems found; nothing was stored.',
          errors: [
            { code: 'UNKNOWN_CITY', message: 'links: no prefecture-level city "999999"', row: 2, column: 'city' },
            { code: 'NOT_A_PARTY', message: 'links: alipay is neither the scanner nor the issuer of this link', row: 3 },
            { code: 'BAD_VALUE', message: 'links: Invalid option', row: 4, column: 'mode' },
          ],
        },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
      await until(() => element.querySelector('[data-testid=validation-errors] tr.mat-mdc-row') !== null);
      const rows = [...element.querySelectorAll('[data-testid=validation-errors] tr.mat-mdc-row')];
      expect(rows.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent?.trim()))).toEqual([
        ['UNKNOWN_CITY', '2', 'city'],
        ['NOT_A_PARTY', '3', ''],
        ['BAD_VALUE', '4', 'mode'],
      ]);
      expect(element.querySelector('[data-testid=receipt]')).toBeNull();
    });
  });

  describe('when the server finds errors and warnings', () => {
    const refusal = {
      type: 'about:blank',
      title: 'Validation failed',
      status: 422,
      code: 'VALIDATION_FAILED',
      detail: '1 problem found; nothing was stored.',
      errors: [{ code: 'UNKNOWN_CITY', message: 'links: no prefecture-level city "999999"', row: 2, column: 'city' }],
      warnings: [
        { code: 'LINK_DROPPED', message: 'links: alipay → unionpay in 110000 was live last month and is missing', row: 5 },
        { code: 'SINCE_AFTER_PERIOD', message: 'links: since 2022-03-01 is after the period', row: 6, column: 'since' },
      ],
    };

    async function refuse(): Promise<void> {
      await chooseLinksAndSubmit('Validate only');
      (await posted()).flush(refusal, { status: 422, statusText: 'Unprocessable Entity' });
      await until(() => element.querySelector('[data-testid=validation-warnings]') !== null);
    }

    it('shows the warnings beside the errors at once, in a table of their own that is not marked as errors', async () => {
      await refuse();
      const errors = element.querySelector('[data-testid=validation-errors]')!;
      const warnings = element.querySelector('[data-testid=validation-warnings]')!;
      expect(errors.querySelectorAll('tr.mat-mdc-row')).toHaveLength(1);
      expect([...warnings.querySelectorAll('tr.mat-mdc-row')].map((r) => r.querySelector('td')?.textContent?.trim())).toEqual([
        'LINK_DROPPED',
        'SINCE_AFTER_PERIOD',
      ]);
      expect(warnings.querySelector('h3')!.textContent).toContain('2 warnings — they do not block the report');
      expect(warnings.querySelector('table')!.getAttribute('aria-label')).toBe('Validation warnings');
      expect(warnings.classList).toContain('warning');
      expect(warnings.classList).not.toContain('error');
    });
  });

  describe('when the report is accepted', () => {
    it('shows the receipt with its version and hash', async () => {
      const stored: unknown[] = [];
      fixture.componentInstance.stored.subscribe((r) => stored.push(r));
      await chooseLinksAndSubmit('Submit');
      answerLatestVersion(null);
      const receipt = {
        id: 7,
        institution: 'alipay',
        period: '2026-10',
        version: 2,
        receivedAt: '2026-11-01T08:00:00Z',
        sha256: 'ab'.repeat(32),
        counts: { links: 1, agreements: 0 },
        warnings: [],
      };
      (await posted()).flush(receipt, { status: 201, statusText: 'Created' });
      await until(() => element.querySelector('[data-testid=receipt]') !== null);
      const card = element.querySelector('[data-testid=receipt]')!;
      expect(card.textContent).toContain('Alipay · Oct 2026 · version 2'); // by name, not the id
      expect(card.textContent).toContain('version 2');
      expect(card.textContent).toContain('ab'.repeat(32));
      expect(stored).toEqual([receipt]);
    });

    it('clears the chosen files, so that Submit stays off until new files are chosen', async () => {
      await chooseLinksAndSubmit('Submit');
      answerLatestVersion(null);
      (await posted()).flush(
        {
          id: 8,
          institution: 'alipay',
          period: '2026-10',
          version: 1,
          receivedAt: '2026-11-01T08:00:00Z',
          sha256: 'ab'.repeat(32),
          counts: { links: 1, agreements: 0 },
          warnings: [],
        },
        { status: 201, statusText: 'Created' },
      );
      await until(() => element.querySelector('[data-testid=receipt]') !== null);
      expect(submitButton().disabled).toBe(true);
      expect(element.querySelector('.file-name')!.textContent?.trim()).toBe('No file chosen');
      expect(element.querySelector<HTMLInputElement>('input[type=file]')!.value).toBe('');
      expect(element.textContent).toContain('The files were cleared so that nothing is sent twice.');
      await chooseLinksAndSubmit('Submit');
      answerLatestVersion(null);
      (await posted()).flush(
        {
          id: 9,
          institution: 'alipay',
          period: '2026-10',
          version: 2,
          receivedAt: '2026-11-01T08:01:00Z',
          sha256: 'cd'.repeat(32),
          counts: { links: 1, agreements: 0 },
          warnings: [],
        },
        { status: 201, statusText: 'Created' },
      );
      await until(() => submitButton().disabled);
    });

    it('validates only, without emitting a stored receipt, when asked for a dry run', async () => {
      const stored: unknown[] = [];
      fixture.componentInstance.stored.subscribe((r) => stored.push(r));
      await chooseLinksAndSubmit('Validate only');
      const req = http.expectOne((r) => r.url === '/api/v1/reports');
      expect(req.request.params.get('dryRun')).toBe('true');
      req.flush({
        id: null,
        dryRun: true,
        institution: 'alipay',
        period: '2026-10',
        version: 1,
        receivedAt: '2026-11-01T08:00:00Z',
        sha256: 'cd'.repeat(32),
        counts: { links: 1, agreements: 0 },
        warnings: [],
      });
      await fixture.whenStable();
      expect(element.querySelector('[data-testid=receipt]')!.textContent).toContain('nothing stored yet');
      expect(stored).toEqual([]);
    });
  });

  describe('when the month was already reported', () => {
    const version1: ReportSummary = {
      id: 3,
      institution: 'alipay',
      period: '2022-01',
      version: 1,
      receivedAt: '2022-02-03T08:00:00Z',
      sha256: 'ab'.repeat(32),
      counts: { links: 12, agreements: 3 },
      warnings: [],
      latest: true,
      submittedBy: 'alipay',
    };
    const LINKS = 'scanner,issuer,mode,channel,city,status,since\nalipay,unionpay,mpm,offline,*,live,2021-03-01\n';
    const AGREEMENTS = 'ref,counterparty,kind,exclusive,fee_bps,cities,modes,channels,restrictions,effective,expires,text\n';

    beforeEach(async () => {
      fixture.componentRef.setInput('initialPeriod', '2022-01');
      await fixture.whenStable();
    });

    it('asks "Replace version 1 of Jan 2022?" first, says the agreements will be dropped when only links are sent, and sends nothing when cancelled', async () => {
      await chooseLinksAndSubmit('Submit');
      answerLatestVersion(version1);
      const dialogs = TestbedHarnessEnvironment.documentRootLoader(fixture);
      const dialog = await dialogs.getHarness(MatDialogHarness);
      expect(await dialog.getTitleText()).toBe('Replace version 1 of Jan 2022?');
      expect(await dialog.getContentText()).toContain('These files have no agreements: the 3 agreements of version 1 will be dropped.');
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
      await until(() => !element.querySelector('mat-progress-bar'));
      expect(await dialogs.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
      http.expectNone((r) => r.method === 'POST');
      expect(submitButton().disabled).toBe(false);
    });

    it('with the agreements file too, asks without the warning and sends once confirmed', async () => {
      await fixture.componentInstance.takeFiles([
        new File([LINKS], 'a.csv', { type: 'text/csv' }),
        new File([AGREEMENTS], 'b.csv', { type: 'text/csv' }),
      ]);
      await fixture.whenStable();
      submitButton().click();
      answerLatestVersion(version1);
      const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
      expect(await dialog.getContentText()).toContain('Submitting stores version 2');
      expect(await dialog.getContentText()).not.toContain('will be dropped');
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Replace version 1' }))).click();
      const req = await posted();
      expect((req.request.body as FormData).get('period')).toBe('2022-01');
      req.flush({ ...version1, id: 4, version: 2 }, { status: 201, statusText: 'Created' });
      await until(() => element.querySelector('[data-testid=receipt]') !== null);
    });
  });

  /** Waits, a few milliseconds at a time, for what a file read and an HTTP answer lead to. */
  async function until(condition: () => boolean): Promise<void> {
    for (let i = 0; i < 200 && !condition(); i++) {
      await new Promise((r) => setTimeout(r, 5));
      await fixture.whenStable();
    }
  }

  describe('when files are dropped', () => {
    const LINKS = 'scanner,issuer,mode,channel,city,status,since\nalipay,unionpay,mpm,offline,*,live,2021-03-01\n';
    const AGREEMENTS = 'ref,counterparty,kind,exclusive,fee_bps,cities,modes,channels,restrictions,effective,expires,text\n';

    it('places each CSV by its header row and sends both', async () => {
      await fixture.componentInstance.takeFiles([
        new File([AGREEMENTS], 'b.csv', { type: 'text/csv' }),
        new File([LINKS], 'a.csv', { type: 'text/csv' }),
      ]);
      await fixture.whenStable();
      expect(element.textContent).toContain('a.csv: taken as the links CSV');
      expect(element.textContent).toContain('b.csv: taken as the agreements CSV');
      [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Validate only')!.click();
      const req = http.expectOne((r) => r.url === '/api/v1/reports');
      const form = req.request.body as FormData;
      expect((form.get('links') as File).name).toBe('a.csv');
      expect((form.get('agreements') as File).name).toBe('b.csv');
      req.flush({
        id: null,
        dryRun: true,
        institution: 'alipay',
        period: '2021-03',
        version: 1,
        receivedAt: '',
        sha256: '',
        counts: { links: 1, agreements: 0 },
        warnings: [],
      });
    });

    it('says which files it could not place, and keeps the send buttons off without a links file', async () => {
      await fixture.componentInstance.takeFiles([new File(['hello'], 'notes.txt')]);
      await fixture.whenStable();
      expect(element.textContent).toContain('notes.txt: not a links or agreements CSV');
      expect([...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Submit')!.disabled).toBe(true);
    });

    it('sends a JSON report as JSON, for the period it names and the user’s institution', async () => {
      const report = { institution: 'someone-else', period: '2021-04', links: [], agreements: [] };
      await fixture.componentInstance.takeFiles([new File([JSON.stringify(report)], 'report.json', { type: 'application/json' })]);
      await fixture.whenStable();
      expect(element.querySelector<HTMLInputElement>('input[name=period]')!.value).toBe('April 2021');
      [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Submit')!.click();
      let question: TestRequest[] = [];
      await until(() => (question = http.match((r) => r.method === 'GET' && r.url === '/api/v1/reports')).length > 0);
      question[0].flush({ items: [], total: 0 });
      const req = await posted();
      expect(req.request.body).toEqual({ institution: 'alipay', period: '2021-04', links: [], agreements: [] });
      expect(req.request.params.has('dryRun')).toBe(false);
      req.flush({
        id: 9,
        institution: 'alipay',
        period: '2021-04',
        version: 1,
        receivedAt: '2026-11-01T08:00:00Z',
        sha256: 'ef'.repeat(32),
        counts: { links: 0, agreements: 0 },
        warnings: [],
      });
      await until(() => element.querySelector('[data-testid=receipt]') !== null);
      expect(element.querySelector('[data-testid=receipt]')!.textContent).toContain('Download receipt');
    });

    it('shows a JSON file that does not parse in the error table, sending nothing', async () => {
      await fixture.componentInstance.takeFiles([new File(['{ not json'], 'broken.json')]);
      await fixture.whenStable();
      [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Validate only')!.click();
      await until(() => element.querySelector('[data-testid=validation-errors]') !== null);
      http.expectNone('/api/v1/reports');
      expect(element.querySelector('[data-testid=validation-errors]')!.textContent).toContain('BAD_JSON');
    });
  });
});
