import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import type { NewApiKey } from './api-keys-api';

/** Shows a new key's secret once, with a copy button; it closes only when the user says so. */
@Component({
  selector: 'im-new-key-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'apiKeys.created.title' | transloco }}</h2>
    <mat-dialog-content>
      <p class="warning" role="alert">
        <strong>{{ 'apiKeys.created.warningTitle' | transloco }}</strong>
        {{ 'apiKeys.created.warning' | transloco }}
      </p>
      <p>{{ 'apiKeys.created.name' | transloco: { name: data.name || data.id } }}</p>
      <label class="key-label" for="new-api-key">{{ 'apiKeys.created.keyLabel' | transloco }}</label>
      <div class="key-row">
        <input id="new-api-key" class="key" readonly [value]="data.key" (focus)="selectAll($event)" data-testid="new-api-key" />
        <button mat-stroked-button type="button" (click)="copy()">{{ (copied() ? 'apiKeys.created.copied' : 'apiKeys.created.copy') | transloco }}</button>
      </div>
      <p class="usage">{{ 'apiKeys.created.usage' | transloco }} <code>Authorization: Bearer …</code></p>
      <span class="cdk-visually-hidden" aria-live="polite">{{ copied() ? ('apiKeys.created.copied' | transloco) : '' }}</span>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close>{{ 'apiKeys.created.done' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .warning {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .key-label {
      display: block;
      font: var(--mat-sys-label-large);
      margin-bottom: 4px;
    }
    .key-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .key {
      flex: 1 1 16em;
      min-width: 0;
      padding: 8px;
      font-family: ui-monospace, monospace;
      font-size: 14px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
    }
    .usage {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewKeyDialog {
  private readonly clipboard = inject(Clipboard);
  protected readonly data = inject<NewApiKey>(MAT_DIALOG_DATA);
  protected readonly copied = signal(false);

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.data.key));
  }

  protected selectAll(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }
}
