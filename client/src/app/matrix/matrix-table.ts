import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Matrix } from '../core/api/api-types';
import { LINK_STATUS_LABELS, RECONCILIATION_LABELS } from '../core/i18n/domain-labels';
import { LocaleFormat } from '../core/i18n/locale-format';
import { ReferenceData } from '../shared/reference-data';

/** The matrix's links as a table: readable by screen readers and by anyone who prefers rows. */
@Component({
  selector: 'im-matrix-table',
  imports: [MatTableModule, TranslocoPipe],
  template: `
    <div class="scroll scroll-hint" tabindex="0">
      <table mat-table [dataSource]="rows()" [attr.aria-label]="'matrix.table.label' | transloco">
        <ng-container matColumnDef="scanner">
          <th mat-header-cell *matHeaderCellDef>{{ 'matrix.table.scanner' | transloco }}</th>
          <td mat-cell *matCellDef="let r">{{ r.scannerName }}</td>
        </ng-container>
        <ng-container matColumnDef="issuer">
          <th mat-header-cell *matHeaderCellDef>{{ 'matrix.table.issuer' | transloco }}</th>
          <td mat-cell *matCellDef="let r">{{ r.issuerName }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'matrix.table.status' | transloco }}</th>
          <td mat-cell *matCellDef="let r"><span class="status" [class]="r.status">{{ r.statusLabel | transloco }}</span></td>
        </ng-container>
        <ng-container matColumnDef="since">
          <th mat-header-cell *matHeaderCellDef>{{ 'matrix.table.since' | transloco }}</th>
          <td mat-cell *matCellDef="let r">{{ r.sinceText }}</td>
        </ng-container>
        <ng-container matColumnDef="reconciliation">
          <th mat-header-cell *matHeaderCellDef>{{ 'matrix.table.reconciliation' | transloco }}</th>
          <td mat-cell *matCellDef="let r">{{ r.reconciliationLabel | transloco }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </div>
  `,
  styles: `
    .scroll {
      overflow-x: auto;
      max-height: 520px;
    }
    /* Chinese names may break between any two characters: names get a minimum width, the rest one line. */
    th,
    td {
      white-space: nowrap;
    }
    td.mat-column-scanner,
    td.mat-column-issuer {
      white-space: normal;
      min-width: 9em;
    }
    .status.live {
      color: var(--im-status-live);
      font-weight: 600;
    }
    .status.suspended {
      color: var(--im-status-suspended);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MatrixTable {
  private readonly reference = inject(ReferenceData);
  private readonly format = inject(LocaleFormat);

  /** The matrix whose links to list. */
  readonly matrix = input.required<Matrix>();
  protected readonly columns = ['scanner', 'issuer', 'status', 'since', 'reconciliation'];
  /**
   * Rows with names and dates in the active language, by scanner then issuer in that language's
   * order (pinyin in Chinese); re-created when the language changes, so the table re-renders.
   */
  protected readonly rows = computed(() =>
    this.matrix()
      .cells.map((c) => ({
        ...c,
        scannerName: this.reference.institutionName(c.scanner),
        issuerName: this.reference.institutionName(c.issuer),
        statusLabel: LINK_STATUS_LABELS[c.status],
        sinceText: this.format.date(c.since),
        reconciliationLabel: RECONCILIATION_LABELS[c.reconciliation],
      }))
      .sort((a, b) => this.format.compare(a.scannerName, b.scannerName) || this.format.compare(a.issuerName, b.issuerName)),
  );
}
