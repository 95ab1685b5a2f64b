import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { scopeTranslations } from '../core/i18n/scope-translations';
import { OverviewPage } from './overview-page';

/** The analyst's overview, loaded lazily as a whole, with its translations (client/public/i18n/overview/). */
export const OVERVIEW_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('overview')],
    resolve: { translations: scopeTranslations('overview') },
    component: OverviewPage,
  },
];
