import { SelectionModel } from '@angular/cdk/collections';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { debounceTime, distinctUntilChanged, Subject } from 'rxjs';
import type { FindingStatus, FindingSummary, ItemList, Problem, RuleView, Severity } from '../core/api/api-types';
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
import { differsFromDefault, type FindingQuery, filterParams, isFiltered, listParams, PAGE_SIZES, parseFindingQuery, sortFrom, sortState, toQueryParams } from './finding-query';
import { FindingsApi } from './findings-api';

/** How a bulk acknowledgement went: which findings changed and which did not, with the server's reason. */
export interface BulkOutcome {
  done: number;
  failed: { id: number; problem: Problem }[];
}

/** The findings list: filters, sort and page in the URL, paged on the server; bulk acknowledgement for the central bank's triage. */
@Component({
  selector: 'im-findings-page',
  imports: [
    ExportMenu,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
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
  protected readonly severityLabels = SEVERITY_LABELS;
  protected readonly statusLabels = FINDING_STATUS_LABELS;
  protected readonly severities: Severity[] = ['high', 'medium', 'low'];
  protected readonly statuses: FindingStatus[] = ['open', 'acknowledged', 'confirmed', 'dismissed', 'resolved'];

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

  protected readonly findings = httpResource<{ items: FindingSummary[]; total: number }>(() => ({ url: '/api/v1/findings', params: listParams(this.query()) }));
  private readonly rules = httpResource<ItemList<RuleView>>(() => '/api/v1/rules');
  private readonly periods = httpResource<ItemList<string>>(() => '/api/v1/periods');

  protected readonly ruleOptions = computed(() => {
    const loaded = (this.rules.hasValue() ? this.rules.value().items : []).map((r) => ({ id: r.id, label: `${r.id} · ${this.language.current() === 'zh-CN' ? r.title.zh : r.title.en}` }));
    // Rules named in the URL stay selectable (and shown) before the list of rules has arrived.
    const pending = this.query().rule.filter((id) => !loaded.some((r) => r.id === id)).map((id) => ({ id, label: id }));
    return [...loaded, ...pending];
  });
  protected readonly periodOptions = computed(() => (this.periods.hasValue() ? [...this.periods.value().items].reverse() : []).map((p) => ({ value: p, label: this.format.period(p) })));
  protected readonly institutionOptions = computed(() =>
    this.reference
      .institutions()
      .map((i) => ({ id: i.id, name: this.format.name(i) }))
      .sort((a, b) => this.format.compare(a.name, b.name)),
  );
  protected readonly cityOptions = computed(() =>
    this.reference
      .cities()
      .map((c) => ({ code: c.code, label: `${this.format.name(c)} (${c.code})` }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  );

  /** Rows with names, dates and text in the active language: re-created when it changes, so the table re-renders. */
  protected readonly rows = computed(() => {
    const zh = this.language.current() === 'zh-CN';
    return (this.findings.hasValue() ? this.findings.value().items : []).map((f) => ({
      ...f,
      subjectNames: f.subjects.map((s) => this.reference.institutionName(s)).join(zh ? '、' : ', '),
      cityName: f.city ? this.reference.cityName(f.city) : '',
      periodText: f.firstPeriod === f.lastPeriod ? this.format.period(f.lastPeriod) : `${this.format.period(f.firstPeriod)} – ${this.format.period(f.lastPeriod)}`,
      text: zh ? f.explanationZh : f.explanation,
      severityLabel: SEVERITY_LABELS[f.severity],
      statusLabel: FINDING_STATUS_LABELS[f.status],
    }));
  });
  protected readonly total = computed(() => (this.findings.hasValue() ? this.findings.value().total : 0));
  protected readonly problem = computed(() => (this.findings.error() ? problemOf(this.findings.error()) : null));
  protected readonly filtered = computed(() => isFiltered(this.query()));
  protected readonly resettable = computed(() => differsFromDefault(this.query()));

  /** Selected finding ids; kept across pages until the filters change. */
  protected readonly selection = new SelectionModel<number>(true, []);
  private readonly selectionVersion = signal(0);
  protected readonly selectedCount = computed(() => (this.selectionVersion(), this.selection.selected.length));
  /** Of the selected findings on this page, those that can be acknowledged (only open ones can). */
  protected readonly selectedOpen = computed(() => {
    this.selectionVersion();
    const open = new Set(this.rows().filter((r) => r.status === 'open').map((r) => r.id));
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

  protected readonly searchText = signal('');
  private readonly search$ = new Subject<string>();

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.selection.changed.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => this.selectionVersion.update((v) => v + 1));
    // The search box follows the URL (back and forward), and the URL follows typing after a pause.
    effect(() => this.searchText.set(this.query().q));
    this.search$.pipe(debounceTime(400), distinctUntilChanged(), takeUntilDestroyed(destroyRef)).subscribe((q) => this.setFilters({ q }));
    // A different set of filters is a different list: what was selected there no longer applies.
    toObservable(this.exportFilters)
      .pipe(
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe(() => this.selection.clear());
  }

  /** Changes filters; back to the first page, since the old page number means nothing in a new list. */
  protected setFilters(change: Partial<FindingQuery>): void {
    this.navigate({ ...this.query(), ...change, page: 1 });
  }

  protected typeSearch(text: string): void {
    this.searchText.set(text);
    this.search$.next(text);
  }

  protected resetFilters(): void {
    this.navigate({ ...parseFindingQuery({}), sort: this.query().sort, pageSize: this.query().pageSize });
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
    void this.router.navigate([], { queryParams: toQueryParams(query) });
  }
}
