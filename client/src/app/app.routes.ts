import { inject } from '@angular/core';
import type { Routes } from '@angular/router';
import { requireLogin, requireRoles } from './core/auth/guards';
import { LoginPage } from './core/auth/login-page';
import { Session } from './core/auth/session';
import { Shell } from './core/layout/shell';

export const routes: Routes = [
  { path: 'login', component: LoginPage, title: 'Log in · Interop Monitor' },
  {
    path: '',
    component: Shell,
    canActivate: [requireLogin],
    children: [
      {
        path: 'reports',
        loadComponent: () => import('./reports/reports-page').then((m) => m.ReportsPage),
        title: 'Reports · Interop Monitor',
      },
      {
        path: 'matrix',
        canActivate: [requireRoles('analyst', 'auditor', 'admin')],
        loadComponent: () => import('./matrix/matrix-page').then((m) => m.MatrixPage),
        title: 'Matrix · Interop Monitor',
      },
      { path: '', pathMatch: 'full', redirectTo: () => inject(Session).homePath() },
    ],
  },
  { path: '**', redirectTo: '' },
];
