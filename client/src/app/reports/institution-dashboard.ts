import { DOCUMENT } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Obligations, Receipt } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';
import { Viewport } from '../core/layout/viewport';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { calendarFilterOf, filterObligations, summarise, type CalendarFilter } from './reporting-calendar';
import { saveReceipt } from './report-files';

/** Translation keys of an obligation's status, as the calendar shows it. */
const STATUS_KEYS = {
  submitted: 'reports.dashboard.status.submitted',
  due: 'reports.dashboard.status.due',
  late: 'reports.dashboard.status.late',
} as const;

/**
 * An institution's landing page: the next deadline, what is late, the latest receipt, and the
 * reporting calendar period by period (GET /institutions/:id/obligations).
 */
@Component({
  selector: 'im-institution-dashboard',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    ProblemView,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './institution-dashboard.html',
  styleUrl: './institution-dashboard.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstitutionDashboard {
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  protected readonly format = inject(LocaleFormat);

  /** The institution whose calendar this is. */
  readonly institution = input.required<string>();
  /** Which periods the table lists (the `show` query parameter). */
  readonly show = input<string | undefined>();

  protected readonly filter = computed(() => calendarFilterOf(this.show()));
  protected readonly page = signal(0);
  protected readonly pageSize = signal(12);
  /** On a phone the table keeps what decides the next step, so that the action stays in view. */
  private readonly narrow = inject(Viewport).narrow;
  protected readonly columns = computed(() =>
    this.narrow() ? ['period', 'status', 'dueDate', 'action'] : ['period', 'status', 'dueDate', 'version', 'receivedAt', 'action'],
  );

  protected readonly obligations = httpResource<Obligations>(
    () => `/api/v1/institutions/${encodeURIComponent(this.institution())}/obligations`,
  );
  protected readonly problem = computed(() => (this.obligations.error() ? problemOf(this.obligations.error()) : null));
  protected readonly summary = computed(() => (this.obligations.hasValue() ? summarise(this.obligations.value()) : null));

  protected readonly latestReceipt = httpResource<Receipt>(() => {
    const id = this.summary()?.latestReport?.id;
    return id === undefined ? undefined : `/api/v1/reports/${id}/receipt`;
  });

  private readonly filtered = computed(() =>
    this.obligations.hasValue() ? filterObligations(this.obligations.value().items, this.filter()) : [],
  );
  protected readonly total = computed(() => this.filtered().length);
  /** The page of rows, with dates in the active language (re-created when it changes). */
  protected readonly rows = computed(() => {
    const start = Math.min(this.page(), Math.max(0, Math.ceil(this.total() / this.pageSize()) - 1)) * this.pageSize();
    return this.filtered()
      .slice(start, start + this.pageSize())
      .map((o) => ({
        period: o.period,
        periodText: this.format.period(o.period),
        status: o.status,
        statusKey: STATUS_KEYS[o.status],
        lateArrival: o.status === 'submitted' && o.report !== null && !o.report.onTime,
        dueDateText: this.format.date(o.dueDate),
        version: o.report?.version ?? null,
        receivedAtText: o.report ? this.format.dateTime(o.report.receivedAt, 'short') : '',
      }));
  });

  protected readonly filters: { value: CalendarFilter; key: string }[] = [
    { value: 'all', key: 'reports.dashboard.filter.all' },
    { value: 'outstanding', key: 'reports.dashboard.filter.outstanding' },
    { value: 'submitted', key: 'reports.dashboard.filter.submitted' },
  ];

  /** Shows another set of periods; the URL holds the choice. */
  protected showOnly(value: CalendarFilter): void {
    this.page.set(0);
    void this.router.navigate([], { queryParams: { show: value === 'all' ? null : value }, queryParamsHandling: 'merge' });
  }

  protected turnPage(event: PageEvent): void {
    this.page.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected downloadLatestReceipt(): void {
    if (this.latestReceipt.hasValue()) saveReceipt(this.document, this.latestReceipt.value());
  }
}
