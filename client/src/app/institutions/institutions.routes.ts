import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { InstitutionProfile } from './institution-profile';
import { InstitutionsPage } from './institutions-page';

/** The institutions feature, loaded lazily as a whole, with its translations (client/public/i18n/institutions/). */
export const INSTITUTIONS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('institutions')],
    children: [
      { path: '', component: InstitutionsPage },
      { path: ':id', component: InstitutionProfile, title: 'institutions.profile.title' },
    ],
  },
];
