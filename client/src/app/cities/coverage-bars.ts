import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { type Color, BarChartModule, ScaleType } from '@swimlane/ngx-charts';
import { LocaleFormat } from '../core/i18n/locale-format';

/** A place and its coverage, named in the active language. */
export interface CoverageBar {
  key: string;
  name: string;
  coverage: number | null;
}

/**
 * Lowest coverage first (none counts as lowest), places that tie by name in the language's order:
 * the chart and its table both use it, so a tie reads the same in each.
 */
export function byCoverageThenName(compareNames: (a: string, b: string) => number, direction: 1 | -1 = 1) {
  return (a: { coverage: number | null; name: string }, b: { coverage: number | null; name: string }) =>
    direction * ((a.coverage ?? -1) - (b.coverage ?? -1)) || compareNames(a.name, b.name);
}

/** Places as horizontal bars, lowest coverage first so that the laggards lead; a click on a bar picks that place. */
@Component({
  selector: 'im-coverage-bars',
  imports: [BarChartModule],
  template: `
    <div class="chart" [style.height.px]="height()" aria-hidden="true">
      <ngx-charts-bar-horizontal
        [results]="data()"
        [scheme]="scheme"
        [xAxis]="true"
        [yAxis]="true"
        [xScaleMax]="1"
        [xAxisTickFormatting]="percentTick"
        [trimYAxisTicks]="false"
        [showDataLabel]="true"
        [dataLabelFormatting]="percentLabel"
        [barPadding]="4"
        [roundDomains]="true"
        [animations]="false"
        (select)="pickBar($event)"
      />
    </div>
  `,
  styles: `
    .chart {
      width: 100%;
      min-width: 0;
    }
    /* The bars are clickable: say so. */
    :host ::ng-deep .bar {
      cursor: pointer;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CoverageBars {
  private readonly format = inject(LocaleFormat);

  /** The places to draw, in any order. */
  readonly bars = input.required<CoverageBar[]>();
  /** The key of the place whose bar was clicked. */
  readonly picked = output<string>();

  protected readonly scheme: Color = { name: 'coverage', selectable: true, group: ScaleType.Ordinal, domain: ['#1e88e5'] };
  protected readonly percentTick = (value: number) => this.format.percent(value, 0);
  protected readonly percentLabel = (value: number) => this.format.percent(value, 0);

  /** ngx-charts draws the first entry at the top. */
  protected readonly sorted = computed(() => [...this.bars()].sort(byCoverageThenName((a, b) => this.format.compare(a, b))));
  protected readonly data = computed(() => this.sorted().map((b) => ({ name: b.name, value: b.coverage ?? 0, extra: { key: b.key } })));
  private readonly keyByName = computed(() => new Map(this.sorted().map((b) => [b.name, b.key])));

  /** About 26 px a bar, plus the axis. */
  protected readonly height = computed(() => Math.max(160, this.bars().length * 26 + 60));

  protected pickBar(event: { name?: string } | string): void {
    const name = typeof event === 'string' ? event : event?.name;
    const key = name === undefined ? undefined : this.keyByName().get(name);
    if (key) this.picked.emit(key);
  }
}
