import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { ApiKeysPage } from './api-keys-page';

/** The API keys feature, loaded lazily as a whole, with its translations (client/public/i18n/apiKeys/). */
export const API_KEYS_ROUTES: Routes = [{ path: '', providers: [provideTranslocoScope('apiKeys')], component: ApiKeysPage }];
