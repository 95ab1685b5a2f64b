import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { ReportSummary } from '../core/api/api-types';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { ReferenceData } from '../shared/reference-data';

/** Reports received, newest period first, paged on the server. */
@Component({
  selector: 'im-report-list',
  imports: [DatePipe, MatPaginatorModule, MatProgressBarModule, MatSelectModule, MatTableModule, ProblemView],
  templateUrl: './report-list.html',
  styleUrl: './report-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportList {
  protected readonly reference = inject(ReferenceData);

  /** Shows the institution filter (central bank roles). */
  readonly filterable = input(false);
  /** Bumped by the parent after a submission so the list reloads. */
  readonly revision = input(0);

  protected readonly institution = signal('');
  protected readonly page = signal(1);
  protected readonly pageSize = signal(25);
  protected readonly columns = ['period', 'institution', 'version', 'receivedAt', 'counts', 'warnings', 'sha256'];

  protected readonly reports = httpResource<{ items: ReportSummary[]; total: number }>(() => {
    this.revision();
    const params: Record<string, string | number> = { page: this.page(), pageSize: this.pageSize() };
    if (this.institution()) params['institution'] = this.institution();
    return { url: '/api/v1/reports', params };
  });
  protected readonly rows = computed(() => (this.reports.hasValue() ? this.reports.value().items : []));
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
