import { BreakpointObserver } from '@angular/cdk/layout';
import { Injectable, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** Viewport widths the layout changes at: one place, so every page switches at the same width. */
@Injectable({ providedIn: 'root' })
export class Viewport {
  private readonly breakpoints = inject(BreakpointObserver);
  private readonly matches = (query: string) =>
    toSignal(this.breakpoints.observe(query).pipe(map((s) => s.matches)), { initialValue: false });

  /** A phone: tables keep the columns that decide the next step, filters go two a row. */
  readonly narrow = this.matches('(max-width: 600px)');
  /** Too narrow for a side navigation column: it slides over the page instead. */
  readonly noSideNav = this.matches('(max-width: 720px)');
}
