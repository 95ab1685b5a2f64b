import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

export interface Confirmation {
  /** Already translated: the caller knows its scope and parameters. */
  title: string;
  body: string;
  /** A consequence the user must not miss, set apart below the body. */
  note?: string;
  confirm: string;
  /** A red confirm button, for what cannot be undone. */
  danger?: boolean;
}

/** Asks before an action that changes many things or cannot be undone. Closes with true to go ahead. */
@Component({
  selector: 'im-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.body }}</p>
      @if (data.note) {
        <p class="note" role="alert">{{ data.note }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>{{ 'actions.cancel' | transloco }}</button>
      <button mat-flat-button type="button" [class.danger]="data.danger" [mat-dialog-close]="true">{{ data.confirm }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .note {
      font-weight: 500;
      color: var(--mat-sys-error);
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  protected readonly data = inject<Confirmation>(MAT_DIALOG_DATA);
}

/** Opens the confirmation and resolves to whether the user went ahead (Escape and Cancel say no). */
export async function confirmed(dialog: MatDialog, confirmation: Confirmation): Promise<boolean> {
  return (await firstValueFrom(dialog.open(ConfirmDialog, { data: confirmation, maxWidth: '95vw' }).afterClosed())) === true;
}
