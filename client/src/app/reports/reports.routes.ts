import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { ReportsPage } from './reports-page';
import { SubmitPage } from './submit-page';

/** The reports feature, loaded lazily as a whole, with its translations (client/public/i18n/reports/). */
export const REPORTS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('reports')],
    children: [
      { path: '', component: ReportsPage },
      { path: 'submit', component: SubmitPage, title: 'reports.submit.title' },
    ],
  },
];
