import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Translation, TranslocoLoader } from '@jsverse/transloco';
import { finalize, type Observable, shareReplay } from 'rxjs';

/**
 * Reads translation files from client/public/i18n, served as /i18n/…: "en" is /i18n/en.json, and a
 * feature scope comes as "reports/en", which is /i18n/reports/en.json.
 */
@Injectable({ providedIn: 'root' })
export class TranslationLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);
  /** Files on their way: Transloco asks for a scope in English twice at once (as the language and as the fallback). */
  private readonly loading = new Map<string, Observable<Translation>>();

  getTranslation(path: string): Observable<Translation> {
    let file = this.loading.get(path);
    if (!file) {
      file = this.http.get<Translation>(`/i18n/${path}.json`).pipe(
        finalize(() => this.loading.delete(path)),
        shareReplay({ bufferSize: 1, refCount: true }),
      );
      this.loading.set(path, file);
    }
    return file;
  }
}
