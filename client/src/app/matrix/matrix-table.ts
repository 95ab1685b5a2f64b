import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { Matrix } from '../core/api/api-types';
import { ReferenceData } from '../shared/reference-data';

/** The matrix's links as a table: readable by screen readers and by anyone who prefers rows. */
@Component({
  selector: 'im-matrix-table',
  imports: [MatTableModule],
  template: `
    <div class="scroll">
      <table mat-table [dataSource]="rows()" aria-label="Interconnection matrix as a table">
        <ng-container matColumnDef="scanner">
          <th mat-header-cell *matHeaderCellDef>Scanner</th>
          <td mat-cell *matCellDef="let r">{{ r.scannerName }}</td>
        </ng-container>
        <ng-container matColumnDef="issuer">
          <th mat-header-cell *matHeaderCellDef>Issuer</th>
          <td mat-cell *matCellDef="let r">{{ r.issuerName }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let r"><span class="status" [class]="r.status">{{ r.status }}</span></td>
        </ng-container>
        <ng-container matColumnDef="since">
          <th mat-header-cell *matHeaderCellDef>Since</th>
          <td mat-cell *matCellDef="let r">{{ r.since }}</td>
        </ng-container>
        <ng-container matColumnDef="reconciliation">
          <th mat-header-cell *matHeaderCellDef>Reconciliation</th>
          <td mat-cell *matCellDef="let r">{{ r.reconciliation }}</td>
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
    .status.live {
      color: #1b5e20;
      font-weight: 600;
    }
    .status.suspended {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MatrixTable {
  private readonly reference = inject(ReferenceData);

  readonly matrix = input.required<Matrix>();
  protected readonly columns = ['scanner', 'issuer', 'status', 'since', 'reconciliation'];
  protected readonly rows = computed(() =>
    this.matrix().cells.map((c) => ({ ...c, scannerName: this.reference.institutionName(c.scanner), issuerName: this.reference.institutionName(c.issuer) })),
  );
}
