import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { BarChartModule, type Color, ScaleType } from '@swimlane/ngx-charts';
import type { Overview } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';
import { Viewport } from '../core/layout/viewport';
import { axisTicks } from './axis-ticks';

type Month = Overview['findingsByMonth'][number];

/** Findings opened and resolved per report period, as grouped bars, with a table on demand. */
@Component({
  selector: 'im-findings-by-month-chart',
  imports: [BarChartModule, MatSlideToggleModule, MatTableModule, TranslocoPipe],
  template: `
    <mat-slide-toggle [checked]="asTable()" (change)="asTable.set($event.checked)">{{ 'overview.showAsTable' | transloco }}</mat-slide-toggle>
    @if (months().length === 0) {
      <p class="empty">{{ 'overview.findings.empty' | transloco }}</p>
    } @else if (asTable()) {
      <div class="scroll scroll-hint" tabindex="0">
        <table mat-table [dataSource]="rows()" [attr.aria-label]="'overview.findings.tableLabel' | transloco">
          <ng-container matColumnDef="period">
            <th mat-header-cell *matHeaderCellDef>{{ 'overview.findings.period' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.period }}</td>
          </ng-container>
          <ng-container matColumnDef="opened">
            <th mat-header-cell *matHeaderCellDef>{{ openedLabel() }}</th>
            <td mat-cell *matCellDef="let r">{{ r.opened }}</td>
          </ng-container>
          <ng-container matColumnDef="resolved">
            <th mat-header-cell *matHeaderCellDef>{{ resolvedLabel() }}</th>
            <td mat-cell *matCellDef="let r">{{ r.resolved }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns; sticky: true"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    } @else {
      <div class="legend" aria-hidden="true">
        <span><i [style.background]="colours[0]"></i>{{ openedLabel() }}</span>
        <span><i [style.background]="colours[1]"></i>{{ resolvedLabel() }}</span>
      </div>
      <div class="chart" role="img" [attr.aria-label]="summary()">
        <ngx-charts-bar-vertical-2d [results]="chartData()" [scheme]="scheme" [xAxis]="true" [xAxisTicks]="xTicks()" [yAxis]="true" [groupPadding]="2" [barPadding]="1" [roundDomains]="true" [animations]="false" />
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
      height: 270px;
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
    .legend {
      display: flex;
      gap: 16px;
      font: var(--mat-sys-body-small);
    }
    .legend i {
      display: inline-block;
      width: 12px;
      height: 12px;
      margin-right: 6px;
      border-radius: 2px;
      vertical-align: -1px;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FindingsByMonthChart {
  private readonly format = inject(LocaleFormat);
  private readonly narrow = inject(Viewport).narrow;

  /** One entry per period, ascending. */
  readonly months = input.required<Month[]>();
  /** Series labels, translated by the parent. */
  readonly openedLabel = input('');
  readonly resolvedLabel = input('');

  protected readonly asTable = signal(false);
  protected readonly columns = ['period', 'opened', 'resolved'];
  /** Orange for new findings, green for resolved ones: readable on both schemes' surfaces. */
  protected readonly colours = ['#fb8c00', '#43a047'];
  protected readonly scheme: Color = { name: 'findings', selectable: false, group: ScaleType.Ordinal, domain: this.colours };

  /** On a phone, every few months on the axis: 24 rotated labels would overlap. */
  protected readonly xTicks = computed(() =>
    axisTicks(
      this.months().map((m) => this.format.period(m.period)),
      this.narrow(),
    ),
  );
  protected readonly chartData = computed(() =>
    this.months().map((m) => ({
      name: this.format.period(m.period),
      series: [
        { name: this.openedLabel(), value: m.opened },
        { name: this.resolvedLabel(), value: m.resolved },
      ],
    })),
  );

  protected readonly rows = computed(() =>
    this.months().map((m) => ({
      period: this.format.period(m.period),
      opened: this.format.number(m.opened),
      resolved: this.format.number(m.resolved),
    })),
  );

  protected readonly summary = computed(() => {
    const opened = this.months().reduce((sum, m) => sum + m.opened, 0);
    const resolved = this.months().reduce((sum, m) => sum + m.resolved, 0);
    return `${this.openedLabel()} ${this.format.number(opened)}, ${this.resolvedLabel()} ${this.format.number(resolved)}`;
  });
}
