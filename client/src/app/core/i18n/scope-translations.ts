import { inject } from '@angular/core';
import type { CanMatchFn, ResolveFn } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { catchError, map, of } from 'rxjs';
import { Language } from './language';

/**
 * Resolves once a feature scope's translations are loaded in the active language, so that its
 * page renders with its words in place: loaded by the first pipe instead, the file would wait
 * behind the page's own API requests and the page, charts included, would render twice.
 */
export function scopeTranslations(scope: string): ResolveFn<true> {
  return () => loadScope(scope);
}

/**
 * A canMatch step that always matches and starts loading the scope's translations at once, while
 * the route's code loads: Transloco keeps each file it is loading, so scopeTranslations then finds
 * it on its way or loaded instead of asking for it only after the code and the guards.
 */
export function preloadScopeTranslations(scope: string): CanMatchFn {
  return () => {
    loadScope(scope).subscribe();
    return true;
  };
}

function loadScope(scope: string) {
  return inject(TranslocoService)
    .load(`${scope}/${inject(Language).current()}`)
    .pipe(
      map(() => true as const),
      // A file that cannot be read must not stop the page: its keys then fall back as before.
      catchError(() => of(true as const)),
    );
}
