import { SelectionModel } from '@angular/cdk/collections';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { distinctUntilChanged } from 'rxjs';
import type { FindingSummary, Problem } from '../core/api/api-types';
import { Session } from '../core/auth/session';
import { FINDING_STATUS_LABELS, SEVERITY_LABELS } from '../core/i18n/domain-labels';
import { Language } from '../core/i18n/language';
import { LocaleFormat } from '../core/i18n/locale-format';
import { Viewport } from '../core/layout/viewport';
import { confirmed } from '../shared/confirm-dialog';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { ReferenceData } from '../shared/reference-data';
import { ExportMenu } from './export-menu';
import { type FilterChange, FindingFilters } from './finding-filters';
import {
  type FindingQuery,
  filterParams,
  isFiltered,
  listParams,
  PAGE_SIZES,
  parseFindingQuery,
  sortFrom,
  sortState,
  toQueryParams,
} from './finding-query';
import { FindingsApi } from './findings-api';
import { ListViewSwitch } from './list-view-switch';

/** How a bulk acknowledgement went: which findings changed and which did not, with the server's reason. */
export interface BulkOutcome {
  done: number;
  failed: { id: number; problem: Problem }[];
}

/**
 * The findings list, one row per finding (per city): filters, sort and page in the URL, paged on the
 * server; bulk acknowledgement for the central bank's triage. Shown at /findings?view=findings, one
 * click from the cases that group them.
 */
