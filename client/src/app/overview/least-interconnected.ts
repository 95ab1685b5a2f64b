import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Channel, Mode, Overview } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';

/** The cities with the lowest coverage; each name opens that city's matrix at the same period, mode and channel. */
@Component({
  selector: 'im-least-interconnected',
  imports: [MatTableModule, RouterLink, TranslocoPipe],
  template: `
    @if (rows().length === 0) {
      <p class="empty">{{ 'overview.least.empty' | transloco }}</p>
    } @else {
      @if (tie(); as t) {
        <p class="tie" data-testid="least-tie">{{ t.key | transloco: t.values }}</p>
      }
      <div class="scroll scroll-hint" tabindex="0">
        <table mat-table [dataSource]="rows()" [attr.aria-label]="'overview.least.tableLabel' | transloco">
          <ng-container matColumnDef="city">
            <th mat-header-cell *matHeaderCellDef>{{ 'overview.least.city' | transloco }}</th>
            <td mat-cell *matCellDef="let r">
              <a [routerLink]="['/matrix']" [queryParams]="r.matrixParams">{{ r.name }}</a>
            </td>
          </ng-container>
          <ng-container matColumnDef="province">
            <th mat-header-cell *matHeaderCellDef>{{ 'overview.least.province' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.province }}</td>
          </ng-container>
          <ng-container matColumnDef="coverage">
            <th mat-header-cell *matHeaderCellDef class="number">{{ 'overview.least.coverage' | transloco }}</th>
            <td mat-cell *matCellDef="let r" class="number">
              <span class="bar" aria-hidden="true"><i [style.width.%]="r.share * 100"></i></span>
              {{ r.coverage }}
            </td>
          </ng-container>
          <ng-container matColumnDef="pairs">
            <th mat-header-cell *matHeaderCellDef class="number">{{ 'overview.least.pairs' | transloco }}</th>
            <td mat-cell *matCellDef="let r" class="number">{{ r.pairs }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    }
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    th,
    td {
      white-space: nowrap;
    }
    /* A name wraps only where it has a space: a Chinese name kept whole (石家庄市, not 石家庄 / 市). */
    td.mat-column-city,
    td.mat-column-province {
      white-space: normal;
      word-break: keep-all;
    }
    .number {
      text-align: end;
    }
    a {
      color: var(--mat-sys-primary);
      font-weight: 500;
    }
    .bar {
      display: inline-block;
      width: 60px;
      height: 8px;
      margin-right: 8px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
      vertical-align: middle;
    }
    .bar i {
      display: block;
      height: 100%;
      background: #1e88e5;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
    .tie {
      margin: 0 0 8px;
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeastInterconnected {
  private readonly format = inject(LocaleFormat);

  readonly cities = input.required<Overview['leastInterconnected']>();
  /** How many cities share the lowest coverage (the overview's atLowestCoverage, counted by the server). */
  readonly atLowest = input.required<number>();
  /** The view the matrix links open at. */
  readonly period = input.required<string>();
  readonly mode = input.required<Mode>();
  readonly channel = input.required<Channel>();

  protected readonly columns = ['city', 'province', 'coverage', 'pairs'];
  /** Said when more cities share the lowest coverage than are listed: otherwise the order by code passes for a ranking. */
  protected readonly tie = computed(() => {
    const shown = this.cities();
    const count = this.atLowest();
    if (shown.length === 0 || count < 2) return null;
    const values = {
      count: this.format.number(count),
      coverage: this.format.percent(shown[0].coverage),
      shown: this.format.number(shown.length),
    };
    return { key: count > shown.length ? 'overview.least.tieCut' : 'overview.least.tie', values };
  });
  protected readonly rows = computed(() =>
    this.cities().map((c) => ({
      code: c.city,
      name: this.format.name(c),
      province: this.format.name({ name: c.provinceName, nameZh: c.provinceNameZh }),
      share: c.coverage,
      coverage: this.format.percent(c.coverage),
      pairs: `${this.format.number(c.mutualPairs)} / ${this.format.number(c.pairs)}`,
      matrixParams: { city: c.city, period: this.period(), mode: this.mode(), channel: this.channel() },
    })),
  );
}
