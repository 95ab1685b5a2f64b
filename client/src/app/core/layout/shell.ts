import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import type { Role } from '../api/api-types';
import { Session } from '../auth/session';

interface NavLink {
  path: string;
  label: string;
  roles: Role[];
}

const NAV: NavLink[] = [
  { path: '/matrix', label: 'Matrix', roles: ['analyst', 'auditor', 'admin'] },
  { path: '/reports', label: 'Reports', roles: ['institution', 'analyst', 'auditor', 'admin'] },
];

/** Toolbar and side navigation around every page after login. */
@Component({
  selector: 'im-shell',
  imports: [MatButtonModule, MatIconModule, MatListModule, MatSidenavModule, MatToolbarModule, RouterLink, RouterLinkActive, RouterOutlet],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  protected readonly user = this.session.user;
  protected readonly links = computed(() => NAV.filter((l) => l.roles.includes(this.session.role() ?? 'institution')));
  /** On a phone the navigation slides over the page instead of taking a column. */
  protected readonly narrow = toSignal(inject(BreakpointObserver).observe('(max-width: 720px)').pipe(map((s) => s.matches)), { initialValue: false });

  protected async logOut(): Promise<void> {
    await this.session.logOut();
    await this.router.navigateByUrl('/login');
  }
}
