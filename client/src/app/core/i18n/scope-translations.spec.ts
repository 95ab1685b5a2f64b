import { vi } from 'vitest';
import { TestBed } from '@angular/core/testing';
import type { ActivatedRouteSnapshot, RouterStateSnapshot } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom, isObservable, type Observable, throwError } from 'rxjs';
import { preloadScopeTranslations, scopeTranslations } from './scope-translations';

describe('scopeTranslations', () => {
  const resolve = (scope: string) =>
    TestBed.runInInjectionContext(() =>
      scopeTranslations(scope)({} as ActivatedRouteSnapshot, {} as RouterStateSnapshot),
    ) as Observable<true>;

  it('resolves once the scope is loaded in the active language', async () => {
    const result = resolve('overview');
    expect(isObservable(result)).toBe(true);
    expect(await firstValueFrom(result)).toBe(true);
    expect(TestBed.inject(TranslocoService).getTranslation('overview/en')).toHaveProperty('title');
  });

  it('lets the page open when the file cannot be read', async () => {
    vi.spyOn(TestBed.inject(TranslocoService), 'load').mockReturnValue(throwError(() => new Error('404')));
    expect(await firstValueFrom(resolve('overview'))).toBe(true);
  });

  it('starts loading the scope when the route matches, which the resolver then waits for instead of loading it again', async () => {
    const transloco = TestBed.inject(TranslocoService);
    const load = vi.spyOn(transloco, 'load');
    const matched = TestBed.runInInjectionContext(() => preloadScopeTranslations('overview')({}, []));
    expect(matched).toBe(true);
    expect(load).toHaveBeenCalledWith('overview/en');
    const started = load.mock.results[0].value;
    expect(await firstValueFrom(resolve('overview'))).toBe(true);
    expect(load.mock.results[1].value).toBe(started); // the same loading, not a second one
  });
});
