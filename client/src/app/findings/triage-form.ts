import { ChangeDetectionStrategy, Component, input, model, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FindingStatus } from '../core/api/api-types';
import { FINDING_STATUS_LABELS } from '../core/i18n/domain-labels';
import { NOTE_REQUIRED, TRANSITION_LABELS } from './triage';

/** The note and one button per allowed step, for a finding or a whole case; a step that needs a note is stopped here without one. */
@Component({
  selector: 'im-triage-form',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  template: `
    <mat-form-field appearance="outline" class="wide" subscriptSizing="dynamic">
      <mat-label>{{ 'findings.detail.note' | transloco }}</mat-label>
      <textarea matInput rows="2" [value]="note()" (input)="note.set($any($event.target).value)" maxlength="4000"></textarea>
      <mat-hint>{{ 'findings.detail.noteHint' | transloco }}</mat-hint>
    </mat-form-field>
    <div class="buttons">
      @for (t of transitions(); track t) {
        <button mat-flat-button type="button" [disabled]="busy()" (click)="choose(t)">{{ transitionLabels[t] | transloco }}</button>
      }
    </div>
    @if (missingNote(); as m) {
      <p class="error" role="alert">{{ 'findings.detail.noteRequired' | transloco: { status: (statusLabels[m] | transloco) } }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .wide {
      width: 100%;
      margin-top: 8px;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 12px 0 8px;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TriageForm {
  /** The statuses the server says may come next. */
  readonly transitions = input.required<readonly FindingStatus[]>();
  readonly busy = input(false);
  /** Shared with the page, which sends it and clears it once the step is taken. */
  readonly note = model('');
  /** A step the user chose, with the note it needs when it needs one. */
  readonly chosen = output<FindingStatus>();

  protected readonly transitionLabels = TRANSITION_LABELS;
  protected readonly statusLabels = FINDING_STATUS_LABELS;
  /** A step the user tried without the note it needs. */
  protected readonly missingNote = signal<FindingStatus | null>(null);

  protected choose(status: FindingStatus): void {
    if (NOTE_REQUIRED.includes(status) && !this.note().trim()) {
      this.missingNote.set(status);
      return;
    }
    this.missingNote.set(null);
    this.chosen.emit(status);
  }
}
