import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { ProblemItem } from '../core/api/api-types';

/** Every problem the server found in a report, with where to find it in the file. */
@Component({
  selector: 'im-validation-errors',
  imports: [MatTableModule],
  template: `
    <section data-testid="validation-errors">
      <h3>{{ errors().length }} problem{{ errors().length === 1 ? '' : 's' }} — nothing was stored</h3>
      <div class="scroll">
        <table mat-table [dataSource]="errors()" aria-label="Validation errors">
          <ng-container matColumnDef="code">
            <th mat-header-cell *matHeaderCellDef>Code</th>
            <td mat-cell *matCellDef="let e"><code>{{ e.code }}</code></td>
          </ng-container>
          <ng-container matColumnDef="row">
            <th mat-header-cell *matHeaderCellDef>Row</th>
            <td mat-cell *matCellDef="let e">{{ e.row ?? '' }}</td>
          </ng-container>
          <ng-container matColumnDef="column">
            <th mat-header-cell *matHeaderCellDef>Column</th>
            <td mat-cell *matCellDef="let e">{{ e.column ?? '' }}</td>
          </ng-container>
          <ng-container matColumnDef="path">
            <th mat-header-cell *matHeaderCellDef>Field</th>
            <td mat-cell *matCellDef="let e"><code>{{ e.path ?? '' }}</code></td>
          </ng-container>
          <ng-container matColumnDef="message">
            <th mat-header-cell *matHeaderCellDef>Problem</th>
            <td mat-cell *matCellDef="let e">{{ e.message }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    </section>
  `,
  styles: `
    h3 {
      color: var(--mat-sys-error);
    }
    .scroll {
      overflow-x: auto;
      max-height: 480px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ValidationErrors {
  readonly errors = input.required<ProblemItem[]>();
  protected readonly columns = ['code', 'row', 'column', 'path', 'message'];
}
