import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Session } from '../core/auth/session';
import { ReferenceData } from '../shared/reference-data';
import { InstitutionDashboard } from './institution-dashboard';
import { ReportList } from './report-list';

/** An institution's portal (its reporting calendar and reports); for the central bank, every report received. */
@Component({
  selector: 'im-reports-page',
  imports: [InstitutionDashboard, MatButtonModule, MatDividerModule, ReportList, RouterLink, TranslocoPipe],
  template: `
    <div class="title">
      <div>
        <h1>{{ 'reports.title' | transloco }}</h1>
        @if (ownInstitution(); as id) {
          <p class="subtitle">{{ reference.institutionName(id) }}</p>
        }
      </div>
      @if (canSubmit()) {
        <a mat-flat-button routerLink="/reports/submit">{{ 'reports.dashboard.submitNew' | transloco }}</a>
      }
    </div>
    @if (ownInstitution(); as id) {
      <im-institution-dashboard [institution]="id" [show]="show()" />
      <mat-divider />
    }
    <im-report-list [filterable]="!ownInstitution()" />
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 24px;
    }
    .title {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
    }
    h1,
    .subtitle {
      margin: 0;
    }
    .subtitle {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  private readonly session = inject(Session);
  protected readonly reference = inject(ReferenceData);

  /** The calendar's filter, from the query parameters. */
  readonly show = input<string>();

  protected readonly ownInstitution = computed(() => this.session.user()?.institution ?? null);
  protected readonly canSubmit = computed(() => ['institution', 'admin'].includes(this.session.role() ?? ''));
}
