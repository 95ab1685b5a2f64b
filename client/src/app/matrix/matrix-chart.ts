import { afterRenderEffect, ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal } from '@angular/core';
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
    <!-- The map takes the keyboard: arrow keys move a ring from cell to cell and the line below says what it holds. -->
    <div
      class="keys"
      tabindex="0"
      role="group"
      [attr.aria-label]="'matrix.chart.keyboard' | transloco"
      [attr.aria-describedby]="cursorCell() ? 'matrix-cursor' : null"
      (focus)="startCursor()"
      (keydown)="moveCursor($event)"
    >
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
    </div>
    <p id="matrix-cursor" class="cursor" aria-live="polite">
      @if (cursorCell(); as k) {
        {{ k.scannerName }} → {{ k.issuerName }}:
        @if (k.cell; as c) {
          {{ 'matrix.chart.since' | transloco: { status: (statusLabels[c.status] | transloco), date: format.date(c.since) } }} ·
          {{ reconciliationLabels[c.reconciliation] | transloco }}
        } @else {
          {{ statusLabels.none | transloco }}
        }
      }
    </p>
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
    .keys:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    /* The keyboard's cell: a thick ring in the strongest contrast colour, on top of its neighbours. */
    :host ::ng-deep g.im-cursor rect {
      stroke: var(--mat-sys-on-surface);
      stroke-width: 3px;
    }
    .cursor {
      min-height: 1.5em;
      margin: 4px 0 0;
      font: var(--mat-sys-body-medium);
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

  /** The keyboard's cell as (row, column) in the order of the matrix's institutions: scanners top-down, issuers left to right. */
  protected readonly cursor = signal<{ row: number; col: number } | null>(null);
  protected readonly cursorCell = computed(() => {
    const k = this.cursor();
    const ids = this.matrix().institutions;
    if (!k || ids.length === 0) return null;
    const [scanner, issuer] = [ids[Math.min(k.row, ids.length - 1)], ids[Math.min(k.col, ids.length - 1)]];
    const cell = this.matrix().cells.find((c) => c.scanner === scanner && c.issuer === issuer);
    return { scannerName: this.reference.institutionName(scanner), issuerName: this.reference.institutionName(issuer), cell };
  });

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  constructor() {
    // ngx-charts owns the cells' DOM: after each render the ring moves to the cell under the cursor.
    // Cells come issuer by issuer (series), each with the scanners bottom-up, as `series` feeds them.
    afterRenderEffect(() => {
      const k = this.cursor();
      const n = this.series().length;
      const cells = this.host.nativeElement.querySelectorAll('g[ngx-charts-heat-map-cell]');
      cells.forEach((g) => g.classList.remove('im-cursor'));
      if (!k || n === 0) return;
      const target = cells.item(Math.min(k.col, n - 1) * n + (n - 1 - Math.min(k.row, n - 1)));
      target?.classList.add('im-cursor');
      target?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    });
  }

  protected startCursor(): void {
    if (!this.cursor()) this.cursor.set({ row: 0, col: 0 });
  }

  protected moveCursor(event: KeyboardEvent): void {
    const last = this.matrix().institutions.length - 1;
    const k = this.cursor() ?? { row: 0, col: 0 };
    const moves: Record<string, { row: number; col: number }> = {
      ArrowUp: { ...k, row: k.row - 1 },
      ArrowDown: { ...k, row: k.row + 1 },
      ArrowLeft: { ...k, col: k.col - 1 },
      ArrowRight: { ...k, col: k.col + 1 },
      Home: { ...k, col: 0 },
      End: { ...k, col: last },
      PageUp: { ...k, row: 0 },
      PageDown: { ...k, row: last },
    };
    const next = moves[event.key];
    if (!next || last < 0) return;
    event.preventDefault();
    this.cursor.set({ row: Math.max(0, Math.min(last, next.row)), col: Math.max(0, Math.min(last, next.col)) });
  }

  /** Rows need room for their labels: about 22 px each, plus the rotated issuer labels. */
  protected readonly height = computed(() => Math.max(320, this.matrix().institutions.length * 22 + 220));
}
