import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Problem } from '../api/api-types';
import { problemOf } from '../../shared/problem';
import { ProblemView } from '../../shared/problem-view';
import { LanguageMenu } from '../i18n/language-menu';
import { ThemeToggle } from '../theme/theme-toggle';
import { Session } from './session';

@Component({
  selector: 'im-login-page',
  imports: [
    FormsModule,
    LanguageMenu,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    ProblemView,
    ThemeToggle,
    TranslocoPipe,
  ],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly username = signal('');
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | undefined>(undefined);

  protected async logIn(): Promise<void> {
    this.busy.set(true);
    this.problem.set(undefined);
    try {
      const user = await this.session.logIn(this.username(), this.password());
      const next = this.route.snapshot.queryParamMap.get('next');
      await this.router.navigateByUrl(next && next.startsWith('/') && !next.startsWith('//') ? next : this.session.homePath(user.role));
    } catch (err) {
      this.problem.set(problemOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
