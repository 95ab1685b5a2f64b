import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ProblemItem } from '../core/api/api-types';
import { Viewport } from '../core/layout/viewport';

/**
 * Every problem the server found in a report, with where to find it in the file. The codes are
 * stable and shown as they are; the messages come from the server (in English).
 */
@Component({
  selector: 'im-validation-errors',
  imports: [MatTableModule, TranslocoPipe],
  template: `
    <section data-testid="validation-errors">
      <h3>
        @if (errors().length === 1) {
          {{ 'reports.validation.headingOne' | transloco }}
        } @else {
          {{ 'reports.validation.headingMany' | transloco: { count: errors().length } }}
        }
      </h3>
      <div class="scroll scroll-hint" tabindex="0">
        <table mat-table [dataSource]="errors()" [attr.aria-label]="'reports.validation.label' | transloco">
          <ng-container matColumnDef="code">
            <th mat-header-cell *matHeaderCellDef>{{ 'reports.validation.code' | transloco }}</th>
            <td mat-cell *matCellDef="let e"><code>{{ e.code }}</code></td>
          </ng-container>
          <ng-container matColumnDef="row">
            <th mat-header-cell *matHeaderCellDef>{{ 'reports.validation.row' | transloco }}</th>
            <td mat-cell *matCellDef="let e">{{ e.row ?? '' }}</td>
          </ng-container>
          <ng-container matColumnDef="column">
            <th mat-header-cell *matHeaderCellDef>{{ 'reports.validation.column' | transloco }}</th>
            <td mat-cell *matCellDef="let e">{{ e.column ?? '' }}</td>
          </ng-container>
          <ng-container matColumnDef="path">
            <th mat-header-cell *matHeaderCellDef>{{ 'reports.validation.field' | transloco }}</th>
            <td mat-cell *matCellDef="let e"><code>{{ e.path ?? '' }}</code></td>
          </ng-container>
          <ng-container matColumnDef="message">
            <th mat-header-cell *matHeaderCellDef>{{ 'reports.validation.problem' | transloco }}</th>
            <td mat-cell *matCellDef="let e">{{ e.message }}</td>
          </ng-container>
          <ng-container matColumnDef="where">
            <th mat-header-cell *matHeaderCellDef>{{ 'reports.validation.where' | transloco }}</th>
            <td mat-cell *matCellDef="let e">
              @if (e.row != null) {
                {{ 'reports.validation.row' | transloco }} {{ e.row }}
              }
              <code>{{ e.column ?? e.path ?? '' }}</code><br />
              <code class="code">{{ e.code }}</code>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns()"></tr>
          <tr mat-row *matRowDef="let row; columns: columns()"></tr>
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
    /* Keep short cells on one line and give the message room: the table scrolls sideways on a phone. */
    th,
    td {
      white-space: nowrap;
    }
    td.mat-column-message {
      white-space: normal;
      min-width: 18em;
      /* A message may quote a long value or a list of allowed ones with no space to break at. */
      overflow-wrap: anywhere;
    }
    /* On a phone: where and which code in one column, the message beside it in the rest of the width. */
    td.mat-column-where {
      vertical-align: top;
      padding-top: 8px;
      padding-bottom: 8px;
    }
    .code {
      color: var(--mat-sys-on-surface-variant);
    }
    /* On a phone both columns wrap, long codes and paths included, so that nothing passes the right edge. */
    @media (max-width: 600px) {
      td.mat-column-where {
        white-space: normal;
        overflow-wrap: anywhere;
        width: 40%;
      }
      td.mat-column-message {
        min-width: 0;
        vertical-align: top;
        padding-top: 8px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ValidationErrors {
  /** The problems, in the order the server found them. */
  readonly errors = input.required<ProblemItem[]>();
  private readonly narrow = inject(Viewport).narrow;
  protected readonly columns = computed(() => (this.narrow() ? ['where', 'message'] : ['code', 'row', 'column', 'path', 'message']));
}
