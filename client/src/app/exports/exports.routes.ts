import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { scopeTranslations } from '../core/i18n/scope-translations';
import { ExportsPage } from './exports-page';

/**
 * The exports feature, loaded lazily, with its translations, the findings' (its Export menu comes
 * from there) and the audit trail's (a checked file's record is named by its audit action); its own
 * are loaded before the page, as the past exports' filters are worded in code.
 */
export const EXPORTS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('exports', 'findings', 'audit')],
    resolve: { translations: scopeTranslations('exports') },
    component: ExportsPage,
  },
];
