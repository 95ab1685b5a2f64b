import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import type { Receipt } from '../core/api/api-types';

/** What the system acknowledged: id, version, hash and counts, plus any warnings. */
@Component({
  selector: 'im-receipt-card',
  imports: [DatePipe, MatCardModule],
  template: `
    <mat-card appearance="outlined" data-testid="receipt">
      <mat-card-header>
        <mat-card-title>
          @if (receipt().dryRun) {
            Valid — nothing stored yet
          } @else {
            Report received
          }
        </mat-card-title>
        <mat-card-subtitle>{{ receipt().institution }} · {{ receipt().period }} · version {{ receipt().version }}</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        <dl>
          @if (receipt().id !== null) {
            <dt>Receipt id</dt>
            <dd>{{ receipt().id }}</dd>
          }
          <dt>Received</dt>
          <dd>{{ receipt().receivedAt | date: 'medium' }}</dd>
          <dt>Links / agreements</dt>
          <dd>{{ receipt().counts.links }} / {{ receipt().counts.agreements }}</dd>
          <dt>SHA-256</dt>
          <dd class="mono hash">{{ receipt().sha256 }}</dd>
        </dl>
        @if (receipt().warnings.length > 0) {
          <h3>Warnings ({{ receipt().warnings.length }})</h3>
          <ul class="warnings">
            @for (w of receipt().warnings; track $index) {
              <li><code>{{ w.code }}</code> {{ w.row ? 'row ' + w.row + ': ' : '' }}{{ w.message }}</li>
            }
          </ul>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .hash {
      word-break: break-all;
    }
    .warnings {
      padding-left: 20px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReceiptCard {
  readonly receipt = input.required<Receipt>();
}
