import type { Routes } from '@angular/router';
import { goHome, requireLogin, requireRoles } from './core/auth/guards';
import { LoginPage } from './core/auth/login-page';
import { prefetchOnArrival } from './core/http/prefetch-on-arrival';
import { preloadScopeTranslations } from './core/i18n/scope-translations';
import { Shell } from './core/layout/shell';
import { overviewRequests } from './overview/overview-requests';

// Titles are translation keys (TranslatedTitleStrategy); each feature's routes file provides its translation scope.
export const routes: Routes = [
  { path: 'login', component: LoginPage, title: 'login.title' },
  {
    path: '',
    component: Shell,
    canActivate: [requireLogin],
    children: [
      {
        path: 'reports',
        loadChildren: () => import('./reports/reports.routes').then((m) => m.REPORTS_ROUTES),
        title: 'nav.reports',
      },
      {
        path: 'overview',
        // The figures and the page's words are asked for while its code loads.
        canMatch: [prefetchOnArrival(['analyst', 'auditor', 'admin'], overviewRequests), preloadScopeTranslations('overview')],
        canActivate: [requireRoles('analyst', 'auditor', 'admin')],
        loadChildren: () => import('./overview/overview.routes').then((m) => m.OVERVIEW_ROUTES),
        title: 'nav.overview',
      },
      {
        path: 'cities',
        canActivate: [requireRoles('analyst', 'auditor', 'admin')],
        loadChildren: () => import('./cities/cities.routes').then((m) => m.CITIES_ROUTES),
        title: 'nav.cities',
      },
      {
        path: 'institutions',
        canActivate: [requireRoles('analyst', 'auditor', 'admin')],
        loadChildren: () => import('./institutions/institutions.routes').then((m) => m.INSTITUTIONS_ROUTES),
        title: 'nav.institutions',
      },
      {
        path: 'api-keys',
        canActivate: [requireRoles('institution', 'admin')],
        loadChildren: () => import('./api-keys/api-keys.routes').then((m) => m.API_KEYS_ROUTES),
        title: 'nav.apiKeys',
      },
      {
        path: 'matrix',
        canActivate: [requireRoles('analyst', 'auditor', 'admin')],
        loadChildren: () => import('./matrix/matrix.routes').then((m) => m.MATRIX_ROUTES),
        title: 'nav.matrix',
      },
      {
        path: 'findings',
        loadChildren: () => import('./findings/findings.routes').then((m) => m.FINDINGS_ROUTES),
        title: 'nav.findings',
      },
      {
        path: 'rules',
        canActivate: [requireRoles('analyst', 'admin')],
        loadChildren: () => import('./rules/rules.routes').then((m) => m.RULES_ROUTES),
        title: 'nav.rules',
      },
      {
        path: 'exports',
        canActivate: [requireRoles('analyst', 'auditor', 'admin')],
        loadChildren: () => import('./exports/exports.routes').then((m) => m.EXPORTS_ROUTES),
        title: 'nav.exports',
      },
      {
        path: 'audit',
        canActivate: [requireRoles('auditor', 'admin')],
        loadChildren: () => import('./audit/audit.routes').then((m) => m.AUDIT_ROUTES),
        title: 'nav.audit',
      },
      { path: '', pathMatch: 'full', canActivate: [goHome], children: [] },
    ],
  },
  { path: '**', redirectTo: '' },
];
