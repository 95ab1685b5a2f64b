import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { AuditPage } from './audit-page';

/** The audit trail feature, loaded lazily, with its translations (client/public/i18n/audit/). */
export const AUDIT_ROUTES: Routes = [{ path: '', providers: [provideTranslocoScope('audit')], component: AuditPage }];
