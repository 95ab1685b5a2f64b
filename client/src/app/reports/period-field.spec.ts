import { Component, provideZonelessChangeDetection, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideI18nTesting } from '../../testing/i18n-testing';
import { PeriodField } from './period-field';

@Component({
  imports: [PeriodField],
  template: `<im-period-field [(period)]="period" />`,
})
class Host {
  readonly period = signal('2023-02');
}

describe('PeriodField', () => {
  let fixture: ComponentFixture<Host>;
  const input = () => (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('input[name=period]')!;

  async function render(lang: 'en' | 'zh-CN') {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideNoopAnimations(), provideI18nTesting(lang)] });
    fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
  }

  async function type(text: string) {
    input().value = text;
    input().dispatchEvent(new Event('input'));
    input().dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  it('writes the month as a Chinese reader does in a Chinese page, and reads 2023年3月 typed', async () => {
    await render('zh-CN');
    expect(input().value).toBe('2023年2月');
    await type('2023年3月');
    expect(fixture.componentInstance.period()).toBe('2023-03');
    expect(input().value).toBe('2023年3月');
  });

  it('names the months of the picker in Chinese', async () => {
    await render('zh-CN');
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('mat-datepicker-toggle button')!.click();
    await fixture.whenStable();
    // The picker opens on the years; choosing one shows its months.
    const year = document.querySelector<HTMLButtonElement>('.mat-calendar-body-active, .mat-calendar-body-cell[aria-pressed=true]')!;
    year.click();
    await fixture.whenStable();
    const months = [...document.querySelectorAll('.mat-calendar-body-cell-content')].map((c) => c.textContent.trim());
    expect(months.slice(0, 3)).toEqual(['1月', '2月', '3月']);
  });

  it('writes the month in English in an English page and reads a typed 2021-07 or “Sep 2021”', async () => {
    await render('en');
    expect(input().value).toBe('February 2023');
    await type('2021-07');
    expect(fixture.componentInstance.period()).toBe('2021-07');
    await type('Sep 2021');
    expect(fixture.componentInstance.period()).toBe('2021-09');
  });

  it('empties the period while what is typed is not a month', async () => {
    await render('en');
    await type('2021-13');
    expect(fixture.componentInstance.period()).toBe('');
  });
});
