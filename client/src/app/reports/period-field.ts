import { ChangeDetectionStrategy, Component, computed, Injectable, model } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, type MatDateFormats } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalizedDateAdapter } from '../core/i18n/localized-date-adapter';

/** A month as the language writes it: "February 2023" / "2023年2月"; months in the picker as "Feb" / "2月". */
const MONTH_FORMATS: MatDateFormats = {
  parse: { dateInput: null },
  display: {
    dateInput: { year: 'numeric', month: 'long' },
    monthYearLabel: { year: 'numeric', month: 'short' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
  },
};

const YEAR_MONTH = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$/;

/**
 * The interface's date adapter, reading a typed month: 2023-02, 2023/2 or 2023年2月, or a month's
 * name, or its first letters, and a year in the interface's language ("Sep 2021", "September 2021").
 */
@Injectable()
export class MonthDateAdapter extends LocalizedDateAdapter {
  override parse(value: unknown, parseFormat: object): Date | null {
    if (typeof value !== 'string') return super.parse(value, parseFormat);
    if (value.trim() === '') return null;
    const numeric = YEAR_MONTH.exec(value);
    if (numeric) return firstOfMonth(Number(numeric[1]), Number(numeric[2])) ?? this.invalid();
    const year = /\b(\d{4})\b/.exec(value);
    // A month's name or the start of it ("Sep", "Sept", "September"): at least three letters.
    const word = /\p{L}{3,}/u.exec(value)?.[0].toLowerCase();
    const month = word ? this.getMonthNames('long').findIndex((name) => name.toLowerCase().startsWith(word)) + 1 : 0;
    return year && month > 0 ? (firstOfMonth(Number(year[1]), month) ?? this.invalid()) : this.invalid();
  }
}

function firstOfMonth(year: number, month: number): Date | null {
  return month >= 1 && month <= 12 ? new Date(year, month - 1, 1) : null;
}

/** A YYYY-MM period as a local date on its first day, or null. */
function periodDate(period: string): Date | null {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  return match ? firstOfMonth(Number(match[1]), Number(match[2])) : null;
}

/** A local date's month as a YYYY-MM period. */
function periodOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * The reporting period, picked as a month (year first, then the month) or typed, shown as the
 * interface's language writes a month: the browser's own month input follows the browser's
 * language, not the page's, and spells "February 2023" in a Chinese page.
 */
@Component({
  selector: 'im-period-field',
  // The date picker's parts, not MatDatepickerModule: the module provides its own English
  // MatDatepickerIntl, which would hide the translated one (core/i18n/translated-datepicker-intl.ts).
  imports: [MatDatepicker, MatDatepickerInput, MatDatepickerToggle, MatFormFieldModule, MatInputModule, TranslocoPipe],
  providers: [
    { provide: DateAdapter, useClass: MonthDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: MONTH_FORMATS },
  ],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ 'reports.upload.period' | transloco }}</mat-label>
      <input matInput [matDatepicker]="picker" name="period" required autocomplete="off" [value]="date()" (dateChange)="setDate($event.value)" />
      <mat-datepicker-toggle matIconSuffix [for]="picker" />
      <mat-datepicker #picker startView="multi-year" (monthSelected)="chooseMonth($event, picker)" />
      <mat-hint>{{ 'reports.upload.periodHint' | transloco }}</mat-hint>
    </mat-form-field>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PeriodField {
  /** The period as the API writes it (YYYY-MM); empty while what is typed is not a month. */
  readonly period = model.required<string>();

  protected readonly date = computed(() => periodDate(this.period()));

  protected setDate(date: Date | null): void {
    this.period.set(date && !Number.isNaN(date.getTime()) ? periodOf(date) : '');
  }

  /** A month picked in the calendar is the answer: no day to choose after it. */
  protected chooseMonth(date: Date, picker: MatDatepicker<Date>): void {
    this.setDate(date);
    picker.close();
  }
}
