import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReportSummary } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';
import { Viewport } from '../core/layout/viewport';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { ReferenceData } from '../shared/reference-data';
import { receiptFileName } from './report-files';

/** Reports received, newest period first, paged on the server; each version's receipt as JSON or PDF. */
@Component({
  selector: 'im-report-list',
  imports: [MatButtonModule, MatPaginatorModule, MatProgressBarModule, MatSelectModule, MatTableModule, ProblemView, TranslocoPipe],
  templateUrl: './report-list.html',
  styleUrl: './report-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportList {
  private readonly reference = inject(ReferenceData);
  private readonly format = inject(LocaleFormat);

  /** Shows the institution filter (central bank roles). */
  readonly filterable = input(false);
  /** Bumped by the parent after a submission so the list reloads. */
  readonly revision = input(0);

  protected readonly institution = signal('');
  protected readonly page = signal(1);
  protected readonly pageSize = signal(25);
  private readonly narrow = inject(Viewport).narrow;
  /** The institution column only where reports of several institutions are listed; on a phone, what was received when. */
  protected readonly columns = computed(() => [
    'period',
    ...(this.filterable() ? ['institution'] : []),
    'version',
    'receivedAt',
    ...(this.narrow() ? [] : ['counts', 'warnings', 'sha256']),
    'receipt',
  ]);

  protected readonly reports = httpResource<{ items: ReportSummary[]; total: number }>(() => {
    this.revision();
    const params: Record<string, string | number> = { page: this.page(), pageSize: this.pageSize() };
    if (this.institution()) params['institution'] = this.institution();
    return { url: '/api/v1/reports', params };
  });
  /** Rows with their names, dates and numbers in the active language: re-created when it changes, so the table re-renders. */
  protected readonly rows = computed(() =>
    (this.reports.hasValue() ? this.reports.value().items : []).map((r) => ({
      ...r,
      institutionName: this.reference.institutionName(r.institution),
      receivedAtText: this.format.dateTime(r.receivedAt, 'short'),
      countsText: `${this.format.number(r.counts.links)} / ${this.format.number(r.counts.agreements)}`,
      periodText: this.format.period(r.period),
      receiptUrl: `/api/v1/reports/${r.id}/receipt`,
      receiptName: receiptFileName(r).replace(/\.json$/, ''),
    })),
  );
  protected readonly institutionOptions = computed(() =>
    this.reference.institutions().map((i) => ({ id: i.id, name: this.format.name(i) })),
  );
  protected readonly total = computed(() => (this.reports.hasValue() ? this.reports.value().total : 0));
  protected readonly problem = computed(() => (this.reports.error() ? problemOf(this.reports.error()) : null));

  protected filterBy(institution: string): void {
    this.institution.set(institution);
    this.page.set(1);
  }

  protected turnPage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
  }
}
