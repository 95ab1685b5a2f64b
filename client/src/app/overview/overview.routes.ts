import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { OverviewPage } from './overview-page';

/** The analyst's overview, loaded lazily as a whole, with its translations (client/public/i18n/overview/). */
export const OVERVIEW_ROUTES: Routes = [{ path: '', providers: [provideTranslocoScope('overview')], component: OverviewPage }];
