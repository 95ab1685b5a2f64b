import { computed, inject, Injectable } from '@angular/core';
import { Language } from './language';

/** Anything the API names in both languages: institutions, cities, provinces. */
export interface BilingualName {
  name: string;
  nameZh: string;
}

/**
 * Names, dates and numbers in the active language. Every method reads the language signal, so a
 * template or `computed` that calls one re-renders when the language changes (no impure pipes).
 */
@Injectable({ providedIn: 'root' })
export class LocaleFormat {
  private readonly language = inject(Language);

  // One set of Intl formatters per language, rebuilt only when the language changes. Each is made
  // on first use: making one costs milliseconds (a collator or a date format tens of them), and a
  // page needs only a few.
  private readonly formats = computed(() => {
    const locale = this.language.locale();
    return {
      // The month spelled out: "25/11/2026" would read as a different day to American eyes.
      dateTime: {
        short: once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })),
        medium: once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' })),
      },
      // Calendar dates and months of the API carry no time zone: format them as they are, in UTC.
      day: once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })),
      month: once(() => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' })),
      number: once(() => new Intl.NumberFormat(locale)),
      /** Number formats with options (percentages, signs), by their options. */
      numberWith: new Map<string, Intl.NumberFormat>(),
      collator: once(() => new Intl.Collator(locale)),
      plural: once(() => new Intl.PluralRules(locale)),
      locale,
    };
  });

  /** `nameZh` in Chinese, `name` in English; the fallback when the entity is unknown. */
  name(named: BilingualName | undefined, fallback = ''): string {
    if (!named) return fallback;
    return this.language.current() === 'zh-CN' ? named.nameZh || named.name : named.name || named.nameZh;
  }

  /** A moment (ISO timestamp) in the viewer's time zone: "1 Nov 2026, 16:00" / "2026年11月1日 16:00" ('short': no seconds). */
  dateTime(iso: string | null | undefined, style: 'short' | 'medium' = 'medium'): string {
    const date = iso ? new Date(iso) : null;
    return date && !Number.isNaN(date.getTime()) ? this.formats().dateTime[style]().format(date) : (iso ?? '');
  }

  /**
   * A name with its code or id, bracketed as the language brackets: "Altay (654300)" /
   * "阿勒泰地区（654300）" (Chinese takes full-width brackets, without a space).
   */
  withCode(name: string, code: string): string {
    return this.language.current() === 'zh-CN' ? `${name}（${code}）` : `${name} (${code})`;
  }

  /** A calendar date (YYYY-MM-DD): "1 Mar 2021" / "2021年3月1日". */
  date(isoDate: string | null | undefined): string {
    const date = isoDate && /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? new Date(`${isoDate}T00:00:00Z`) : null;
    return date && !Number.isNaN(date.getTime()) ? this.formats().day().format(date) : (isoDate ?? '');
  }

  /** A reporting period (YYYY-MM): "Jun 2021" / "2021年6月". */
  period(period: string | null | undefined): string {
    const date = period && /^\d{4}-\d{2}$/.test(period) ? new Date(`${period}-01T00:00:00Z`) : null;
    return date && !Number.isNaN(date.getTime()) ? this.formats().month().format(date) : (period ?? '');
  }

  /** A count or amount with the language's grouping: "12,345". */
  number(value: number | null | undefined, options?: Intl.NumberFormatOptions): string {
    if (value === null || value === undefined || Number.isNaN(value)) return '';
    const formats = this.formats();
    if (!options) return formats.number().format(value);
    const key = JSON.stringify(options);
    let format = formats.numberWith.get(key);
    if (!format) formats.numberWith.set(key, (format = new Intl.NumberFormat(formats.locale, options)));
    return format.format(value);
  }

  /** A share (0.425) as a percentage: "42.5%". */
  percent(share: number | null | undefined, maximumFractionDigits = 1): string {
    return this.number(share, { style: 'percent', maximumFractionDigits });
  }

  /**
   * The key of a count's wording: a plural key holds `one` and `other` (Chinese says both alike),
   * so English reads "1 finding" and "2 findings". Use as `format.plural('x.total', n) | transloco: { count }`.
   */
  plural(key: string, count: number): string {
    return `${key}.${this.formats().plural().select(count) === 'one' ? 'one' : 'other'}`;
  }

  /** Compares two strings as the language sorts them (pinyin order for Chinese). */
  compare(a: string, b: string): number {
    return this.formats().collator().compare(a, b);
  }
}

/** The value `make` gives, made on the first call only. */
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
