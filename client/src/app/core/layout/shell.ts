import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Role } from '../api/api-types';
import { Session } from '../auth/session';
import { ROLE_LABELS } from '../i18n/domain-labels';
import { LanguageMenu } from '../i18n/language-menu';
import { ThemeToggle } from '../theme/theme-toggle';
import { Viewport } from './viewport';

interface NavLink {
  path: string;
  /** Translation key of the label, in the root files (the shell shows it before the feature loads). */
  label: string;
  roles: Role[];
}

const NAV: NavLink[] = [
  { path: '/overview', label: 'nav.overview', roles: ['analyst', 'auditor', 'admin'] },
  { path: '/cities', label: 'nav.cities', roles: ['analyst', 'auditor', 'admin'] },
  { path: '/matrix', label: 'nav.matrix', roles: ['analyst', 'auditor', 'admin'] },
  { path: '/institutions', label: 'nav.institutions', roles: ['analyst', 'auditor', 'admin'] },
  { path: '/reports', label: 'nav.reports', roles: ['institution', 'analyst', 'auditor', 'admin'] },
  { path: '/api-keys', label: 'nav.apiKeys', roles: ['institution', 'admin'] },
  { path: '/findings', label: 'nav.findings', roles: ['institution', 'analyst', 'auditor', 'admin'] },
  { path: '/rules', label: 'nav.rules', roles: ['analyst', 'admin'] },
  { path: '/exports', label: 'nav.exports', roles: ['analyst', 'auditor', 'admin'] },
  { path: '/audit', label: 'nav.audit', roles: ['auditor', 'admin'] },
];

/** Toolbar and side navigation around every page after login. */
@Component({
  selector: 'im-shell',
  imports: [
    LanguageMenu,
    MatButtonModule,
    MatListModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    ThemeToggle,
    TranslocoPipe,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  protected readonly user = this.session.user;
  protected readonly roleLabel = computed(() => ROLE_LABELS[this.session.role() ?? 'institution']);
  protected readonly links = computed(() => NAV.filter((l) => l.roles.includes(this.session.role() ?? 'institution')));
  /** On a phone the navigation slides over the page instead of taking a column. */
  protected readonly narrow = inject(Viewport).noSideNav;

  protected async logOut(): Promise<void> {
    await this.session.logOut();
    await this.router.navigateByUrl('/login');
  }
}
