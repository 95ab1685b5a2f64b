import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { ColorScheme } from './color-scheme';

/** A toggle button for the dark theme: pressed when dark. */
@Component({
  selector: 'im-theme-toggle',
  imports: [MatButtonModule, TranslocoPipe],
  template: `
    <button
      mat-icon-button
      type="button"
      [attr.aria-label]="'theme.dark' | transloco"
      [attr.title]="'theme.dark' | transloco"
      [attr.aria-pressed]="scheme.isDark()"
      (click)="scheme.toggle()"
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        @if (scheme.isDark()) {
          <!-- A sun: what pressing it again brings back. -->
          <path
            d="M12 7a5 5 0 100 10 5 5 0 000-10zM2 13h2a1 1 0 000-2H2a1 1 0 000 2zm18 0h2a1 1 0 000-2h-2a1 1 0 000 2zM11 2v2a1 1 0 002 0V2a1 1 0 00-2 0zm0 18v2a1 1 0 002 0v-2a1 1 0 00-2 0zM5.99 4.58a1 1 0 00-1.41 1.41l1.06 1.06a1 1 0 001.41-1.41L5.99 4.58zm12.37 12.37a1 1 0 00-1.41 1.41l1.06 1.06a1 1 0 001.41-1.41l-1.06-1.06zm1.06-10.96a1 1 0 00-1.41-1.41l-1.06 1.06a1 1 0 001.41 1.41l1.06-1.06zM7.05 18.36a1 1 0 00-1.41-1.41l-1.06 1.06a1 1 0 001.41 1.41l1.06-1.06z"
          />
        } @else {
          <path d="M12 3a9 9 0 109 9c0-.46-.04-.92-.1-1.36a5.39 5.39 0 01-4.4 2.26 5.4 5.4 0 01-3.14-9.8c-.44-.06-.9-.1-1.36-.1z" />
        }
      </svg>
    </button>
  `,
  styles: `
    svg {
      width: 22px;
      height: 22px;
      fill: currentColor;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ThemeToggle {
  protected readonly scheme = inject(ColorScheme);
}
