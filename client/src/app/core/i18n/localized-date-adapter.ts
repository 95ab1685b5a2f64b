import { effect, inject, Injectable, type Provider } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MAT_NATIVE_DATE_FORMATS, NativeDateAdapter } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { Language } from './language';
import { TranslatedDatepickerIntl } from './translated-datepicker-intl';

const YEAR_FIRST = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/;
const DAY_FIRST = /^\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})\s*$/;

/** A calendar date at local midnight, or null when the day does not exist (31/02/2021). */
function calendarDate(year: number, month: number, day: number): Date | null {
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

/**
 * Material's date adapter in the interface's language: dates show and are typed as the language
 * writes them (2021/3/10 in Chinese, 10/03/2021 in English, as the app's en-GB formatting does),
 * never in the browser's US order. Typed dates are read year first (2021-03-10, 2021/3/10,
 * 2021年3月10日) or day first (10/03/2021); Date.parse would read 10/03/2021 as 3 October.
 */
@Injectable()
export class LocalizedDateAdapter extends NativeDateAdapter {
  constructor() {
    super();
    const language = inject(Language);
    effect(() => this.setLocale(language.locale()));
  }

  override parse(value: unknown, parseFormat: object): Date | null {
    if (typeof value !== 'string') return super.parse(value, parseFormat);
    if (value.trim() === '') return null;
    const yearFirst = YEAR_FIRST.exec(value);
    if (yearFirst) return calendarDate(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])) ?? this.invalid();
    const dayFirst = DAY_FIRST.exec(value);
    if (dayFirst) return calendarDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])) ?? this.invalid();
    return this.invalid();
  }
}

/** Material date pickers that follow the interface's language, in their dates and their labels. */
export function provideLocalizedDates(): Provider[] {
  return [
    { provide: DateAdapter, useClass: LocalizedDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: MAT_NATIVE_DATE_FORMATS },
    { provide: MatDatepickerIntl, useClass: TranslatedDatepickerIntl },
  ];
}

/** A local calendar date as the API's YYYY-MM-DD. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The API's YYYY-MM-DD as a local calendar date, or null for an empty or malformed value. */
export function fromIsoDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}
