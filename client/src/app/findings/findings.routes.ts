import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { FindingPage } from './finding-page';
import { FindingsPage } from './findings-page';

/** The findings feature, loaded lazily as a whole, with its translations (client/public/i18n/findings/). */
export const FINDINGS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('findings')],
    children: [
      { path: '', component: FindingsPage },
      { path: ':id', component: FindingPage },
    ],
  },
];
