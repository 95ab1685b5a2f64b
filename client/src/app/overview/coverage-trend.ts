import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { type Color, LineChartModule, ScaleType } from '@swimlane/ngx-charts';
import type { CoverageEntry } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';
import { Viewport } from '../core/layout/viewport';
import { axisTicks } from './axis-ticks';

/** One line of the chart: national coverage of one mode and channel, period by period. */
export interface CoverageLine {
  /** Its name in the legend, the tooltip and the table (translated by the parent). */
  name: string;
  /** One entry per period, ascending, as /coverage?by=period answers. */
  entries: CoverageEntry[];
  /** The mode and channel the page is set to: drawn first, in the strongest colour. */
  chosen: boolean;
}

// Distinct in light and dark themes and for the common colour-vision deficiencies (Okabe–Ito).
const LINE_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7'];

/** National coverage period by period, a line per mode and channel, with the same figures as a table on demand. */
@Component({
  selector: 'im-coverage-trend',
  imports: [LineChartModule, MatSlideToggleModule, MatTableModule, TranslocoPipe],
  template: `
    <mat-slide-toggle [checked]="asTable()" (change)="asTable.set($event.checked)">{{ 'overview.showAsTable' | transloco }}</mat-slide-toggle>
    @if (periods().length === 0) {
      <p class="empty">{{ 'overview.coverage.empty' | transloco }}</p>
    } @else if (asTable()) {
      <div class="scroll scroll-hint" tabindex="0">
        <table mat-table [dataSource]="rows()" [attr.aria-label]="'overview.coverage.tableLabel' | transloco">
          <ng-container matColumnDef="period">
            <th mat-header-cell *matHeaderCellDef>{{ 'overview.coverage.period' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.period }}</td>
          </ng-container>
          @for (line of ordered(); track line.name; let i = $index) {
            <ng-container [matColumnDef]="'line' + i">
              <th mat-header-cell *matHeaderCellDef>{{ line.name }}</th>
              <td mat-cell *matCellDef="let r" [title]="r.pairs[i]">{{ r.values[i] }}</td>
            </ng-container>
          }
          <tr mat-header-row *matHeaderRowDef="columns(); sticky: true"></tr>
          <tr mat-row *matRowDef="let row; columns: columns()"></tr>
        </table>
      </div>
    } @else {
      <div class="legend" aria-hidden="true">
        @for (line of ordered(); track line.name; let i = $index) {
          <span [class.chosen]="line.chosen"><i [style.border-color]="colours[i]"></i>{{ line.name }}</span>
        }
      </div>
      <div class="chart" role="img" [attr.aria-label]="summary()">
        <ngx-charts-line-chart
          [results]="chartData()"
          [scheme]="scheme"
          [customColors]="customColors()"
          [xAxis]="true"
          [xAxisTicks]="xTicks()"
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
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      font: var(--mat-sys-body-small);
    }
    .legend .chosen {
      font-weight: 600;
    }
    .legend i {
      display: inline-block;
      width: 16px;
      margin-right: 6px;
      vertical-align: middle;
      border-top: 2px dashed;
    }
    .legend .chosen i {
      border-top: 3px solid;
    }
    /* The chosen line is drawn last (on top, where lines coincide), solid and thicker; the others dashed. */
    .chart ::ng-deep g.line-series path.line {
      stroke-dasharray: 6 4;
    }
    .chart ::ng-deep g.line-series:last-of-type path.line {
      stroke-dasharray: none;
      stroke-width: 3px;
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
  private readonly transloco = inject(TranslocoService);
  private readonly narrow = inject(Viewport).narrow;

  readonly lines = input.required<CoverageLine[]>();

  protected readonly asTable = signal(false);
  protected readonly colours = LINE_COLOURS;
  protected readonly scheme: Color = { name: 'coverage', selectable: false, group: ScaleType.Ordinal, domain: LINE_COLOURS };
  /** Colours follow the legend's order, whatever order the lines are drawn in. */
  protected readonly customColors = computed(() => this.ordered().map((l, i) => ({ name: l.name, value: LINE_COLOURS[i] })));
  /** On a phone, every few months on the axis: 24 rotated labels would overlap. */
  protected readonly xTicks = computed(() =>
    axisTicks(
      this.periods().map((p) => this.format.period(p)),
      this.narrow(),
    ),
  );
  protected readonly percentTick = (value: number) => this.format.percent(value, 0);

  /** The chosen line first, so it takes the first colour and the first column. */
  protected readonly ordered = computed(() => [...this.lines()].sort((a, b) => Number(b.chosen) - Number(a.chosen)));
  protected readonly periods = computed(() => [...new Set(this.lines().flatMap((l) => l.entries.map((e) => e.key)))].sort());
  protected readonly columns = computed(() => ['period', ...this.ordered().map((_, i) => `line${i}`)]);

  /** Periods with no pair to count (null) are left out rather than drawn as zero. Drawn in reverse: the chosen line on top. */
  protected readonly chartData = computed(() =>
    [...this.ordered()].reverse().map((line) => ({
      name: line.name,
      series: line.entries
        .filter((e) => e.coverage !== null)
        .map((e) => ({ name: this.format.period(e.key), value: e.coverage as number })),
    })),
  );

  protected readonly rows = computed(() => {
    const byLine = this.ordered().map((l) => new Map(l.entries.map((e) => [e.key, e])));
    return this.periods().map((period) => ({
      period: this.format.period(period),
      values: byLine.map((m) => {
        const e = m.get(period);
        return e?.coverage == null ? '—' : this.format.percent(e.coverage);
      }),
      pairs: byLine.map((m) => {
        const e = m.get(period);
        return e ? `${this.format.number(e.mutualPairs)} / ${this.format.number(e.pairs)}` : '';
      }),
    }));
  });

  /** What the chart shows, for screen readers: each line's first and last figures. */
  protected readonly summary = computed(() =>
    this.ordered()
      .filter((l) => l.entries.length > 0)
      .map((l) => {
        const [first, last] = [l.entries[0], l.entries[l.entries.length - 1]];
        return this.transloco.translate('overview.coverage.lineSummary', {
          line: l.name,
          first: this.format.period(first.key),
          firstValue: this.format.percent(first.coverage),
          last: this.format.period(last.key),
          lastValue: this.format.percent(last.coverage),
        });
      })
      .join('; '),
  );
}
