import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { Language } from '../i18n/language';
import { sendInterfaceLanguage } from './accept-language';

describe('sendInterfaceLanguage', () => {
  let http: HttpTestingController;
  let client: HttpClient;

  function setUp(lang: 'en' | 'zh-CN') {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideI18nTesting(lang),
        provideHttpClient(withInterceptors([sendInterfaceLanguage])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
  }

  /** The Accept-Language header of a GET to `url`, as the server would receive it. */
  function languageSentTo(url: string): string | null {
    void firstValueFrom(client.get(url));
    const req = http.expectOne(url);
    req.flush({});
    return req.request.headers.get('Accept-Language');
  }

  afterEach(() => http.verify());

  it('asks the API for Chinese answers while the interface is in Chinese', () => {
    setUp('zh-CN');
    expect(languageSentTo('/api/v1/reports')).toBe('zh-CN');
  });

  it('asks the API for English answers while the interface is in English', () => {
    setUp('en');
    expect(languageSentTo('/api/v1/reports')).toBe('en');
  });

  it('follows a switch of language from the next request on', async () => {
    setUp('en');
    expect(languageSentTo('/api/v1/findings')).toBe('en');
    await TestBed.inject(Language).choose('zh-CN');
    expect(languageSentTo('/api/v1/findings')).toBe('zh-CN');
  });

  it('leaves requests outside the API alone', () => {
    setUp('zh-CN');
    expect(languageSentTo('/i18n/reports/zh-CN.json')).toBeNull();
  });
});
