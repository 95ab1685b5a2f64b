import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Channel, CoverageLines, ItemList, Mode, Overview } from '../core/api/api-types';
import { CHANNEL_LABELS, MODE_LABELS, SEVERITY_LABELS } from '../core/i18n/domain-labels';
import { Language } from '../core/i18n/language';
import { LocaleFormat } from '../core/i18n/locale-format';
import { FilterBar } from '../shared/filter-bar';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { type CoverageLine, CoverageTrend } from './coverage-trend';
import { FindingsByMonthChart } from './findings-by-month-chart';
import { LeastInterconnected } from './least-interconnected';
import { channelOf, coverageLinesRequest, modeOf, overviewRequest, PERIODS_REQUEST } from './overview-requests';

type Filter = 'period' | 'mode' | 'channel';

/** The statuses the overview counts as open (the server's "triage backlog"): its links ask the findings list for the same, so the counts agree. */
const BACKLOG = 'open,acknowledged,confirmed';

/** The analyst's home: headline figures, coverage over time, findings per month and the cities lagging behind, as of one period. */
@Component({
  selector: 'im-overview-page',
  imports: [
    CoverageTrend,
    FilterBar,
    FindingsByMonthChart,
    LeastInterconnected,
    MatCardModule,
    MatChipsModule,
    MatProgressBarModule,
    ProblemView,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPage {
  private readonly router = inject(Router);
  protected readonly format = inject(LocaleFormat);

  // Bound from the query parameters by the router (withComponentInputBinding).
  readonly period = input<string>();
  readonly mode = input<string>();
  readonly channel = input<string>();

  protected readonly modeLabels = MODE_LABELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly severityLabels = SEVERITY_LABELS;
  protected readonly openFindings = { status: BACKLOG };

  // The figures and the coverage lines are asked for at once, with the periods: without a period in
  // the URL the server answers for the latest reported one, which is what the period list would
  // have given after one more round trip.
  protected readonly periods = httpResource<ItemList<string>>(() => PERIODS_REQUEST);
  /** Newest first. */
  protected readonly periodList = computed(() => (this.periods.hasValue() ? [...this.periods.value().items].reverse() : []));
  protected readonly noPeriods = computed(() => this.periods.hasValue() && this.periodList().length === 0);

  protected readonly selectedMode = computed((): Mode => modeOf(this.mode()));
  protected readonly selectedChannel = computed((): Channel => channelOf(this.channel()));

  protected readonly overview = httpResource<Overview>(() => overviewRequest(this.period(), this.selectedMode(), this.selectedChannel()));
  /** The period shown: the URL's, else the one the overview answered for (the latest reported). */
  protected readonly selectedPeriod = computed(
    () => this.period() ?? (this.overview.hasValue() ? this.overview.value().period : this.periodList()[0]),
  );

  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(Language);
  /** National coverage per period up to the period shown, one line per mode and channel, in one request. */
  protected readonly coverage = httpResource<CoverageLines>(() => coverageLinesRequest(this.period()));
  /** The lines with their names in the active language; the mode and channel chosen above are drawn first and bold. */
  protected readonly coverageLines = computed((): CoverageLine[] => {
    this.language.current(); // translate() reads no signal: named anew when the language changes
    return (this.coverage.hasValue() ? this.coverage.value().lines : []).map((l) => ({
      name: `${this.transloco.translate(MODE_LABELS[l.mode].short)} · ${this.transloco.translate(CHANNEL_LABELS[l.channel])}`,
      entries: l.series,
      chosen: l.mode === this.selectedMode() && l.channel === this.selectedChannel(),
    }));
  });

  protected readonly problem = computed(() => {
    const error = this.periods.error() ?? this.overview.error();
    return error ? problemOf(error) : null;
  });
  protected readonly coverageProblem = computed(() => (this.coverage.error() ? problemOf(this.coverage.error()) : null));

  /** The headline figures as text in the active language. */
  protected readonly figures = computed(() => {
    if (!this.overview.hasValue()) return null;
    const o = this.overview.value();
    const change = o.coverage.change;
    return {
      coverageNow: o.coverage.current.coverage === null ? '—' : this.format.percent(o.coverage.current.coverage),
      coverageYearAgo: o.coverage.yearEarlier.coverage === null ? '—' : this.format.percent(o.coverage.yearEarlier.coverage),
      yearAgoPeriod: this.format.period(o.coverage.yearEarlier.period),
      /** In percentage points, signed: "+65.9". */
      change: change === null ? null : this.format.number(change * 100, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
      trend: change === null || Math.abs(change) < 0.0005 ? 'flat' : change > 0 ? 'up' : 'down',
      fully: this.format.number(o.cities.fullyInterconnected),
      cities: this.format.number(o.cities.total),
      openTotal: this.format.number(o.openFindings.total),
      bySeverity: (['high', 'medium', 'low'] as const).map((s) => ({
        severity: s,
        label: SEVERITY_LABELS[s],
        count: this.format.number(o.openFindings[s]),
        findings: { severity: s, status: BACKLOG },
      })),
      received: this.format.number(o.reports.received),
      versionsKey: this.format.plural('overview.figures.versions', o.reports.received),
      reporting: this.format.number(o.reports.institutions),
      expected: this.format.number(o.reports.expected),
      dueDate: this.format.date(o.reports.dueDate),
      pastDue: o.reports.pastDue,
      lateCount: o.late.count,
      // LATE-001's findings for the period are where the late institutions are named, one each.
      lateFindings: { rule: 'LATE-001', period: o.period, status: BACKLOG },
    };
  });

  /** Changes one filter, keeping the others; the URL is the state, so a view can be shared or bookmarked. */
  protected setFilter(name: Filter, value: string): void {
    const current = { period: this.selectedPeriod(), mode: this.selectedMode(), channel: this.selectedChannel() };
    void this.router.navigate([], { queryParams: { ...current, [name]: value } });
  }
}
