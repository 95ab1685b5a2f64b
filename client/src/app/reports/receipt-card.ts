import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Receipt } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';
import { ReferenceData } from '../shared/reference-data';
import { saveReceipt } from './report-files';

/** What the system acknowledged: id, version, hash and counts, plus any warnings. */
@Component({
  selector: 'im-receipt-card',
  imports: [MatButtonModule, MatCardModule, TranslocoPipe],
  template: `
    <mat-card appearance="outlined" data-testid="receipt">
      <mat-card-header>
        <mat-card-title>{{ titleKey() | transloco }}</mat-card-title>
        <mat-card-subtitle>{{ 'reports.receipt.subtitle' | transloco: { institution: reference.institutionName(receipt().institution), period: format.period(receipt().period), version: receipt().version } }}</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        <dl>
          @if (receipt().id !== null) {
            <dt>{{ 'reports.receipt.id' | transloco }}</dt>
            <dd>{{ receipt().id }}</dd>
          }
          <dt>{{ 'reports.receipt.receivedAt' | transloco }}</dt>
          <dd>{{ format.dateTime(receipt().receivedAt) }}</dd>
          <dt>{{ 'reports.receipt.counts' | transloco }}</dt>
          <dd>{{ format.number(receipt().counts.links) }} / {{ format.number(receipt().counts.agreements) }}</dd>
          <dt>{{ 'reports.receipt.sha256' | transloco }}</dt>
          <dd class="mono hash">{{ receipt().sha256 }}</dd>
        </dl>
        @if (receipt().warnings.length > 0) {
          <h3>{{ 'reports.receipt.warnings' | transloco: { count: receipt().warnings.length } }}</h3>
          <ul class="warnings">
            @for (w of receipt().warnings; track $index) {
              <li>
                <code>{{ w.code }}</code>
                @if (w.row) {
                  {{ 'reports.receipt.row' | transloco: { row: w.row } }}
                }
                {{ w.message }}
              </li>
            }
          </ul>
        }
      </mat-card-content>
      @if (!receipt().dryRun) {
      <mat-card-actions>
        <button mat-button type="button" (click)="download()">
          <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M19 9h-4V3H9v6H5l7 7 7-7zM5 18v2h14v-2H5z" /></svg>
          {{ 'reports.receipt.download' | transloco }}
        </button>
        <!-- The printable receipt compliance staff file: a plain link, the session cookie authorises the GET. -->
        <a mat-button [href]="'/api/v1/reports/' + receipt().id + '/receipt?format=pdf'" download>
          <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M19 9h-4V3H9v6H5l7 7 7-7zM5 18v2h14v-2H5z" /></svg>
          {{ 'reports.receipt.downloadPdf' | transloco }}
        </a>
      </mat-card-actions>
      }
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
    .icon {
      width: 20px;
      height: 20px;
      fill: currentColor;
      margin-right: 4px;
      vertical-align: middle;
    }
    .warnings {
      padding-left: 20px;
      /* A warning may quote a long value with no space to break at; on a phone it wraps, not cuts. */
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReceiptCard {
  protected readonly format = inject(LocaleFormat);
  /** The institution by its name in the language shown ("支付宝"), not its id. */
  protected readonly reference = inject(ReferenceData);

  /** The receipt (or dry-run result) to show. */
  readonly receipt = input.required<Receipt>();

  private readonly document = inject(DOCUMENT);

  protected readonly titleKey = computed(() => (this.receipt().dryRun ? 'reports.receipt.dryRun' : 'reports.receipt.received'));

  /** Saves the receipt as a JSON file, the institution's proof of what it submitted. */
  protected download(): void {
    saveReceipt(this.document, this.receipt());
  }
}
