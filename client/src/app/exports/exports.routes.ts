import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { ExportsPage } from './exports-page';

/** The exports feature, loaded lazily, with its translations and the findings' (its Export menu comes from there). */
export const EXPORTS_ROUTES: Routes = [{ path: '', providers: [provideTranslocoScope('exports', 'findings')], component: ExportsPage }];
