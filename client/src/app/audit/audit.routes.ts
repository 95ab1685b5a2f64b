import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { scopeTranslations } from '../core/i18n/scope-translations';
import { AuditPage } from './audit-page';

/**
 * The audit trail feature, loaded lazily, with its translations (client/public/i18n/audit/), loaded
 * before the page: the entries' details are worded in code, where a file still loading would give keys.
 */
export const AUDIT_ROUTES: Routes = [
  { path: '', providers: [provideTranslocoScope('audit')], resolve: { translations: scopeTranslations('audit') }, component: AuditPage },
];
