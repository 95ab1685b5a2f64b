import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { CitiesPage } from './cities-page';

/** Coverage by province and city, loaded lazily as a whole, with its translations (client/public/i18n/cities/). */
export const CITIES_ROUTES: Routes = [{ path: '', providers: [provideTranslocoScope('cities')], component: CitiesPage }];
