import type { CanMatchFn, Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { CasePage } from './case-page';
import { CasesPage } from './cases-page';
import { FindingPage } from './finding-page';
import { PER_FINDING_VIEW, VIEW_PARAM } from './finding-query';
import { FindingsPage } from './findings-page';

/** The findings one by one (per city) when the URL asks for them; the cases otherwise. */
const perFindingViewAsked: CanMatchFn = (_route, _segments, current) => current?.queryParams[VIEW_PARAM] === PER_FINDING_VIEW;

/** The findings feature, loaded lazily as a whole, with its translations (client/public/i18n/findings/). */
export const FINDINGS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('findings')],
    children: [
      { path: '', component: FindingsPage, canMatch: [perFindingViewAsked] },
      { path: '', component: CasesPage },
      { path: 'cases/:id', component: CasePage },
      { path: ':id', component: FindingPage },
    ],
  },
];
