import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { TranslationLoader } from './translation-loader';

describe('TranslationLoader', () => {
  let http: HttpTestingController;
  let loader: TranslationLoader;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    loader = TestBed.inject(TranslationLoader);
  });

  it('reads a file once for two askers at once (a scope as the language and as the fallback)', async () => {
    const both = Promise.all([firstValueFrom(loader.getTranslation('overview/en')), firstValueFrom(loader.getTranslation('overview/en'))]);
    http.expectOne('/i18n/overview/en.json').flush({ title: 'Overview' });
    expect(await both).toEqual([{ title: 'Overview' }, { title: 'Overview' }]);
  });

  it('reads it again when asked after the first reading, and after a failed one', async () => {
    const first = firstValueFrom(loader.getTranslation('en'));
    http.expectOne('/i18n/en.json').flush({ a: '1' });
    await first;
    const failed = firstValueFrom(loader.getTranslation('en'));
    http.expectOne('/i18n/en.json').flush('', { status: 500, statusText: 'Server Error' });
    await expect(failed).rejects.toBeTruthy();
    const again = firstValueFrom(loader.getTranslation('en'));
    http.expectOne('/i18n/en.json').flush({ a: '2' });
    expect(await again).toEqual({ a: '2' });
  });
});
