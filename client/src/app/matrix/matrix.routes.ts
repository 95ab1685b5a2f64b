import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { MatrixPage } from './matrix-page';

/** The matrix feature, loaded lazily as a whole, with its translations (client/public/i18n/matrix/). */
export const MATRIX_ROUTES: Routes = [{ path: '', providers: [provideTranslocoScope('matrix')], component: MatrixPage }];
