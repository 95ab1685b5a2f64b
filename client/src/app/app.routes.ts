import { inject } from '@angular/core';
import type { Routes } from '@angular/router';
import { requireLogin, requireRoles } from './core/auth/guards';
import { LoginPage } from './core/auth/login-page';
import { Session } from './core/auth/session';
import { Shell } from './core/layout/shell';

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
        path: 'matrix',
        canActivate: [requireRoles('analyst', 'auditor', 'admin')],
        loadChildren: () => import('./matrix/matrix.routes').then((m) => m.MATRIX_ROUTES),
        title: 'nav.matrix',
      },
      { path: '', pathMatch: 'full', redirectTo: () => inject(Session).homePath() },
    ],
  },
  { path: '**', redirectTo: '' },
];
