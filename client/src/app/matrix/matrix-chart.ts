import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Matrix } from '../core/api/api-types';
import { LINK_STATUS_LABELS, RECONCILIATION_LABELS } from '../core/i18n/domain-labels';
import { LocaleFormat } from '../core/i18n/locale-format';
import { ReferenceData } from '../shared/reference-data';
import { cellKey } from './matrix-diff';
import { type GridCursor, MatrixGrid } from './matrix-grid';
import { MatrixLegend } from './matrix-legend';

/**
 * The city's scanners (rows) × issuers (columns) as a colour grid with the names on every side;
 * the table below it carries the same data. The keyboard moves a ring from cell to cell.
 */
@Component({
  selector: 'im-matrix-chart',
  imports: [MatrixGrid, MatrixLegend, TranslocoPipe],
  template: `
    @let since = changedSince();
    <im-matrix-legend [changed]="since ? ('matrix.chart.changedSince' | transloco: { period: format.period(since), count: format.number(changed().size) }) : null" />
    @let names = { live: (statusLabels.live | transloco), pilot: (statusLabels.pilot | transloco), planned: (statusLabels.planned | transloco), suspended: (statusLabels.suspended | transloco), none: (statusLabels.none | transloco) };
    <!-- The map takes the keyboard: arrow keys move a ring from cell to cell and the line below says what it holds. -->
    <div
      class="keys"
      tabindex="0"
      role="group"
      [attr.aria-label]="'matrix.chart.keyboard' | transloco"
      [attr.aria-describedby]="cursorCell() ? 'matrix-cursor' : null"
      (focus)="startCursor()"
      (keydown)="moveCursor($event)"
    >
      <im-matrix-grid [matrix]="matrix()" [institutions]="matrix().institutions" [changed]="changed()" [statusNames]="names" [cursor]="cursor()" [large]="true" />
    </div>
    <p id="matrix-cursor" class="cursor" aria-live="polite">
      @if (cursorCell(); as k) {
        {{ k.scannerName }} → {{ k.issuerName }}:
        @if (k.cell; as c) {
          {{ 'matrix.chart.since' | transloco: { status: (statusLabels[c.status] | transloco), date: format.date(c.since) } }} ·
          {{ reconciliationLabels[c.reconciliation] | transloco }}
        } @else {
          {{ statusLabels.none | transloco }}
        }
        @if (k.changed) {
          · {{ 'matrix.chart.changedCell' | transloco }}
        }
      }
    </p>
  `,
  styles: `
    im-matrix-legend {
      margin-bottom: 8px;
    }
    .keys:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .cursor {
      min-height: 1.5em;
      margin: 4px 0 0;
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MatrixChart {
  private readonly reference = inject(ReferenceData);
  protected readonly format = inject(LocaleFormat);

  /** The matrix to draw. */
  readonly matrix = input.required<Matrix>();
  /** Keys (scanner|issuer) of the cells that changed since the time-lapse's previous frame. */
  readonly changed = input<ReadonlySet<string>>(new Set());
  /** The period of that previous frame; null when nothing is marked. */
  readonly changedSince = input<string | null>(null);

  protected readonly statusLabels = LINK_STATUS_LABELS;
  protected readonly reconciliationLabels = RECONCILIATION_LABELS;

  /** The keyboard's cell as (row, column) in the order of the matrix's institutions: scanners top-down, issuers left to right. */
  protected readonly cursor = signal<GridCursor | null>(null);
  protected readonly cursorCell = computed(() => {
    const k = this.cursor();
    const ids = this.matrix().institutions;
    if (!k || ids.length === 0) return null;
    const [scanner, issuer] = [ids[Math.min(k.row, ids.length - 1)], ids[Math.min(k.col, ids.length - 1)]];
    const cell = this.matrix().cells.find((c) => c.scanner === scanner && c.issuer === issuer);
    return {
      scannerName: this.reference.institutionName(scanner),
      issuerName: this.reference.institutionName(issuer),
      cell,
      changed: this.changed().has(cellKey(scanner, issuer)),
    };
  });

  protected startCursor(): void {
    if (!this.cursor()) this.cursor.set({ row: 0, col: 0 });
  }

  protected moveCursor(event: KeyboardEvent): void {
    const last = this.matrix().institutions.length - 1;
    const k = this.cursor() ?? { row: 0, col: 0 };
    const moves: Record<string, GridCursor> = {
      ArrowUp: { ...k, row: k.row - 1 },
      ArrowDown: { ...k, row: k.row + 1 },
      ArrowLeft: { ...k, col: k.col - 1 },
      ArrowRight: { ...k, col: k.col + 1 },
      Home: { ...k, col: 0 },
      End: { ...k, col: last },
      PageUp: { ...k, row: 0 },
      PageDown: { ...k, row: last },
    };
    const next = moves[event.key];
    if (!next || last < 0) return;
    event.preventDefault();
    this.cursor.set({ row: Math.max(0, Math.min(last, next.row)), col: Math.max(0, Math.min(last, next.col)) });
  }
}
