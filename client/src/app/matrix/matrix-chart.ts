import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Color, HeatMapModule, ScaleType } from '@swimlane/ngx-charts';
import type { Matrix } from '../core/api/api-types';
import { LINK_STATUS_LABELS, RECONCILIATION_LABELS } from '../core/i18n/domain-labels';
import { LocaleFormat } from '../core/i18n/locale-format';
import { ColorScheme } from '../core/theme/color-scheme';
import { ReferenceData } from '../shared/reference-data';
import { STATUS_COLOURS, STATUS_LEGEND, STATUS_VALUE, type MatrixCell } from './matrix-cells';

interface HeatCell {
  name: string;
  value: number;
}

/** Scanners (rows) × issuers (columns) as an ngx-charts heat map; the table beside it carries the same data. */
@Component({
  selector: 'im-matrix-chart',
  imports: [HeatMapModule, TranslocoPipe],
  template: `
    <div class="legend" aria-hidden="true">
      @for (item of legend; track item.status) {
        <span><i [style.background]="colours()[value[item.status]]"></i>{{ item.label | transloco }}</span>
      }
    </div>
    <div class="scroll" aria-hidden="true">
      <div class="chart" [style.height.px]="height()">
        <ngx-charts-heat-map
          [results]="series()"
          [scheme]="scheme()"
          [min]="0"
          [max]="colourScaleMax"
          [xAxis]="true"
          [yAxis]="true"
          [showXAxisLabel]="true"
          [showYAxisLabel]="true"
          [xAxisLabel]="'matrix.chart.issuerAxis' | transloco"
          [yAxisLabel]="'matrix.chart.scannerAxis' | transloco"
          [rotateXAxisTicks]="true"
          [trimXAxisTicks]="false"
          [trimYAxisTicks]="false"
          [innerPadding]="2"
          [animations]="false"
        >
          <ng-template #tooltipTemplate let-model="model">
            <div class="tip">
              <strong>{{ model.name }} → {{ model.series }}</strong><br />
              @if (cellAt(model.series, model.name); as c) {
                {{ 'matrix.chart.since' | transloco: { status: (statusLabels[c.status] | transloco), date: format.date(c.since) } }}<br />
                {{ reconciliationLabels[c.reconciliation] | transloco }}
              } @else {
                {{ statusLabels.none | transloco }}
              }
            </div>
          </ng-template>
        </ngx-charts-heat-map>
      </div>
    </div>
  `,
  styles: `
    /* Below ~720 px the labels would leave no room for the cells: the map keeps its width and scrolls sideways. */
    .scroll {
      overflow-x: auto;
    }
    .chart {
      width: 100%;
      min-width: 720px;
      min-height: 320px;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      font: var(--mat-sys-body-small);
      margin-bottom: 8px;
    }
    .legend i {
      display: inline-block;
      width: 12px;
      height: 12px;
      margin-right: 6px;
      border-radius: 2px;
      vertical-align: -1px;
      /* The "no link" swatch is close to the surface colour: an outline keeps it visible. */
      box-shadow: 0 0 0 1px var(--mat-sys-outline-variant);
    }
    .tip {
      text-align: left;
      padding: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MatrixChart {
  private readonly reference = inject(ReferenceData);
  private readonly colorScheme = inject(ColorScheme);
  protected readonly format = inject(LocaleFormat);

  /** The matrix to draw. */
  readonly matrix = input.required<Matrix>();

  protected readonly legend = STATUS_LEGEND;
  protected readonly value = STATUS_VALUE;
  protected readonly statusLabels = LINK_STATUS_LABELS;
  protected readonly reconciliationLabels = RECONCILIATION_LABELS;
  protected readonly colours = computed(() => STATUS_COLOURS[this.colorScheme.current()]);
  /**
   * ngx-charts spreads n colours over [0, 1) at steps of 1/n and extrapolates past the last, so the
   * top of the value range is set one step beyond "live" (4) to land each status on its own colour.
   */
  protected readonly colourScaleMax = STATUS_COLOURS.light.length;
  protected readonly scheme = computed((): Color => ({ name: 'link-status', selectable: false, group: ScaleType.Linear, domain: this.colours() }));

  /** Every scanner × issuer pair of the matrix, so that "not recognised" shows as its own colour; names follow the language. */
  protected readonly series = computed(() => {
    const m = this.matrix();
    const byPair = new Map(m.cells.map((c) => [`${c.scanner}|${c.issuer}`, c]));
    const label = (id: string) => this.reference.institutionName(id);
    // The heat map draws its first row at the bottom: reversed, the systemic platforms come first at the top.
    const scanners = [...m.institutions].reverse();
    return m.institutions.map((issuer) => ({
      name: label(issuer),
      series: scanners.map((scanner): HeatCell => {
        const cell = byPair.get(`${scanner}|${issuer}`);
        return { name: label(scanner), value: STATUS_VALUE[cell?.status ?? 'none'] };
      }),
    }));
  });

  /** The heat map's tooltip knows only the labels of a cell: issuer (series) and scanner (name). */
  private readonly cellsByLabel = computed(() => {
    const label = (id: string) => this.reference.institutionName(id);
    return new Map(this.matrix().cells.map((c) => [`${label(c.issuer)}|${label(c.scanner)}`, c]));
  });

  protected cellAt(issuerLabel: string, scannerLabel: string): MatrixCell | undefined {
    return this.cellsByLabel().get(`${issuerLabel}|${scannerLabel}`);
  }

  /** Rows need room for their labels: about 22 px each, plus the rotated issuer labels. */
  protected readonly height = computed(() => Math.max(320, this.matrix().institutions.length * 22 + 220));
}
