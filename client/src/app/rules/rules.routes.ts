import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { RulesPage } from './rules-page';

/** The rules feature, loaded lazily, with its translations (client/public/i18n/rules/). */
export const RULES_ROUTES: Routes = [{ path: '', providers: [provideTranslocoScope('rules')], component: RulesPage }];
