import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Color, LineChartModule, ScaleType } from '@swimlane/ngx-charts';
import type { CoverageEntry } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';

/** National coverage period by period as a line chart, with the same figures as a table on demand. */
@Component({
  selector: 'im-coverage-trend',
  imports: [LineChartModule, MatSlideToggleModule, MatTableModule, TranslocoPipe],
  template: `
    <mat-slide-toggle [checked]="asTable()" (change)="asTable.set($event.checked)">{{ 'overview.showAsTable' | transloco }}</mat-slide-toggle>
    @if (series().length === 0) {
      <p class="empty">{{ 'overview.coverage.empty' | transloco }}</p>
    } @else if (asTable()) {
      <div class="scroll" tabindex="0">
        <table mat-table [dataSource]="rows()" [attr.aria-label]="'overview.coverage.tableLabel' | transloco">
          <ng-container matColumnDef="period">
            <th mat-header-cell *matHeaderCellDef>{{ 'overview.coverage.period' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.period }}</td>
          </ng-container>
          <ng-container matColumnDef="coverage">
            <th mat-header-cell *matHeaderCellDef>{{ 'overview.coverage.coverage' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.coverage }}</td>
          </ng-container>
          <ng-container matColumnDef="pairs">
            <th mat-header-cell *matHeaderCellDef>{{ 'overview.coverage.pairs' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.pairs }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns; sticky: true"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    } @else {
      <div class="chart" role="img" [attr.aria-label]="summary()">
        <ngx-charts-line-chart
          [results]="chartData()"
          [scheme]="scheme"
          [xAxis]="true"
          [yAxis]="true"
          [yScaleMin]="0"
          [yScaleMax]="1"
          [yAxisTickFormatting]="percentTick"
          [roundDomains]="true"
          [autoScale]="false"
          [animations]="false"
        />
      </div>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .chart {
      height: 300px;
      min-width: 0;
    }
    .scroll {
      max-height: 300px;
      overflow: auto;
    }
    th,
    td {
      white-space: nowrap;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CoverageTrend {
  private readonly format = inject(LocaleFormat);

  /** One entry per period, ascending, as /coverage?by=period answers. */
  readonly series = input.required<CoverageEntry[]>();
  /** The line's name in the legend and tooltip (translated by the parent). */
  readonly seriesName = input('');

  protected readonly asTable = signal(false);
  protected readonly columns = ['period', 'coverage', 'pairs'];
  protected readonly scheme: Color = { name: 'coverage', selectable: false, group: ScaleType.Ordinal, domain: ['#1e88e5'] };
  protected readonly percentTick = (value: number) => this.format.percent(value, 0);

  /** Periods with no pair to count (null) are left out rather than drawn as zero. */
  protected readonly chartData = computed(() => [
    {
      name: this.seriesName(),
      series: this.series()
        .filter((e) => e.coverage !== null)
        .map((e) => ({ name: this.format.period(e.key), value: e.coverage as number })),
    },
  ]);

  protected readonly rows = computed(() =>
    this.series().map((e) => ({
      period: this.format.period(e.key),
      coverage: e.coverage === null ? '—' : this.format.percent(e.coverage),
      pairs: `${this.format.number(e.mutualPairs)} / ${this.format.number(e.pairs)}`,
    })),
  );

  /** What the chart shows, for screen readers: first and last figures. */
  protected readonly summary = computed(() => {
    const s = this.series();
    const first = s[0];
    const last = s[s.length - 1];
    if (!first || !last) return this.seriesName();
    return `${this.seriesName()}: ${this.format.period(first.key)} ${this.format.percent(first.coverage)} → ${this.format.period(last.key)} ${this.format.percent(last.coverage)}`;
  });
}
