import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ProblemItem } from '../core/api/api-types';
import { Viewport } from '../core/layout/viewport';

/** A list the table shows: the errors that blocked the report, or the warnings that would not have. */
interface ProblemGroup {
  kind: 'error' | 'warning';
  items: ProblemItem[];
  /** The heading's translation key, and its parameters. */
  heading: string;
  count: number;
  /** The table's accessible name. */
  label: string;
}

/**
 * Every problem the server found in a report, with where to find it in the file: the errors that
 * kept it from being stored, and beside them the warnings it would have been stored with, so that
 * both can be fixed in one pass. The codes are stable and shown as they are; the messages come from
 * the server, in the language the client asked for.
 */
@Component({
  selector: 'im-validation-errors',
  imports: [MatTableModule, TranslocoPipe],
  template: `
    @for (group of groups(); track group.kind) {
      <section [attr.data-testid]="group.kind === 'error' ? 'validation-errors' : 'validation-warnings'" [class]="group.kind">
        <h3>
          @if (group.kind === 'error') {
            <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z" /></svg>
          } @else {
            <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z" /></svg>
          }
          {{ group.heading | transloco: { count: group.count } }}
        </h3>
        <div class="scroll scroll-hint" tabindex="0">
          <table mat-table [dataSource]="group.items" [attr.aria-label]="group.label | transloco">
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
                  {{ 'reports.validation.atRow' | transloco: { row: e.row } }}
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
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    h3 {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      margin: 0 0 4px;
    }
    .icon {
      flex: none;
      width: 22px;
      height: 22px;
      fill: currentColor;
    }
    /* Errors block, in the error colour; warnings do not block: marked apart, in the tertiary colour, never red. */
    .error h3 {
      color: var(--mat-sys-error);
    }
    .warning h3 {
      color: var(--mat-sys-tertiary);
    }
    .warning {
      border-left: 4px solid var(--mat-sys-tertiary);
      padding-left: 12px;
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
  /** The problems that kept the report from being stored, in the order the server found them. */
  readonly errors = input.required<ProblemItem[]>();
  /** The plausibility warnings the report would have been stored with. */
  readonly warnings = input<ProblemItem[]>([]);
  private readonly narrow = inject(Viewport).narrow;
  protected readonly columns = computed(() => (this.narrow() ? ['where', 'message'] : ['code', 'row', 'column', 'path', 'message']));

  protected readonly groups = computed((): ProblemGroup[] => {
    const errors = this.errors();
    const warnings = this.warnings();
    const groups: ProblemGroup[] = [];
    if (errors.length > 0) {
      groups.push({
        kind: 'error',
        items: errors,
        count: errors.length,
        heading: errors.length === 1 ? 'reports.validation.headingOne' : 'reports.validation.headingMany',
        label: 'reports.validation.label',
      });
    }
    if (warnings.length > 0) {
      groups.push({
        kind: 'warning',
        items: warnings,
        count: warnings.length,
        heading: warnings.length === 1 ? 'reports.validation.warningsOne' : 'reports.validation.warningsMany',
        label: 'reports.validation.warningsLabel',
      });
    }
    return groups;
  });
}
