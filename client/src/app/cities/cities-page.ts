import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableDataSource, MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Channel, CoverageSeries, ItemList, Mode } from '../core/api/api-types';
import { CHANNEL_LABELS, MODE_LABELS } from '../core/i18n/domain-labels';
import { LocaleFormat } from '../core/i18n/locale-format';
import { FilterBar } from '../shared/filter-bar';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { ReferenceData } from '../shared/reference-data';
import { byCoverageThenName, type CoverageBar, CoverageBars } from './coverage-bars';

type Filter = 'period' | 'mode' | 'channel' | 'province';

interface PlaceRow extends CoverageBar {
  coverageText: string;
  pairsText: string;
}

/**
 * Coverage by province, then by city within a chosen province; a city opens its matrix. The period,
 * mode, channel and province live in the URL.
 */
@Component({
  selector: 'im-cities-page',
  imports: [
    CoverageBars,
    FilterBar,
    MatButtonModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    ProblemView,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './cities-page.html',
  styleUrl: './cities-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CitiesPage {
  private readonly router = inject(Router);
  private readonly reference = inject(ReferenceData);
  protected readonly format = inject(LocaleFormat);

  // Bound from the query parameters by the router (withComponentInputBinding).
  readonly period = input<string>();
  readonly mode = input<string>();
  readonly channel = input<string>();
  /** A province code (e.g. 440000): its cities are shown instead of the provinces. */
  readonly province = input<string>();

  private readonly sort = viewChild(MatSort);
  protected readonly modeLabels = MODE_LABELS;
  protected readonly channelLabels = CHANNEL_LABELS;

  protected readonly periods = httpResource<ItemList<string>>(() => '/api/v1/periods');
  protected readonly periodList = computed(() => (this.periods.hasValue() ? [...this.periods.value().items].reverse() : []));
  protected readonly noPeriods = computed(() => this.periods.hasValue() && this.periodList().length === 0);

  protected readonly selectedPeriod = computed(() => this.period() ?? this.periodList()[0]);
  protected readonly selectedMode = computed((): Mode => (this.mode() === 'cpm' ? 'cpm' : 'mpm'));
  protected readonly selectedChannel = computed((): Channel => (this.channel() === 'online' ? 'online' : 'offline'));
  protected readonly selectedProvince = computed(() => (this.province() && /^\d{6}$/.test(this.province()!) ? this.province()! : null));

  protected readonly coverage = httpResource<CoverageSeries>(() => {
    const to = this.selectedPeriod();
    if (!to) return undefined;
    const province = this.selectedProvince();
    const params: Record<string, string> = {
      by: province ? 'city' : 'province',
      to,
      mode: this.selectedMode(),
      channel: this.selectedChannel(),
    };
    if (province) params['city'] = province;
    return { url: '/api/v1/coverage', params };
  });
  protected readonly problem = computed(() => {
    const error = this.periods.error() ?? this.coverage.error();
    return error ? problemOf(error) : null;
  });

  /** The province's name from the reference data (any of its cities carries it). */
  protected readonly provinceName = computed(() => {
    const code = this.selectedProvince();
    if (!code) return '';
    const city = this.reference.cities().find((c) => c.province === code);
    return city ? this.format.name({ name: city.provinceName, nameZh: city.provinceNameZh }) : code;
  });

  protected readonly rows = computed((): PlaceRow[] =>
    (this.coverage.hasValue() ? this.coverage.value().series : []).map((e) => ({
      key: e.key,
      name: this.format.name({ name: e.label ?? e.key, nameZh: e.labelZh ?? e.label ?? e.key }),
      coverage: e.coverage,
      coverageText: e.coverage === null ? '—' : this.format.percent(e.coverage),
      pairsText: `${this.format.number(e.mutualPairs)} / ${this.format.number(e.pairs)}`,
    })),
  );
  /** The table sorts by name (in the language's order) or coverage, ties by name as in the chart (not in the server's order, by code). */
  protected readonly dataSource = computed(() => {
    const source = new MatTableDataSource(this.rows());
    source.sortingDataAccessor = (row, column) => (column === 'coverage' ? (row.coverage ?? -1) : row.name);
    source.sortData = (data, sort) => {
      if (!sort.active || !sort.direction) return data;
      const sign = sort.direction === 'asc' ? 1 : -1;
      const compareNames = (a: string, b: string) => this.format.compare(a, b);
      return [...data].sort(
        sort.active === 'coverage' ? byCoverageThenName(compareNames, sign) : (a, b) => sign * compareNames(a.name, b.name),
      );
    };
    source.sort = this.sort() ?? null;
    return source;
  });
  protected readonly columns = ['name', 'coverage', 'pairs'];

  /** The query parameters of a city's matrix at the period, mode and channel shown. */
  protected matrixParams(city: string): Record<string, string> {
    return { city, period: this.selectedPeriod() ?? '', mode: this.selectedMode(), channel: this.selectedChannel() };
  }

  /** The query parameters of this page for a province (or, with null, for all provinces). */
  protected provinceParams(province: string | null): Record<string, string | null> {
    return { period: this.selectedPeriod() ?? null, mode: this.selectedMode(), channel: this.selectedChannel(), province };
  }

  /** A bar was clicked: a province drills down, a city opens its matrix. */
  protected openPlace(key: string): void {
    if (this.selectedProvince()) void this.router.navigate(['/matrix'], { queryParams: this.matrixParams(key) });
    else void this.router.navigate([], { queryParams: this.provinceParams(key) });
  }

  protected setFilter(name: Filter, value: string | null): void {
    const current = this.provinceParams(this.selectedProvince());
    void this.router.navigate([], { queryParams: { ...current, [name]: value } });
  }
}
