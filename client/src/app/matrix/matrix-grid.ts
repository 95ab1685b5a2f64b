import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Matrix } from '../core/api/api-types';
import { LINK_STATUS_LABELS } from '../core/i18n/domain-labels';
import { ColorScheme } from '../core/theme/color-scheme';
import { ReferenceData } from '../shared/reference-data';
import { STATUS_COLOURS, STATUS_VALUE } from './matrix-cells';
import { type CellStatus, cellKey } from './matrix-diff';

/**
 * A compact scanners × issuers grid of one period, small enough to sit beside another: columns
 * are numbered like the rows, changed cells carry a ring. The table of changes beside it carries
 * the same information for screen readers, so the grid itself is hidden from them.
 */
@Component({
  selector: 'im-matrix-grid',
  imports: [TranslocoPipe],
  template: `
    <div class="scroll" aria-hidden="true">
      <div class="grid" [style.grid-template-columns]="template()">
        <span class="corner">{{ 'matrix.compare.scannerIssuer' | transloco }}</span>
        @for (col of columns(); track col.id) {
          <span class="col" [title]="col.name">{{ col.n }}</span>
        }
        @for (row of rows(); track row.id) {
          <span class="row" [title]="row.name">{{ row.n }}. {{ row.name }}</span>
          @for (cell of row.cells; track cell.issuer) {
            <i class="cell" [class.changed]="cell.changed" [style.background]="cell.colour" [title]="cell.title"></i>
          }
        }
      </div>
    </div>
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    .grid {
      display: grid;
      gap: 1px;
      align-items: center;
      width: max-content;
      font: var(--mat-sys-label-small);
    }
    .corner {
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .col {
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
      font-size: 7px;
    }
    /* Names are shown whole (a Chinese name cut after four characters names the wrong bank); the grid scrolls when it must. */
    .row {
      white-space: nowrap;
      padding-right: 4px;
    }
    .cell {
      display: block;
      width: 10px;
      height: 10px;
      border-radius: 1px;
    }
    /* A changed cell: a ring in the theme's strongest contrast colour, visible on every status colour. */
    .cell.changed {
      outline: 2px solid var(--mat-sys-on-surface);
      outline-offset: -1px;
      box-shadow: 0 0 0 2px var(--mat-sys-surface);
      position: relative;
      z-index: 1;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MatrixGrid {
  private readonly reference = inject(ReferenceData);
  private readonly colorScheme = inject(ColorScheme);

  /** The matrix of the period drawn. */
  readonly matrix = input.required<Matrix>();
  /** Row and column order, shared with the grid it is compared with. */
  readonly institutions = input.required<string[]>();
  /** Keys (scanner|issuer) of the cells to ring. */
  readonly changed = input<ReadonlySet<string>>(new Set());
  /** Translated status labels for the cells' tooltips, keyed by status. */
  readonly statusNames = input<Partial<Record<CellStatus, string>>>({});

  protected readonly template = computed(() => `max-content repeat(${this.institutions().length}, 10px)`);
  protected readonly columns = computed(() => this.institutions().map((id, i) => ({ id, n: i + 1, name: this.reference.institutionName(id) })));
  protected readonly rows = computed(() => {
    const colours = STATUS_COLOURS[this.colorScheme.current()];
    const status = new Map(this.matrix().cells.map((c) => [cellKey(c.scanner, c.issuer), c.status as CellStatus]));
    const changed = this.changed();
    const names = this.statusNames();
    const ids = this.institutions();
    return ids.map((scanner, i) => {
      const scannerName = this.reference.institutionName(scanner);
      return {
        id: scanner,
        n: i + 1,
        name: scannerName,
        cells: ids.map((issuer) => {
          const key = cellKey(scanner, issuer);
          const s = status.get(key) ?? 'none';
          return {
            issuer,
            colour: colours[STATUS_VALUE[s]],
            changed: changed.has(key),
            title: `${scannerName} → ${this.reference.institutionName(issuer)}: ${names[s] ?? LINK_STATUS_LABELS[s]}`,
          };
        }),
      };
    });
  });
}
