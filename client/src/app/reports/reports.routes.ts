import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { ReportsPage } from './reports-page';

/** The reports feature, loaded lazily as a whole, with its translations (client/public/i18n/reports/). */
export const REPORTS_ROUTES: Routes = [{ path: '', providers: [provideTranslocoScope('reports')], component: ReportsPage }];
