import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Matrix } from '../core/api/api-types';
import { LINK_STATUS_LABELS } from '../core/i18n/domain-labels';
import { ColorScheme } from '../core/theme/color-scheme';
import { ReferenceData } from '../shared/reference-data';
import { STATUS_COLOURS, STATUS_VALUE } from './matrix-cells';
import { type CellStatus, cellKey } from './matrix-diff';

/** A cell under the keyboard's cursor: indexes into `institutions` (row: scanner, col: issuer). */
export interface GridCursor {
  row: number;
  col: number;
}

/**
 * A scanners × issuers grid of one period: issuer names across the top (sticky while the grid
 * scrolls) and again at the bottom, scanner names down the left (sticky too), changed cells marked
 * with a dot, the keyboard's cell with a ring. `large` is the city's map; the compact size sits
 * beside another period's grid. The tables beside it carry the same information for screen
 * readers, so the grid itself is hidden from them.
 */
@Component({
  selector: 'im-matrix-grid',
  imports: [TranslocoPipe],
  host: {
    // Where columns wait beyond the right edge, the grid says so with a shadow (see the styles).
    '[class.more-to-the-right]': 'moreToTheRight()',
    '(window:resize)': 'measureOverflow()',
  },
  template: `
    <div #scrollBox class="scroll" [class.large]="large()" aria-hidden="true" (scroll)="measureOverflow()">
      <div class="grid" [style.grid-template-columns]="template()">
        <span class="corner top">{{ 'matrix.compare.scannerIssuer' | transloco }}</span>
        @for (col of columns(); track col.id) {
          <span class="col top" [class.cursor]="col.cursor" [title]="col.name"><span class="name">{{ col.name }}</span></span>
        }
        @for (row of rows(); track row.id) {
          <span class="row" [class.cursor]="row.cursor" [title]="row.name">{{ row.name }}</span>
          @for (cell of row.cells; track cell.issuer) {
            <i class="cell" [class.changed]="cell.changed" [class.cursor]="cell.cursor" [style.background-color]="cell.colour" [title]="cell.title"></i>
          }
        }
        <span class="corner bottom"></span>
        @for (col of columns(); track col.id) {
          <span class="col bottom" [title]="col.name"><span class="name">{{ col.name }}</span></span>
        }
      </div>
    </div>
  `,
  styles: `
    /* The app's .scroll-hint draws its shadows as the box's background, which the grid's coloured
       cells and sticky names would cover: the grid draws the same shadow above them instead, while
       columns wait beyond the right edge (a phone hides the scrollbar until one scrolls). */
    :host {
      display: block;
      position: relative;
    }
    :host(.more-to-the-right)::after {
      content: '';
      position: absolute;
      top: 0;
      right: 0;
      bottom: 0;
      width: 16px;
      pointer-events: none;
      background: radial-gradient(farthest-side at 100% 50%, color-mix(in srgb, var(--mat-sys-on-surface) 30%, transparent), transparent);
    }
    /* The grid scrolls in its own box, so that its header row and name column can stay in view (sticky) on any screen. */
    .scroll {
      overflow: auto;
      max-width: 100%;
    }
    /* Short enough that the box and the keyboard's line below it fit on screen together, under the toolbar. */
    .scroll.large {
      max-height: max(400px, calc(100vh - 220px));
    }
    .grid {
      display: grid;
      align-items: stretch;
      width: max-content;
      font: var(--mat-sys-label-small);
      --cell: 13px;
    }
    .large .grid {
      font: var(--mat-sys-body-small);
      --cell: 24px;
    }
    .corner,
    .col,
    .row {
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .corner {
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
      align-self: end;
      padding: 0 4px 4px 0;
    }
    .corner.top {
      position: sticky;
      top: 0;
      left: 0;
      z-index: 3;
      align-self: stretch;
      display: flex;
      align-items: flex-end;
    }
    /* Issuer names read top to bottom, so that a Chinese name stands upright, on one line each so that it is plain which column a name heads. */
    .col {
      display: flex;
      flex-direction: column;
      align-items: center;
    }
    .col .name {
      writing-mode: vertical-rl;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      /* Every Chinese name fits whole; the few longest English ones are cut near their end (the title and the rows' names say them whole). */
      max-height: 12em;
      font-size: 10px;
      line-height: var(--cell);
    }
    .large .col .name {
      max-height: 14em;
      font-size: 11px;
    }
    /* The top row stays in view while the grid scrolls; its names end at the cells they head. */
    .col.top {
      position: sticky;
      top: 0;
      z-index: 2;
      justify-content: flex-end;
      padding-bottom: 4px;
    }
    .col.bottom {
      justify-content: flex-start;
      padding-top: 4px;
    }
    /* Scanner names are shown whole (a Chinese name cut after four characters names the wrong bank): long ones wrap. */
    .row {
      position: sticky;
      left: 0;
      z-index: 1;
      padding-right: 6px;
      max-width: 16em;
      display: flex;
      align-items: center;
    }
    /* Two compact grids sit side by side on a 1440 px screen. */
    .scroll:not(.large) .row {
      max-width: 12em;
    }
    .col.cursor,
    .row.cursor {
      font-weight: 700;
      text-decoration: underline;
    }
    /* Cells are separated by a border in the surface colour rather than a grid gap, so nothing shows through the sticky names. */
    .cell {
      display: block;
      position: relative;
      box-sizing: border-box;
      width: var(--cell);
      min-height: var(--cell);
      border: 1px solid var(--mat-sys-surface);
      border-radius: 2px;
      scroll-margin: 130px 0 0 17em;
    }
    /* A changed cell carries a dot in the theme's strongest contrast colour: a shape, not only a colour, on every status colour. */
    .cell.changed::after {
      content: '';
      position: absolute;
      /* A fixed size, centred: a cell stretched by a two-line name keeps a round dot. */
      top: 50%;
      left: 50%;
      width: calc(var(--cell) * 0.42);
      height: calc(var(--cell) * 0.42);
      transform: translate(-50%, -50%);
      border-radius: 50%;
      background: var(--mat-sys-on-surface);
      box-shadow: 0 0 0 1px var(--mat-sys-surface);
    }
    /* The keyboard's cell: a thick ring on top of its neighbours. */
    .cell.cursor {
      outline: 3px solid var(--mat-sys-on-surface);
      outline-offset: -1px;
      z-index: 1;
    }
    @media (max-width: 600px) {
      .row {
        max-width: 8em;
      }
      .cell {
        scroll-margin: 130px 0 0 9em;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MatrixGrid {
  private readonly reference = inject(ReferenceData);
  private readonly colorScheme = inject(ColorScheme);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** The matrix of the period drawn. */
  readonly matrix = input.required<Matrix>();
  /** Row and column order (shared with the grid it is compared with). */
  readonly institutions = input.required<string[]>();
  /** Keys (scanner|issuer) of the cells to mark as changed. */
  readonly changed = input<ReadonlySet<string>>(new Set());
  /** Translated status labels for the cells' tooltips, keyed by status. */
  readonly statusNames = input<Partial<Record<CellStatus, string>>>({});
  /** The keyboard's cell, ringed and scrolled into view. */
  readonly cursor = input<GridCursor | null>(null);
  /** The city's map (large cells, names on two lines) rather than the compact grid of a comparison. */
  readonly large = input(false);

  private readonly scrollBox = viewChild.required<ElementRef<HTMLElement>>('scrollBox');
  /** Whether columns wait beyond the box's right edge. */
  protected readonly moreToTheRight = signal(false);

  protected readonly template = computed(() => `max-content repeat(${this.institutions().length}, var(--cell))`);
  protected readonly columns = computed(() =>
    this.institutions().map((id, i) => ({ id, name: this.reference.institutionName(id), cursor: this.cursor()?.col === i })),
  );
  protected readonly rows = computed(() => {
    const colours = STATUS_COLOURS[this.colorScheme.current()];
    const status = new Map(this.matrix().cells.map((c) => [cellKey(c.scanner, c.issuer), c.status as CellStatus]));
    const changed = this.changed();
    const names = this.statusNames();
    const cursor = this.cursor();
    const ids = this.institutions();
    return ids.map((scanner, i) => {
      const scannerName = this.reference.institutionName(scanner);
      return {
        id: scanner,
        name: scannerName,
        cursor: cursor?.row === i,
        cells: ids.map((issuer, j) => {
          const key = cellKey(scanner, issuer);
          const s = status.get(key) ?? 'none';
          return {
            issuer,
            colour: colours[STATUS_VALUE[s]],
            changed: changed.has(key),
            cursor: cursor?.row === i && cursor.col === j,
            title: `${scannerName} → ${this.reference.institutionName(issuer)}: ${names[s] ?? LINK_STATUS_LABELS[s]}`,
          };
        }),
      };
    });
  });

  constructor() {
    // The keyboard's cell stays in view as it moves (past the sticky names: see the cells' scroll-margin).
    afterRenderEffect(() => {
      if (!this.cursor()) return;
      this.host.nativeElement.querySelector('.cell.cursor')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    });
    // Measured again whenever the grid is drawn anew (another period, city or size).
    afterRenderEffect(() => {
      this.rows();
      this.large();
      this.measureOverflow();
    });
  }

  protected measureOverflow(): void {
    const box = this.scrollBox().nativeElement;
    // A pixel of rounding is not a column.
    this.moreToTheRight.set(box.scrollLeft + box.clientWidth < box.scrollWidth - 1);
  }
}
