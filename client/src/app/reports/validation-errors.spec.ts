import { provideZonelessChangeDetection, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { ProblemItem } from '../core/api/api-types';
import { Viewport } from '../core/layout/viewport';
import { provideI18nTesting } from '../../testing/i18n-testing';
import { ValidationErrors } from './validation-errors';

const ERRORS: ProblemItem[] = [{ code: 'UNKNOWN_CITY', message: '没有代码为 "999999" 的地级市', row: 2, column: 'city' }];
const WARNINGS: ProblemItem[] = [
  { code: 'LINK_DROPPED', message: '上期有效的互通关系本期缺失', row: 5 },
  { code: 'FEE_ABOVE_100_BPS', message: '费率超过 100 个基点', path: '$.agreements[0].fee_bps' },
];

describe('ValidationErrors', () => {
  let fixture: ComponentFixture<ValidationErrors>;
  const root = () => fixture.nativeElement as HTMLElement;

  async function render(errors: ProblemItem[], warnings: ProblemItem[], options: { lang: 'en' | 'zh-CN'; narrow: boolean }) {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideI18nTesting(options.lang),
        { provide: Viewport, useValue: { narrow: signal(options.narrow), noSideNav: signal(options.narrow) } },
      ],
    });
    fixture = TestBed.createComponent(ValidationErrors);
    fixture.componentRef.setInput('errors', errors);
    fixture.componentRef.setInput('warnings', warnings);
    await fixture.whenStable();
  }

  it('shows the warnings after the errors, each in a table of its own', async () => {
    await render(ERRORS, WARNINGS, { lang: 'en', narrow: false });
    const sections = [...root().querySelectorAll('section')];
    expect(sections.map((s) => s.dataset['testid'])).toEqual(['validation-errors', 'validation-warnings']);
    expect(sections.map((s) => s.querySelector('h3')!.textContent.trim())).toEqual([
      '1 problem — nothing was stored',
      '2 warnings — they do not block the report: check them too',
    ]);
    expect(sections.map((s) => s.querySelector('table')!.getAttribute('aria-label'))).toEqual(['Validation errors', 'Validation warnings']);
    expect(sections[1].classList).toContain('warning');
  });

  it('on a phone in Chinese, says where each warning is as a Chinese row number', async () => {
    await render(ERRORS, WARNINGS, { lang: 'zh-CN', narrow: true });
    const warnings = root().querySelector('[data-testid=validation-warnings]')!;
    expect(warnings.querySelector('h3')!.textContent).toContain('另有 2 条提示：不影响报送，请一并核对');
    const cells = [...warnings.querySelectorAll('tr.mat-mdc-row td:first-child')].map((td) => td.textContent.replace(/\s+/g, ' ').trim());
    // The field and the code stand on two lines (a <br>), which textContent does not show.
    expect(cells).toEqual(['第 5 行 LINK_DROPPED', '$.agreements[0].fee_bpsFEE_ABOVE_100_BPS']);
    expect(root().querySelector('[data-testid=validation-errors] td')!.textContent).toContain('第 2 行');
  });

  it('shows no warnings table when there are none', async () => {
    await render(ERRORS, [], { lang: 'en', narrow: false });
    expect(root().querySelector('[data-testid=validation-warnings]')).toBeNull();
    expect(root().querySelectorAll('[data-testid=validation-errors] tr.mat-mdc-row')).toHaveLength(1);
  });
});
