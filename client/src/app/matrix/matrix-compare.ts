import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Matrix } from '../core/api/api-types';
import { LINK_STATUS_LABELS } from '../core/i18n/domain-labels';
import { LocaleFormat } from '../core/i18n/locale-format';
import { ReferenceData } from '../shared/reference-data';
import { cellKey, changedCells, unionOfInstitutions } from './matrix-diff';
import { MatrixGrid } from './matrix-grid';
import { MatrixLegend } from './matrix-legend';

/** Two periods of one city side by side, the cells that changed marked with a dot in both and listed in a table. */
@Component({
  selector: 'im-matrix-compare',
  imports: [MatTableModule, MatrixGrid, MatrixLegend, TranslocoPipe],
  template: `
    <im-matrix-legend [changed]="'matrix.compare.changedCell' | transloco" />
    @let names = { live: (statusLabels.live | transloco), pilot: (statusLabels.pilot | transloco), planned: (statusLabels.planned | transloco), suspended: (statusLabels.suspended | transloco), none: (statusLabels.none | transloco) };
    <div class="pair">
      <figure>
        <figcaption>{{ format.period(earlier().period) }}</figcaption>
        <im-matrix-grid [matrix]="earlier()" [institutions]="institutions()" [changed]="changedKeys()" [statusNames]="names" />
      </figure>
      <figure>
        <figcaption>{{ format.period(later().period) }}</figcaption>
        <im-matrix-grid [matrix]="later()" [institutions]="institutions()" [changed]="changedKeys()" [statusNames]="names" />
      </figure>
    </div>
    <h3>{{ 'matrix.compare.changes' | transloco: { count: format.number(rows().length), from: format.period(earlier().period), to: format.period(later().period) } }}</h3>
    @if (rows().length === 0) {
      <p class="empty">{{ 'matrix.compare.noChanges' | transloco }}</p>
    } @else {
      <div class="scroll scroll-hint" tabindex="0">
        <table mat-table [dataSource]="rows()" [attr.aria-label]="'matrix.compare.tableLabel' | transloco">
          <ng-container matColumnDef="scanner">
            <th mat-header-cell *matHeaderCellDef>{{ 'matrix.table.scanner' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.scannerName }}</td>
          </ng-container>
          <ng-container matColumnDef="issuer">
            <th mat-header-cell *matHeaderCellDef>{{ 'matrix.table.issuer' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.issuerName }}</td>
          </ng-container>
          <ng-container matColumnDef="before">
            <th mat-header-cell *matHeaderCellDef>{{ format.period(earlier().period) }}</th>
            <td mat-cell *matCellDef="let r"><span class="status" [class]="r.before">{{ r.beforeLabel | transloco }}</span></td>
          </ng-container>
          <ng-container matColumnDef="after">
            <th mat-header-cell *matHeaderCellDef>{{ format.period(later().period) }}</th>
            <td mat-cell *matCellDef="let r" class="changed-cell"><span class="status" [class]="r.after">{{ r.afterLabel | transloco }}</span></td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns; sticky: true"></tr>
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
    .pair {
      display: flex;
      flex-wrap: wrap;
      gap: 16px 24px;
    }
    figure {
      margin: 0;
      min-width: 0;
      max-width: 100%;
    }
    figcaption {
      font: var(--mat-sys-title-small);
      margin-bottom: 4px;
    }
    h3 {
      margin: 8px 0 0;
    }
    .scroll {
      overflow: auto;
      max-height: 420px;
    }
    th,
    td {
      white-space: nowrap;
    }
    td.mat-column-scanner,
    td.mat-column-issuer {
      white-space: normal;
      min-width: 9em;
    }
    /* The later status is the news: it is marked like a highlighted cell. */
    td.changed-cell {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .status.live {
      font-weight: 600;
    }
    .status.suspended {
      color: var(--im-status-suspended);
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MatrixCompare {
  private readonly reference = inject(ReferenceData);
  protected readonly format = inject(LocaleFormat);

  /** The matrix of the period shown on the page. */
  readonly matrix = input.required<Matrix>();
  /** The matrix of the period it is compared with (earlier or later). */
  readonly other = input.required<Matrix>();

  protected readonly statusLabels = LINK_STATUS_LABELS;
  protected readonly columns = ['scanner', 'issuer', 'before', 'after'];

  /** Whichever of the two comes first is drawn on the left. */
  protected readonly earlier = computed(() => (this.other().period < this.matrix().period ? this.other() : this.matrix()));
  protected readonly later = computed(() => (this.other().period < this.matrix().period ? this.matrix() : this.other()));
  protected readonly institutions = computed(() => unionOfInstitutions(this.earlier(), this.later()));
  private readonly changes = computed(() => changedCells(this.earlier(), this.later()));
  protected readonly changedKeys = computed(() => new Set(this.changes().map((c) => cellKey(c.scanner, c.issuer))));
  protected readonly rows = computed(() =>
    this.changes()
      .map((c) => ({
        ...c,
        scannerName: this.reference.institutionName(c.scanner),
        issuerName: this.reference.institutionName(c.issuer),
        beforeLabel: LINK_STATUS_LABELS[c.before],
        afterLabel: LINK_STATUS_LABELS[c.after],
      }))
      .sort((a, b) => this.format.compare(a.scannerName, b.scannerName) || this.format.compare(a.issuerName, b.issuerName)),
  );
}
