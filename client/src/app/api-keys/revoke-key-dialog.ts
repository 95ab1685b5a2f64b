import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ApiKey } from './api-keys-api';

/** Asks before revoking a key: systems using it stop working at once. Closes with true to revoke. */
@Component({
  selector: 'im-revoke-key-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'apiKeys.revoke.title' | transloco: { name: data.name || data.id } }}</h2>
    <mat-dialog-content>
      <p>{{ 'apiKeys.revoke.body' | transloco }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>{{ 'actions.cancel' | transloco }}</button>
      <button mat-flat-button type="button" class="danger" [mat-dialog-close]="true">{{ 'apiKeys.revoke.confirm' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RevokeKeyDialog {
  protected readonly data = inject<ApiKey>(MAT_DIALOG_DATA);
}
