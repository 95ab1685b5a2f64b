import { type EnvironmentProviders, inject, isDevMode, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TitleStrategy } from '@angular/router';
import { provideTransloco } from '@jsverse/transloco';
import { FALLBACK_LANGUAGE, Language, LANGUAGES } from './language';
import { provideLocalizedDates } from './localized-date-adapter';
import { TranslatedPaginatorIntl } from './translated-paginator-intl';
import { TranslatedTitleStrategy } from './translated-title-strategy';
import { TranslationLoader } from './translation-loader';

/**
 * Transloco with the translation files of client/public/i18n, the language restored before the
 * first page renders (so no untranslated key ever flashes), and route titles and Material's
 * paginator and date pickers following the language. Feature scopes are added by each feature's routes
 * (see README.md beside this file).
 */
export function provideI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: FALLBACK_LANGUAGE,
        fallbackLang: FALLBACK_LANGUAGE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
        // A scope's key prefix is its folder's name exactly ("audit-trail.title", not "auditTrail.title").
        scopes: { keepCasing: true },
      },
      loader: TranslationLoader,
    }),
    provideAppInitializer(() => inject(Language).restore()),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl },
    ...provideLocalizedDates(),
  ]);
}
