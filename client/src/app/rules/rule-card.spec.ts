import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { RuleView } from '../core/api/api-types';
import { Language } from '../core/i18n/language';
import { RuleCard } from './rule-card';

const RULE: RuleView = {
  id: 'DISC-001',
  version: 1,
  title: { en: 'Discriminatory fee', zh: '歧视性收费' },
  description: { en: 'Fees differ by more than feeSpreadBps.', zh: '费率差超过 feeSpreadBps。' },
  severity: 'medium',
  enabled: true,
  settings: { feeSpreadBps: 10, highRatio: 2 },
  defaults: { feeSpreadBps: 10, highRatio: 2 },
  counts: { open: 3, resolved: 1 },
  updatedAt: '2021-07-01T00:00:00Z',
  updatedBy: 'system',
};

describe('RuleCard', () => {
  let fixture: ComponentFixture<RuleCard>;
  let http: HttpTestingController;

  async function create(canChange: boolean) {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    fixture = TestBed.createComponent(RuleCard);
    fixture.componentRef.setInput('rule', RULE);
    fixture.componentRef.setInput('canChange', canChange);
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
  }

  const root = () => fixture.nativeElement as HTMLElement;
  const button = (label: string) => [...root().querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  async function type(name: string, value: string) {
    const input = root().querySelector(`input[name=${name}]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('shows the title, description and finding counts by status', async () => {
    await create(false);
    expect(root().textContent).toContain('Discriminatory fee');
    expect(root().textContent).toContain('3 open');
    expect(root().textContent).toContain('All 4 findings');
    // Settings are named in words, with the API's name beside them.
    // The whole name, in a label of its own that wraps, not a field label cut to one line.
    const label = root().querySelector('label.setting-label') as HTMLLabelElement;
    expect(label.textContent).toContain('Fee gap over the lowest (basis points)');
    expect(root().querySelector(`input#${label.htmlFor}`)?.getAttribute('name')).toBe('feeSpreadBps');
    expect(root().querySelector('mat-form-field mat-label')).toBeNull();
    expect(root().querySelector('mat-hint')?.textContent).toContain('feeSpreadBps');
  });

  describe('names the settings its description mentions by their meaning, not their API name', () => {
    it('in English, with their current values', async () => {
      await create(false);
      const description = root().querySelector('.description')!.textContent;
      expect(description).toBe('Fees differ by more than “Fee gap over the lowest (basis points)” (now 10).');
    });

    it('in Chinese', async () => {
      await create(false);
      await TestBed.inject(Language).choose('zh-CN');
      await fixture.whenStable();
      expect(root().querySelector('.description')!.textContent).toBe('费率差超过 “高于最低费率的差额（基点）”（当前为 10）。');
    });
  });

  it('previews edited settings and says what would change', async () => {
    await create(false);
    await type('feeSpreadBps', '20');
    button('Preview')!.click();
    const req = http.expectOne('/api/v1/rules/DISC-001/preview');
    expect(req.request.body).toEqual({ settings: { feeSpreadBps: 20, highRatio: 2 } });
    req.flush({
      ruleId: 'DISC-001',
      period: '2021-12',
      settings: { feeSpreadBps: 20, highRatio: 2 },
      wouldOpen: 0,
      wouldResolve: 3,
      unchanged: 1,
    });
    await fixture.whenStable();
    expect(root().textContent).toContain(
      'With “Fee gap over the lowest (basis points)” at 20, “High severity from this multiple of the lowest fee” at 2: 3 would resolve, 0 would open, 1 unchanged.',
    );
    expect(button('Save')).toBeUndefined();
  });

  it('does not preview a blank setting', async () => {
    await create(true);
    await type('highRatio', '');
    expect(button('Preview')!.disabled).toBe(true);
    expect(button('Save')!.disabled).toBe(true);
  });

  it('lets an admin save the edited settings and passes the answer on', async () => {
    await create(true);
    const changed: RuleView[] = [];
    fixture.componentInstance.changed.subscribe((r) => changed.push(r));
    expect(button('Save')!.disabled).toBe(true);
    await type('feeSpreadBps', '25');
    button('Save')!.click();
    const req = http.expectOne('/api/v1/rules/DISC-001');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ settings: { feeSpreadBps: 25, highRatio: 2 } });
    req.flush({ ...RULE, settings: { feeSpreadBps: 25, highRatio: 2 } });
    await fixture.whenStable();
    expect(changed[0].settings['feeSpreadBps']).toBe(25);
  });

  it('shows the server’s refusal of a previewed setting beside that setting, and no preview', async () => {
    await create(false);
    await type('feeSpreadBps', '-5');
    button('Preview')!.click();
    const refusal = {
      status: 422,
      title: 'Validation failed',
      code: 'VALIDATION_FAILED',
      errors: [{ code: 'TOO_SMALL', message: 'Too small: expected number to be >=0', path: '$.settings.feeSpreadBps' }],
    };
    http.expectOne('/api/v1/rules/DISC-001/preview').flush(refusal, { status: 422, statusText: 'Unprocessable' });
    await fixture.whenStable();
    const field = root().querySelector('input[name=feeSpreadBps]')!.closest('.setting')!;
    expect(field.querySelector('.refused')?.textContent).toContain('Refused: Too small: expected number to be >=0');
    expect(root().querySelector('input[name=highRatio]')!.closest('.setting')!.querySelector('.refused')).toBeNull();
    expect(root().textContent).not.toContain('would resolve');
  });

  it('shows the server’s problem when a setting is refused', async () => {
    await create(true);
    await type('feeSpreadBps', '-5');
    button('Save')!.click();
    http
      .expectOne('/api/v1/rules/DISC-001')
      .flush({ status: 422, title: 'Invalid', detail: 'feeSpreadBps must be at least 0' }, { status: 422, statusText: 'Unprocessable' });
    await fixture.whenStable();
    expect(root().querySelector('[role=alert]')?.textContent).toContain('feeSpreadBps must be at least 0');
  });
});
