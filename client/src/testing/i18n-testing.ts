/// <reference types="vite/client" />
// Test-only (excluded from the app build): the real translation files, read at build time by Vite.
import { type EnvironmentProviders, Injectable, makeEnvironmentProviders } from '@angular/core';
import { provideTransloco, type Translation, type TranslocoLoader } from '@jsverse/transloco';
import { of, type Observable } from 'rxjs';
import { FALLBACK_LANGUAGE, LANGUAGES, type LanguageCode, PREFERRED_LANGUAGE } from '../app/core/i18n/language';
import { provideLocalizedDates } from '../app/core/i18n/localized-date-adapter';

/** Every file under client/public/i18n, by its path there without ".json": "en", "reports/zh-CN". */
export const TRANSLATION_FILES: Record<string, Translation> = Object.fromEntries(
  Object.entries(import.meta.glob<Translation>('/client/public/i18n/**/*.json', { eager: true, import: 'default' })).map(
    ([file, content]) => [file.replace(/^.*\/public\/i18n\//, '').replace(/\.json$/, ''), content],
  ),
);

/** A language's root file with every scope merged in under its name, as the app sees it once all are loaded. */
function everything(lang: LanguageCode): Translation {
  const merged: Translation = { ...TRANSLATION_FILES[lang] };
  for (const [path, content] of Object.entries(TRANSLATION_FILES)) {
    const [scope, fileLang] = path.split('/');
    if (fileLang === lang) merged[scope] = content;
  }
  return merged;
}

/** Answers synchronously, so that the first render of a component under test is already translated. */
@Injectable()
class FileLoader implements TranslocoLoader {
  getTranslation(path: string): Observable<Translation> {
    const [scopeOrLang, lang] = path.split('/');
    return of(lang ? TRANSLATION_FILES[path] : everything(scopeOrLang as LanguageCode));
  }
}

/**
 * Transloco for specs, with the real files and every scope available without providing it, in the
 * given language (Language and LocaleFormat start in it too).
 */
export function provideI18nTesting(lang: LanguageCode = FALLBACK_LANGUAGE): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: PREFERRED_LANGUAGE, useValue: lang },
    provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: lang,
        fallbackLang: FALLBACK_LANGUAGE,
        reRenderOnLangChange: true,
        prodMode: true,
        missingHandler: { useFallbackTranslation: false, logMissingKey: false },
        scopes: { keepCasing: true },
      },
      loader: FileLoader,
    }),
    ...provideLocalizedDates(),
  ]);
}
