import { TestBed } from '@angular/core/testing';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { preferredLanguage } from './language';
import { LocaleFormat } from './locale-format';

describe('preferredLanguage', () => {
  it('keeps a saved choice over the browser', () => {
    expect(preferredLanguage('en', 'zh-CN')).toBe('en');
    expect(preferredLanguage('zh-CN', 'en-US')).toBe('zh-CN');
  });

  it('takes Chinese for any Chinese browser, English otherwise', () => {
    expect(preferredLanguage(null, 'zh-TW')).toBe('zh-CN');
    expect(preferredLanguage(null, 'zh')).toBe('zh-CN');
    expect(preferredLanguage(null, 'en-US')).toBe('en');
    expect(preferredLanguage(null, 'fr-FR')).toBe('en');
    expect(preferredLanguage('klingon', undefined)).toBe('en');
  });
});

describe('LocaleFormat', () => {
  const beijing = { name: 'Beijing', nameZh: '北京市' };

  function formatIn(lang: 'en' | 'zh-CN'): LocaleFormat {
    TestBed.configureTestingModule({ providers: [provideI18nTesting(lang)] });
    return TestBed.inject(LocaleFormat);
  }

  describe('in English', () => {
    it('names, dates, periods and numbers', () => {
      const format = formatIn('en');
      expect(format.name(beijing)).toBe('Beijing');
      expect(format.date('2021-03-01')).toBe('1 Mar 2021');
      expect(format.period('2021-06')).toBe('Jun 2021');
      expect(format.withCode('Altay', '654300')).toBe('Altay (654300)');
      expect(format.number(12345)).toBe('12,345');
      expect(format.percent(0.425)).toBe('42.5%');
    });
  });

  describe('in Chinese', () => {
    it('names, dates, periods and numbers', () => {
      const format = formatIn('zh-CN');
      expect(format.name(beijing)).toBe('北京市');
      expect(format.date('2021-03-01')).toBe('2021年3月1日');
      expect(format.period('2021-06')).toBe('2021年6月');
      expect(format.withCode('阿勒泰地区', '654300')).toBe('阿勒泰地区（654300）');
      expect(format.number(12345)).toBe('12,345');
      expect(format.percent(0.425)).toBe('42.5%');
    });

    it('sorts in pinyin order', () => {
      const format = formatIn('zh-CN');
      expect(['上海市', '北京市', '广州市'].sort((a, b) => format.compare(a, b))).toEqual(['北京市', '广州市', '上海市']);
    });
  });

  it('falls back to the id, and leaves malformed dates as they are', () => {
    const format = formatIn('en');
    expect(format.name(undefined, 'alipay')).toBe('alipay');
    expect(format.date('not a date')).toBe('not a date');
    expect(format.dateTime(null)).toBe('');
  });
});
