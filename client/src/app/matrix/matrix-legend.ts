import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ColorScheme } from '../core/theme/color-scheme';
import { STATUS_COLOURS, STATUS_LEGEND, STATUS_VALUE } from './matrix-cells';

/** The colours of the link statuses, and the changed cells' dot when a grid marks some. */
@Component({
  selector: 'im-matrix-legend',
  imports: [TranslocoPipe],
  template: `
    @for (item of legend; track item.status) {
      <span><i [style.background]="colours()[value[item.status]]"></i>{{ item.label | transloco }}</span>
    }
    @if (changed(); as text) {
      <span><i class="dot"></i>{{ text }}</span>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      font: var(--mat-sys-body-small);
    }
    i {
      display: inline-block;
      width: 12px;
      height: 12px;
      margin-right: 6px;
      border-radius: 2px;
      vertical-align: -1px;
      /* The "no link" swatch is close to the surface colour: an outline keeps it visible. */
      box-shadow: 0 0 0 1px var(--mat-sys-outline-variant);
    }
    /* The changed cells' mark, as the grid draws it. */
    i.dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--mat-sys-on-surface);
      box-shadow: none;
      vertical-align: 0;
    }
  `,
  // The grids it explains are hidden from screen readers (their tables carry the data), so is the legend.
  host: { 'aria-hidden': 'true' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MatrixLegend {
  private readonly colorScheme = inject(ColorScheme);

  /** What the dot means here, translated; no dot entry when null. */
  readonly changed = input<string | null>(null);

  protected readonly legend = STATUS_LEGEND;
  protected readonly value = STATUS_VALUE;
  protected readonly colours = computed(() => STATUS_COLOURS[this.colorScheme.current()]);
}
