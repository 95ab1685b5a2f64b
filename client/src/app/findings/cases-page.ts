import { NgTemplateOutlet } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseSummary } from '../core/api/api-types';
import { Session } from '../core/auth/session';
import { LocaleFormat } from '../core/i18n/locale-format';
import { Viewport } from '../core/layout/viewport';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { CaseRows, type CaseView } from './case-rows';
import { ExportMenu } from './export-menu';
import { type FilterChange, FindingFilters } from './finding-filters';
import {
  CASE_SORT_COLUMNS,
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
import { ListViewSwitch } from './list-view-switch';

/** A case row, and whether its cities are spelled out under it. */
export type CaseRow = CaseView & { citiesShown: boolean };

/**
 * The findings list as cases, the default view: one row per rule, subjects, mode and channel, its
 * cities as a count that opens into their names. Filters, sort and page in the URL, as for findings.
 */
@Component({
  selector: 'im-cases-page',
  imports: [
    ExportMenu,
    FindingFilters,
    ListViewSwitch,
    MatPaginatorModule,
    NgTemplateOutlet,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    ProblemView,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './cases-page.html',
  styleUrl: './cases-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CasesPage {
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly caseRows = inject(CaseRows);
  protected readonly format = inject(LocaleFormat);
  private readonly params = toSignal(inject(ActivatedRoute).queryParams, { initialValue: {} });

  protected readonly query = computed(() => parseFindingQuery(this.params(), CASE_SORT_COLUMNS));
  protected readonly exportFilters = computed(() => filterParams(this.query()));
  protected readonly sorted = computed(() => sortState(this.query().sort));
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly canExport = computed(() => ['analyst', 'auditor', 'admin'].includes(this.session.role() ?? ''));

  private readonly narrow = inject(Viewport).narrow;
  /** On a phone each case is one cell that reads like a card. */
  protected readonly columns = computed(() =>
    this.narrow() ? ['summary'] : ['severity', 'ruleId', 'subjects', 'modeChannel', 'cities', 'statuses', 'lastPeriod', 'explanation'],
  );
  protected readonly detailColumns = ['cityList'];

  protected readonly cases = httpResource<{ items: CaseSummary[]; total: number }>(() => ({
    url: '/api/v1/cases',
    params: listParams(this.query()),
  }));

  /** Cases whose cities are spelled out. */
  private readonly citiesShown = signal<ReadonlySet<string>>(new Set());
  /** Re-created when the language or an expansion changes, so the table re-renders (and adds or drops the city rows). */
  protected readonly rows = computed<CaseRow[]>(() => {
    const shown = this.citiesShown();
    return (this.cases.hasValue() ? this.cases.value().items : []).map((c) => ({ ...this.caseRows.view(c), citiesShown: shown.has(c.id) }));
  });
  protected readonly total = computed(() => (this.cases.hasValue() ? this.cases.value().total : 0));
  protected readonly problem = computed(() => (this.cases.error() ? problemOf(this.cases.error()) : null));
  protected readonly filtered = computed(() => isFiltered(this.query()));

  /** Rows stay the same elements across re-creations, so the toggle a user pressed keeps the focus. */
  protected readonly trackCase = (_index: number, row: CaseRow) => row.id;
  /** The row under a case that lists its cities, there only while they are shown. */
  protected readonly showsCities = (_index: number, row: CaseRow) => row.citiesShown;

  protected toggleCities(id: string): void {
    this.citiesShown.update((shown) => {
      const next = new Set(shown);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  protected setFilters(change: FilterChange): void {
    this.navigate({ ...this.query(), ...change, page: 1 });
  }

  protected sortBy(sort: Sort): void {
    this.navigate({ ...this.query(), sort: sortFrom(sort.active, sort.direction, CASE_SORT_COLUMNS), page: 1 });
  }

  protected turnPage(event: PageEvent): void {
    this.navigate({ ...this.query(), page: event.pageSize === this.query().pageSize ? event.pageIndex + 1 : 1, pageSize: event.pageSize });
  }

  private navigate(query: FindingQuery): void {
    void this.router.navigate([], { queryParams: toQueryParams(query) });
  }
}
