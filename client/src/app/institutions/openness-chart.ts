import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { type Color, LineChartModule, ScaleType } from '@swimlane/ngx-charts';
import { filter, merge } from 'rxjs';
import type { Channel, Mode } from '../core/api/api-types';
import { Language } from '../core/i18n/language';
import { LocaleFormat } from '../core/i18n/locale-format';
import { ColorScheme } from '../core/theme/color-scheme';
import { ProblemView } from '../shared/problem-view';
import { OpennessHistory, opennessSeries, periodsEndingAt } from './openness-history';

/** Readable on both schemes: a blue and an orange that colour-blind viewers tell apart. */
const LINE_COLOURS = { light: ['#1f63b5', '#c25400'], dark: ['#8ab8ff', '#ffb36b'] } as const;

/**
 * "Scans others" and "recognised by others" over the last periods up to the chosen one, as a line
 * chart; the same numbers as a table on request (and for screen readers, which skip the chart).
 */
@Component({
  selector: 'im-openness-chart',
  imports: [LineChartModule, MatProgressBarModule, MatSlideToggleModule, MatTableModule, ProblemView, TranslocoPipe],
  template: `
    <div class="head">
      <p class="hint">{{ 'institutions.openness.hint' | transloco: { count: periods().length } }}</p>
      <mat-slide-toggle [checked]="asTable()" (change)="asTable.set($event.checked)">{{ 'institutions.openness.showTable' | transloco }}</mat-slide-toggle>
    </div>
    @if (history.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'institutions.openness.loading' | transloco" />
    }
    @if (problem(); as p) {
      <im-problem-view [problem]="p" />
    } @else if (history.hasValue() && empty()) {
      <p class="empty">{{ 'institutions.openness.empty' | transloco }}</p>
    } @else if (history.hasValue()) {
      @if (!asTable()) {
        <div class="legend" aria-hidden="true">
          @for (line of series(); track line.name; let i = $index) {
            <span><i [style.background]="scheme().domain[i]"></i>{{ line.name }}</span>
          }
        </div>
        <div class="chart" aria-hidden="true" data-testid="openness-chart">
          <ngx-charts-line-chart
            [results]="series()"
            [scheme]="scheme()"
            [xAxis]="true"
            [yAxis]="true"
            [legend]="false"
            [showYAxisLabel]="true"
            [yAxisLabel]="'institutions.openness.axis' | transloco"
            [yScaleMin]="0"
            [yScaleMax]="100"
            [yAxisTickFormatting]="percentTick"
            [autoScale]="false"
            [roundDomains]="true"
            [animations]="false"
          />
        </div>
      }
      <div [class.scroll]="asTable()" [class.cdk-visually-hidden]="!asTable()" [attr.tabindex]="asTable() ? 0 : null">
        <table mat-table [dataSource]="rows()" [attr.aria-label]="'institutions.openness.tableLabel' | transloco">
          <ng-container matColumnDef="period">
            <th mat-header-cell *matHeaderCellDef>{{ 'institutions.openness.period' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.periodText }}</td>
          </ng-container>
          <ng-container matColumnDef="recognises">
            <th mat-header-cell *matHeaderCellDef>{{ 'institutions.openness.recognises' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.recognisesText }}</td>
          </ng-container>
          <ng-container matColumnDef="recognisedBy">
            <th mat-header-cell *matHeaderCellDef>{{ 'institutions.openness.recognisedBy' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.recognisedByText }}</td>
          </ng-container>
          <ng-container matColumnDef="cities">
            <th mat-header-cell *matHeaderCellDef>{{ 'institutions.openness.cities' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.citiesText }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
    }
    .hint,
    .empty {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .chart {
      width: 100%;
      height: 300px;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 20px;
      font: var(--mat-sys-body-medium);
    }
    .legend i {
      display: inline-block;
      width: 14px;
      height: 4px;
      margin-right: 6px;
      vertical-align: middle;
      border-radius: 2px;
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
export class OpennessChart {
  private readonly loader = inject(OpennessHistory);
  private readonly colorScheme = inject(ColorScheme);
  private readonly transloco = inject(TranslocoService);
  private readonly format = inject(LocaleFormat);

  readonly institution = input.required<string>();
  /** Every reported period (any order). */
  readonly allPeriods = input.required<string[]>();
  /** The last period of the chart; the latest when undefined. */
  readonly until = input<string | undefined>();
  readonly mode = input<Mode>('mpm');
  readonly channel = input<Channel>('offline');

  protected readonly asTable = signal(false);
  protected readonly columns = ['period', 'recognises', 'recognisedBy', 'cities'];
  protected readonly periods = computed(() => periodsEndingAt(this.allPeriods(), this.until()));

  protected readonly history = rxResource({
    params: () => ({ institution: this.institution(), periods: this.periods(), mode: this.mode(), channel: this.channel() }),
    stream: ({ params }) => this.loader.load(params.institution, params.periods, params.mode, params.channel),
  });
  private readonly points = computed(() => (this.history.hasValue() ? this.history.value() : []));
  /** The one request for the history failed: every point carries its problem, shown once instead of the chart. */
  protected readonly problem = computed(() => {
    const points = this.points();
    return points.length > 0 && points.every((p) => p.problem) ? points[0].problem : null;
  });
  protected readonly empty = computed(() => this.points().every((p) => p.recognises === null && p.recognisedBy === null));

  // The series' names come from the scope's translations, which load after the component: re-read them when they do.
  private readonly translationsChanged = toSignal(
    merge(this.transloco.langChanges$, this.transloco.events$.pipe(filter((e) => e.type === 'translationLoadSuccess'))),
  );
  private readonly language = inject(Language);
  protected readonly series = computed(() => {
    this.translationsChanged();
    this.language.current();
    return opennessSeries(
      this.points(),
      {
        recognises: this.transloco.translate('institutions.openness.recognises'),
        recognisedBy: this.transloco.translate('institutions.openness.recognisedBy'),
      },
      (p) => this.format.period(p),
    );
  });
  protected readonly scheme = computed((): Color => ({
    name: 'openness',
    selectable: false,
    group: ScaleType.Ordinal,
    domain: [...LINE_COLOURS[this.colorScheme.current()]],
  }));
  protected readonly percentTick = (value: number) => `${value}%`;

  protected readonly rows = computed(() =>
    this.points().map((p) => ({
      periodText: this.format.period(p.period),
      recognisesText: p.problem ? '—' : this.format.percent(p.recognises) || '—',
      recognisedByText: p.problem ? '—' : this.format.percent(p.recognisedBy) || '—',
      citiesText: p.problem ? '—' : this.format.number(p.cities),
    })),
  );
}
