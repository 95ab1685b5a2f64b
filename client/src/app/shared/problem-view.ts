import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { Problem } from '../core/api/api-types';

/** Shows an API problem as a sentence a person can act on (never a stack). */
@Component({
  selector: 'im-problem-view',
  imports: [MatIconModule],
  template: `
    <div class="problem" role="alert">
      <strong>{{ problem().title }}</strong>
      @if (problem().detail) {
        <span>{{ problem().detail }}</span>
      }
      @if (problem().requestId) {
        <small>Request id: <code>{{ problem().requestId }}</code></small>
      }
    </div>
  `,
  styles: `
    .problem {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProblemView {
  readonly problem = input.required<Problem>();
}