@Component({
  selector: 'im-findings-page',
  imports: [
    ExportMenu,
    FindingFilters,
    ListViewSwitch,
    MatButtonModule,
    MatCheckboxModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    ProblemView,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './findings-page.html',
  styleUrl: './findings-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FindingsPage {
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly api = inject(FindingsApi);
  private readonly reference = inject(ReferenceData);
  private readonly language = inject(Language);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  protected readonly format = inject(LocaleFormat);

  // Bound from the query parameters by the router (withComponentInputBinding).
  readonly rule = input<string>();
  readonly severity = input<string>();
  readonly status = input<string>();
  readonly institution = input<string>();
  readonly city = input<string>();
  readonly period = input<string>();
  readonly q = input<string>();
  readonly sort = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly query = computed(() =>
    parseFindingQuery({
      rule: this.rule(),
      severity: this.severity(),
      status: this.status(),
      institution: this.institution(),
      city: this.city(),
      period: this.period(),
      q: this.q(),
      sort: this.sort(),
      page: this.page(),
      pageSize: this.pageSize(),
    }),
  );
  protected readonly exportFilters = computed(() => filterParams(this.query()));
  protected readonly sorted = computed(() => sortState(this.query().sort));
  protected readonly pageSizes = PAGE_SIZES;

  /** Analysts and admins triage; the others read. */
  protected readonly canTriage = computed(() => ['analyst', 'admin'].includes(this.session.role() ?? ''));
  protected readonly canExport = computed(() => ['analyst', 'auditor', 'admin'].includes(this.session.role() ?? ''));
  private readonly narrow = inject(Viewport).narrow;
  /** On a phone each finding is one cell that reads like a card; sorting stays in the URL and the export. */
  protected readonly columns = computed(() => [
    ...(this.canTriage() ? ['select'] : []),
    'id',
    ...(this.narrow() ? ['summary'] : ['severity', 'ruleId', 'status', 'subjects', 'city', 'lastPeriod', 'explanation']),
  ]);

  protected readonly findings = httpResource<{ items: FindingSummary[]; total: number }>(() => ({
    url: '/api/v1/findings',
    params: listParams(this.query()),
  }));

  /** Rows with names, dates and text in the active language: re-created when it changes, so the table re-renders. */
  protected readonly rows = computed(() => {
    const zh = this.language.current() === 'zh-CN';
    return (this.findings.hasValue() ? this.findings.value().items : []).map((f) => ({
      ...f,
      subjectNames: f.subjects.map((s) => this.reference.institutionName(s)).join(zh ? '、' : ', '),
      cityName: f.city ? this.reference.cityName(f.city) : '',
      periodText:
        f.firstPeriod === f.lastPeriod
          ? this.format.period(f.lastPeriod)
          : `${this.format.period(f.firstPeriod)} – ${this.format.period(f.lastPeriod)}`,
      text: zh ? f.explanationZh : f.explanation,
      severityLabel: SEVERITY_LABELS[f.severity],
      statusLabel: FINDING_STATUS_LABELS[f.status],
    }));
  });
  protected readonly total = computed(() => (this.findings.hasValue() ? this.findings.value().total : 0));
  protected readonly problem = computed(() => (this.findings.error() ? problemOf(this.findings.error()) : null));
  protected readonly filtered = computed(() => isFiltered(this.query()));

  /** Selected finding ids; kept across pages until the filters change. */
  protected readonly selection = new SelectionModel<number>(true, []);
  private readonly selectionVersion = signal(0);
  protected readonly selectedCount = computed(() => (this.selectionVersion(), this.selection.selected.length));
  /** Of the selected findings on this page, those that can be acknowledged (only open ones can). */
  protected readonly selectedOpen = computed(() => {
    this.selectionVersion();
    const open = new Set(
      this.rows()
        .filter((r) => r.status === 'open')
        .map((r) => r.id),
    );
    return this.selection.selected.filter((id) => open.has(id));
  });
  protected readonly allOnPageSelected = computed(() => {
    this.selectionVersion();
    const rows = this.rows();
    return rows.length > 0 && rows.every((r) => this.selection.isSelected(r.id));
  });
  protected readonly someOnPageSelected = computed(() => {
    this.selectionVersion();
    return !this.allOnPageSelected() && this.rows().some((r) => this.selection.isSelected(r.id));
  });
  protected readonly acknowledging = signal(false);
  protected readonly outcome = signal<BulkOutcome | null>(null);

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.selection.changed.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => this.selectionVersion.update((v) => v + 1));
    // A different set of filters is a different list: what was selected there no longer applies.
    toObservable(this.exportFilters)
      .pipe(
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe(() => this.selection.clear());
  }

  /** Changes filters; back to the first page, since the old page number means nothing in a new list. */
  protected setFilters(change: FilterChange): void {
    this.navigate({ ...this.query(), ...change, page: 1 });
  }

  protected sortBy(sort: Sort): void {
    this.navigate({ ...this.query(), sort: sortFrom(sort.active, sort.direction), page: 1 });
  }

  protected turnPage(event: PageEvent): void {
    this.navigate({ ...this.query(), page: event.pageSize === this.query().pageSize ? event.pageIndex + 1 : 1, pageSize: event.pageSize });
  }

  protected toggleAllOnPage(): void {
    const ids = this.rows().map((r) => r.id);
    if (this.allOnPageSelected()) this.selection.deselect(...ids);
    else this.selection.select(...ids);
  }

  /** PATCHes each selected open finding to acknowledged, one after the other, and tells which failed and why. */
  protected async acknowledgeSelected(): Promise<void> {
    const ids = this.selectedOpen();
    if (ids.length === 0) return;
    // Many findings change at once, each with a history entry that cannot be taken back: ask first.
    const count = this.format.number(ids.length);
    const t = (key: string) => this.transloco.translate(this.format.plural(`findings.bulk.confirm.${key}`, ids.length), { count });
    if (!(await confirmed(this.dialog, { title: t('title'), body: t('body'), confirm: t('button') }))) return;
    this.acknowledging.set(true);
    this.outcome.set(null);
    const failed: BulkOutcome['failed'] = [];
    let done = 0;
    for (const id of ids) {
      try {
        await this.api.changeStatus(id, 'acknowledged');
        done++;
        this.selection.deselect(id);
      } catch (error) {
        failed.push({ id, problem: problemOf(error) });
      }
    }
    this.outcome.set({ done, failed });
    this.acknowledging.set(false);
    this.findings.reload();
  }

  private navigate(query: FindingQuery): void {
    // Merged, so that the view (findings one by one) stays: every filter is in the object, null when default.
    void this.router.navigate([], { queryParams: toQueryParams(query), queryParamsHandling: 'merge' });
  }
}
