import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReportSummary } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';
import { Viewport } from '../core/layout/viewport';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';

/** Every report version the institution submitted, newest period first, paged on the server. */
@Component({
  selector: 'im-institution-reports-view',
  imports: [MatPaginatorModule, MatProgressBarModule, MatTableModule, ProblemView, TranslocoPipe],
  template: `
    @if (reports.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'institutions.reports.loading' | transloco" />
    }
    @if (problem(); as p) {
      <im-problem-view [problem]="p" />
    } @else if (reports.hasValue() && rows().length === 0) {
      <p class="empty">{{ 'institutions.reports.empty' | transloco }}</p>
    } @else if (rows().length > 0) {
      <div class="scroll scroll-hint" tabindex="0">
        <table mat-table [dataSource]="rows()" [attr.aria-label]="'institutions.reports.title' | transloco">
          <ng-container matColumnDef="period">
            <th mat-header-cell *matHeaderCellDef>{{ 'institutions.reports.period' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.periodText }}</td>
          </ng-container>
          <ng-container matColumnDef="version">
            <th mat-header-cell *matHeaderCellDef>{{ 'institutions.reports.version' | transloco }}</th>
            <td mat-cell *matCellDef="let r">
              {{ r.version }}
              @if (!r.latest) {
                <span class="muted">{{ 'institutions.reports.superseded' | transloco }}</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="receivedAt">
            <th mat-header-cell *matHeaderCellDef>{{ 'institutions.reports.receivedAt' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.receivedAtText }}</td>
          </ng-container>
          <ng-container matColumnDef="counts">
            <th mat-header-cell *matHeaderCellDef>{{ 'institutions.reports.counts' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.countsText }}</td>
          </ng-container>
          <ng-container matColumnDef="warnings">
            <th mat-header-cell *matHeaderCellDef>{{ 'institutions.reports.warnings' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.warnings.length || '' }}</td>
          </ng-container>
          <ng-container matColumnDef="sha256">
            <th mat-header-cell *matHeaderCellDef>SHA-256</th>
            <td mat-cell *matCellDef="let r"><code [title]="r.sha256">{{ r.sha256.slice(0, 12) }}…</code></td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns()"></tr>
          <tr mat-row *matRowDef="let row; columns: columns()"></tr>
        </table>
      </div>
      <mat-paginator
        [length]="total()"
        [pageIndex]="page() - 1"
        [pageSize]="pageSize()"
        [pageSizeOptions]="[12, 24, 60]"
        (page)="turnPage($event)"
        [attr.aria-label]="'institutions.reports.pages' | transloco"
      />
    }
  `,
  styles: `
    .empty,
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .scroll {
      overflow-x: auto;
    }
    th,
    td {
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstitutionReportsView {
  private readonly format = inject(LocaleFormat);

  readonly institution = input.required<string>();

  protected readonly page = signal(1);
  protected readonly pageSize = signal(12);
  private readonly narrow = inject(Viewport).narrow;
  protected readonly columns = computed(() =>
    this.narrow() ? ['period', 'version', 'receivedAt'] : ['period', 'version', 'receivedAt', 'counts', 'warnings', 'sha256'],
  );
  protected readonly reports = httpResource<{ items: ReportSummary[]; total: number }>(() => ({
    url: '/api/v1/reports',
    params: { institution: this.institution(), page: this.page(), pageSize: this.pageSize() },
  }));
  protected readonly problem = computed(() => (this.reports.error() ? problemOf(this.reports.error()) : null));
  protected readonly total = computed(() => this.reports.value()?.total ?? 0);
  protected readonly rows = computed(() =>
    (this.reports.value()?.items ?? []).map((r) => ({
      ...r,
      periodText: this.format.period(r.period),
      receivedAtText: this.format.dateTime(r.receivedAt, 'short'),
      countsText: `${this.format.number(r.counts.links)} / ${this.format.number(r.counts.agreements)}`,
    })),
  );

  protected turnPage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
  }
}
